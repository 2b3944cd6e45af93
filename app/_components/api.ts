// JSON calls to our API from client components; on failure, the server's message for people.
export async function callApi(path: string, init: { method: string; json?: unknown }): Promise<{ ok: true; body: unknown } | { ok: false; message: string }> {
  try {
    const response = await fetch(path, {
      method: init.method,
      headers: init.json === undefined ? undefined : { "Content-Type": "application/json" },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (!response.ok) return { ok: false, message: body?.error?.message ?? "Something went wrong. Try again." };
    return { ok: true, body };
  } catch {
    return { ok: false, message: "Parley can't be reached. Check your connection and try again." };
  }
}
