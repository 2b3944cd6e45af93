// What a server-rendered page shows, without its <script> elements: those carry React's payload,
// including every catalogue's words (next-intl hands them to the browser's components), so a
// phrase found in the whole HTML may be one the page never shows.
export function shownHtml(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
}
