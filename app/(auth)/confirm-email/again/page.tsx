import { mailConfigured } from "@/lib/mail/send";
import { ConfirmAgainForm } from "../../../_components/ConfirmAgainForm";
import { Notice } from "../../../_components/Notice";

export default function ConfirmAgainPage() {
  if (!mailConfigured()) {
    return (
      <div className="page">
        <Notice title="Confirmation mails are not available" action={{ href: "/signin", label: "Back to sign in" }}>
          <p>This Parley server is not set up to send mail. Ask an administrator for help.</p>
        </Notice>
      </div>
    );
  }
  return (
    <div className="page">
      <ConfirmAgainForm />
    </div>
  );
}
