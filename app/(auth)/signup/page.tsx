import { getFormatter, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { isFreshServer, namedAdminsStillToSignUp, signUpPolicy } from "@/lib/accounts/accounts";
import { findUsableInvitation, invitationTokenSchema, type UsableInvitation } from "@/lib/accounts/invitations";
import { signUpClosedReason } from "@/lib/accounts/sign-up-policy";
import { currentUser } from "@/lib/auth/session";
import { signInChoices } from "@/lib/sso/provider";
import { AppError } from "@/lib/http";
import { refusalMessage } from "@/lib/i18n/refusal";
import { AuthForm } from "../../_components/AuthForm";
import { Notice } from "../../_components/Notice";
import { SsoButton } from "../../_components/SsoButton";

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; invitation?: string | string[] }> };

// Sign-up, as far as SIGNUP allows: the form, the form for an invited person (email fixed), or
// why this server takes no sign-ups. The server action enforces the same rule.
export default async function SignUpPage({ searchParams }: Props) {
  const { callbackUrl, invitation: token } = await searchParams;
  if (await currentUser()) redirect("/");
  const t = await getTranslations("auth");
  let invitation: UsableInvitation | null = null;
  if (token !== undefined) {
    try {
      invitation = await findUsableInvitation(invitationTokenSchema.parse(token));
    } catch (error) {
      const message = error instanceof AppError ? await refusalMessage(error) : t("signUp.invitationInvalid");
      return (
        <div className="page">
          <Notice title={t("signUp.invitationTitle")} action={{ href: "/signin", label: t("links.signIn") }}>
            <p>{error instanceof AppError && error.status === 404 ? t("signUp.invitationMissing") : message}</p>
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
  // The page words the reason itself; the policy only says whether sign-up is closed.
  const closed =
    signUpClosedReason(policy, { isFirstAccount: await isFreshServer(), invited: invitation !== null }) === null
      ? null
      : policy.mode === "invite"
        ? t("signUp.closedInvite")
        : t("signUp.closedClosed");
  // An administrator named in ADMIN_EMAILS may still make their account here.
  const closedButForNamedAdmins = closed !== null && (await namedAdminsStillToSignUp());
  if (closed && !closedButForNamedAdmins) {
    return (
      <div className="page">
        <Notice title={t("signUp.closedTitle")} action={{ href: "/signin", label: t("links.signIn") }}>
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
    ? t("signUp.onlyNamedAdmins", { reason: closed })
    : invitation !== null
      ? t("signUp.invited", { inviter: invitation.invitedBy, email: invitation.email })
      : policy.mode === "domains"
        ? t("signUp.domains", {
            domains: (await getFormatter()).list(policy.domains, { type: "disjunction" }),
          })
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
