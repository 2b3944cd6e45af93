import { redirect } from "next/navigation";
import { isFreshServer, namedAdminsStillToSignUp, signUpPolicy } from "@/lib/accounts/accounts";
import { findUsableInvitation, invitationTokenSchema, type UsableInvitation } from "@/lib/accounts/invitations";
import { domainsInWords, signUpClosedReason } from "@/lib/accounts/sign-up-policy";
import { currentUser } from "@/lib/auth/session";
import { signInChoices } from "@/lib/sso/provider";
import { AppError } from "@/lib/http";
import { AuthForm } from "../../_components/AuthForm";
import { Notice } from "../../_components/Notice";
import { SsoButton } from "../../_components/SsoButton";

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; invitation?: string | string[] }> };

// Sign-up, as far as SIGNUP allows: the form, the form for an invited person (email fixed), or
// why this server takes no sign-ups. The server action enforces the same rule.
export default async function SignUpPage({ searchParams }: Props) {
  const { callbackUrl, invitation: token } = await searchParams;
  if (await currentUser()) redirect("/");
  let invitation: UsableInvitation | null = null;
  if (token !== undefined) {
    try {
      invitation = await findUsableInvitation(invitationTokenSchema.parse(token));
    } catch (error) {
      const message =
        error instanceof AppError
          ? error.message
          : "That invitation link is not valid. Check that you copied all of it.";
      return (
        <div className="page">
          <Notice title="This invitation can't be used" action={{ href: "/signin", label: "Sign in" }}>
            <p>
              {error instanceof AppError && error.status === 404
                ? "That invitation does not exist. Check that you copied the whole link."
                : message}
            </p>
          </Notice>
        </div>
      );
    }
  }
  const { sso, passwords } = signInChoices();
  if (!passwords) {
    return (
      <div className="page">
        <AuthForm
          mode="signup"
          sso={sso}
          passwords={false}
          callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined}
        />
      </div>
    );
  }
  const policy = signUpPolicy();
  const closed = signUpClosedReason(policy, { isFirstAccount: await isFreshServer(), invited: invitation !== null });
  // An administrator named in ADMIN_EMAILS may still make their account here.
  const closedButForNamedAdmins = closed !== null && (await namedAdminsStillToSignUp());
  if (closed && !closedButForNamedAdmins) {
    return (
      <div className="page">
        <Notice title="Sign-up is closed" action={{ href: "/signin", label: "Sign in" }}>
          <p>{closed}</p>
          {sso ? (
            <p>
              <SsoButton label={sso.label} next="/" />
            </p>
          ) : null}
        </Notice>
      </div>
    );
  }
  const hint = closedButForNamedAdmins
    ? `${closed} Only the administrators named in this server's settings can sign up here.`
    : invitation !== null
      ? `${invitation.invitedBy} invited you to Parley. Your account will be for ${invitation.email}.`
      : policy.mode === "domains"
        ? `Accounts here are for email addresses at ${domainsInWords(policy.domains)}.`
        : null;
  return (
    <div className="page">
      <AuthForm
        mode="signup"
        callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined}
        hint={hint}
        invitation={invitation ? { token: token as string, email: invitation.email } : undefined}
        sso={sso}
      />
    </div>
  );
}
