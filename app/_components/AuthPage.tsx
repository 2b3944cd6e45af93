import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { AuthForm } from "./AuthForm";

export type AuthPageProps = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export async function AuthPage({ mode, searchParams }: AuthPageProps & { mode: "signin" | "signup" }) {
  const { callbackUrl } = await searchParams;
  if (await currentUser()) redirect("/");
  return (
    <div className="page">
      <AuthForm mode={mode} callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
    </div>
  );
}
