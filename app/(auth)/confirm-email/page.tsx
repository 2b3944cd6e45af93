import { emailCheckTokenSchema } from "@/lib/accounts/email-check";
import { ConfirmEmailForm } from "../../_components/ConfirmEmailForm";
import { Notice } from "../../_components/Notice";

type Props = { searchParams: Promise<{ token?: string | string[] }> };

// Opened from the confirmation mail; the button does the confirming.
export default async function ConfirmEmailPage({ searchParams }: Props) {
  const token = emailCheckTokenSchema.safeParse((await searchParams).token);
  if (!token.success) {
    return (
      <div className="page">
        <Notice title="This confirmation link can't be used" action={{ href: "/signin", label: "Sign in" }}>
          <p>Check that you opened the whole link from the mail.</p>
        </Notice>
      </div>
    );
  }
  return (
    <div className="page">
      <ConfirmEmailForm token={token.data} />
    </div>
  );
}
