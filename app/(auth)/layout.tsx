import { ClientMessages } from "../_components/ClientMessages";

// Signing up and in, confirming an address, resetting a password: their forms read "auth".
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["auth"]}>{children}</ClientMessages>;
}
