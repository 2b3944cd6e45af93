// Submits a page's form the way a browser with JavaScript off does: every hidden field the
// server rendered (a server action's own among them), plus the fields given, as a multipart POST
// to the form's address. For forms that post to server actions.
import type { HttpClient } from "./http-client";

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

export async function submitForm(
  client: HttpClient,
  path: string,
  values: Record<string, string> = {},
): Promise<Response> {
  const html = await (await client.request(path)).text();
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error(`no form on ${path}`);
  const action = /\baction="([^"]*)"/.exec(form[1]!)?.[1];
  const body = new FormData();
  for (const input of form[2]!.matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(input[0])?.[1];
    const type = /\btype="([^"]*)"/.exec(input[0])?.[1];
    if (!name || type !== "hidden") continue;
    body.append(decode(name), decode(/\bvalue="([^"]*)"/.exec(input[0])?.[1] ?? ""));
  }
  for (const [name, value] of Object.entries(values)) body.append(name, value);
  return client.request(action ? decode(action) || path : path, { method: "POST", body });
}
