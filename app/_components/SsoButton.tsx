/** The single sign-on button: a link to the route that sends the browser to the provider. */
export function SsoButton({ label, next }: { label: string; next: string }) {
  // A plain link (no client-side navigation): it leaves for the provider's site.
  return (
    <a className="button" href={`/api/sso/start${next !== "/" ? `?callbackUrl=${encodeURIComponent(next)}` : ""}`}>
      {label}
    </a>
  );
}
