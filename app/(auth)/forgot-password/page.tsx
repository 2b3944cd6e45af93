import { RESET_LIFETIME_MINUTES } from "@/lib/accounts/password-reset";
import { mailConfigured } from "@/lib/mail/send";
import { ForgotPasswordForm } from "../../_components/ForgotPasswordForm";
import { Notice } from "../../_components/Notice";

export default function ForgotPasswordPage() {
  if (!mailConfigured()) {
    return (
      <div className="page">
        <Notice title="Password resets are not available" action={{ href: "/signin", label: "Back to sign in" }}>
          <p>
            This Parley server is not set up to send mail, so it cannot mail you a reset link. Ask an administrator for
            help.
          </p>
        </Notice>
      </div>
    );
  }
  return (
    <div className="page">
      <ForgotPasswordForm minutes={RESET_LIFETIME_MINUTES} />
    </div>
  );
}
