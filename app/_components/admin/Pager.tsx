/** Previous / next under a server-paged admin list. */
export function Pager({
  page,
  result,
  noun,
  onPage,
}: {
  page: number;
  result: { page: number; perPage: number; total: number } | null;
  noun: string;
  onPage: (page: number) => void;
}) {
  const pages = result ? Math.max(1, Math.ceil(result.total / result.perPage)) : 1;
  return (
    <div className="row">
      <button type="button" className="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span className="muted">{result ? `Page ${result.page} of ${pages} · ${result.total} ${noun}` : "Loading…"}</span>
      <button type="button" className="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </div>
  );
}
