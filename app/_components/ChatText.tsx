// A chat message as people read it: plain text (React escapes any HTML in it), with web addresses
// made into links. Only http and https addresses become links, opened in a new tab without
// telling the other site where the reader came from; anything else (javascript:, data:...) stays text.

const ADDRESS = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Punctuation that ends a sentence rather than the address ("see https://example.org.").
const TRAILING = /[.,;:!?)\]}]+$/;

function safeLink(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export function ChatText({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const address = match[0].replace(TRAILING, "");
    const href = safeLink(address);
    if (!href) continue;
    parts.push(text.slice(last, match.index));
    parts.push(
      <a key={match.index} href={href} target="_blank" rel="noopener noreferrer">
        {address}
      </a>,
    );
    last = match.index + address.length;
  }
  parts.push(text.slice(last));
  return <span className="chat-text">{parts}</span>;
}
