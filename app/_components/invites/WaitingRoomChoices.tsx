// The room setting "who waits at the door" (lib/door/rules.ts), as part of the settings form.
import type { WaitingRoomChoice } from "@/lib/door/rules";

const choices: { value: WaitingRoomChoice; label: string }[] = [
  { value: "EVERYONE", label: "Everyone except hosts and co-hosts" },
  { value: "GUESTS", label: "Guests without an account" },
  { value: "NOBODY", label: "Nobody: everyone allowed in joins at once" },
];

export function WaitingRoomChoices({ value }: { value: WaitingRoomChoice }) {
  return (
    <fieldset className="stack">
      <legend>Who waits to be let in by a host</legend>
      {choices.map((choice) => (
        <label key={choice.value}>
          <span>
            <input type="radio" name="waitingRoom" value={choice.value} defaultChecked={value === choice.value} />{" "}
            {choice.label}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
