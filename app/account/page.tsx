import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { accountDetails } from "@/lib/accounts/account-settings";
import { currentUser } from "@/lib/auth/session";
import { AccountForm } from "../_components/account/AccountForm";
import { changePasswordAction, deleteAccountAction, endOtherSessionsAction, renameAction } from "./actions";

export const metadata: Metadata = { title: "Your account · Parley" };

// Name, password, sessions, and deleting the account, each a form that works without JavaScript.
export default async function AccountPage() {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=%2Faccount");
  const { hasPassword, emailConfirmed, rooms } = await accountDetails(user.id);
  return (
    <div className="page">
      <section className="card stack">
        <h1>Your account</h1>
        <p>
          {user.email}
          {emailConfirmed ? <span className="muted"> · confirmed</span> : null}
          {user.role === "ADMIN" ? <span className="muted"> · administrator</span> : null}
        </p>
      </section>
      <AccountForm action={renameAction} title="Name" submit="Save name" testId="rename">
        <label>
          Your name
          <input name="name" defaultValue={user.name} maxLength={64} required autoComplete="name" />
        </label>
      </AccountForm>
      <AccountForm
        action={changePasswordAction}
        title={hasPassword ? "Change password" : "Set a password"}
        submit={hasPassword ? "Change password" : "Set password"}
        testId="change-password"
      >
        {hasPassword ? (
          <label>
            Current password
            <input name="current" type="password" autoComplete="current-password" required />
          </label>
        ) : null}
        <label>
          New password
          <input name="password" type="password" autoComplete="new-password" required />
        </label>
        <p className="muted">
          Every other session of your account (other browsers, other devices) is signed out; this one stays.
        </p>
      </AccountForm>
      <AccountForm
        action={endOtherSessionsAction}
        title="Other sessions"
        submit="Sign out everywhere else"
        testId="end-sessions"
      >
        <p className="muted">
          Signs your account out of every other browser and device. Use it if you signed in on a computer that
          isn&apos;t yours.
        </p>
      </AccountForm>
      <AccountForm
        action={deleteAccountAction}
        title="Delete your account"
        submit="Delete my account"
        testId="delete-account"
        danger
      >
        <p className="muted">
          This cannot be undone. You have {rooms === 1 ? "1 room" : `${rooms} rooms`}. Handed to an administrator, they
          keep their address, invite links and history, and anyone with a link can still join; deleted, their links stop
          working and their history is gone. Anyone in one of your meetings now is disconnected if you delete the rooms.
        </p>
        <fieldset className="stack">
          <legend>Your rooms</legend>
          <label>
            <span>
              <input type="radio" name="rooms" value="hand_over" defaultChecked /> Hand them to an administrator
            </span>
          </label>
          <label>
            <span>
              <input type="radio" name="rooms" value="delete" /> Delete them
            </span>
          </label>
        </fieldset>
        <label>
          {hasPassword ? "Your password, to confirm" : "Your email address, to confirm"}
          <input
            name="confirmation"
            type={hasPassword ? "password" : "email"}
            autoComplete={hasPassword ? "current-password" : "off"}
            required
          />
        </label>
      </AccountForm>
    </div>
  );
}
