import Link from "next/link";

/** A full-page message: why you can't go on, and where to go instead. */
export function Notice({
  title,
  children,
  action,
}: {
  title: string;
  children?: React.ReactNode;
  action?: { href: string; label: string };
}) {
  return (
    <div className="notice card" data-testid="notice">
      <h1>{title}</h1>
      {children ? <div className="muted">{children}</div> : null}
      {action ? (
        <p>
          <Link className="button" href={action.href}>
            {action.label}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
