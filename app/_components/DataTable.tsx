import type { ReactNode } from "react";

/**
 * A table of rows under a header row. It scrolls sideways inside its own box, so a wide table
 * never widens the page on a phone.
 */
export function DataTable({
  testId,
  columns,
  children,
}: {
  testId: string;
  columns: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
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
