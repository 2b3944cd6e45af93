import type { ReactNode } from "react";

/**
 * A table of rows under a header row. It scrolls sideways inside its own box, so a wide table
 * never widens the page on a phone; the box is a named region a keyboard can focus and scroll.
 */
export function DataTable({
  testId,
  label,
  columns,
  children,
}: {
  testId: string;
  label: string;
  columns: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="invites" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index}>{column}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
