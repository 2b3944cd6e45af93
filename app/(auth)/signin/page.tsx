import { AuthPage, type AuthPageProps } from "../../_components/AuthPage";

export default function Page(props: AuthPageProps) {
  return <AuthPage mode="signin" {...props} />;
}
