import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { AuthForm } from "./AuthForm";

export type AuthPageProps = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> };

export async function AuthPage({ mode, searchParams }: AuthPageProps & { mode: "signin" | "signup" }) {
  const { callbackUrl, error } = await searchParams;
  if (await currentUser()) redirect("/");
  // next-auth sends people back here with ?error=<code> when its own routes refuse a sign-in.
  const notice = typeof error === "string" ? signInErrorMessage(error) : null;
  return (
    <div className="page">
      <AuthForm mode={mode} callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} notice={notice} />
    </div>
  );
}
