// The room setting "who waits at the door" (lib/door/rules.ts), as part of the settings form.
import { useTranslations } from "next-intl";
import type { WaitingRoomChoice } from "@/lib/door/rules";

const choices = [
  { value: "EVERYONE", label: "waitEveryone" },
  { value: "GUESTS", label: "waitGuests" },
  { value: "NOBODY", label: "waitNobody" },
] as const satisfies readonly { value: WaitingRoomChoice; label: string }[];

export function WaitingRoomChoices({ value }: { value: WaitingRoomChoice }) {
  const t = useTranslations("invites.settings");
  return (
    <fieldset className="stack">
      <legend>{t("whoWaits")}</legend>
      {choices.map((choice) => (
        <label key={choice.value}>
          <span>
            <input type="radio" name="waitingRoom" value={choice.value} defaultChecked={value === choice.value} />{" "}
            {t(choice.label)}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
