"use client";
// One form of /account, posted to its server action: works without JavaScript; with it, the
// answer shows without a page load.
import { useActionState, type ReactNode } from "react";
import type { AccountFormState } from "../../account/actions";
import { FormError } from "../FormError";

type Props = {
  action: (previous: AccountFormState, form: FormData) => Promise<AccountFormState>;
  title: string;
  submit: string;
  testId: string;
  danger?: boolean;
  children?: ReactNode;
};

const INITIAL: AccountFormState = { error: null };

export function AccountForm({ action, title, submit, testId, danger, children }: Props) {
  const [state, formAction, busy] = useActionState(action, INITIAL);
  return (
    <form className="card stack" action={formAction} data-testid={testId}>
      <h2>{title}</h2>
      {children}
      <FormError message={state.error} />
      {state.done ? (
        <p className="muted" role="status">
          {state.done}
        </p>
      ) : null}
      <button type="submit" className={danger ? "danger" : undefined} disabled={busy}>
        {submit}
      </button>
    </form>
  );
}
