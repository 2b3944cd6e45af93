import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChatText } from "@/app/_components/ChatText";

const html = (text: string) => renderToStaticMarkup(createElement(ChatText, { text }));

describe("a chat message as people read it", () => {
  it("makes http and https addresses links that open apart from the page", () => {
    expect(html("see https://example.org/a?b=1&c=2 and http://x.test")).toBe(
      '<span class="chat-text">see <a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">https://example.org/a?b=1&amp;c=2</a> and <a href="http://x.test/" target="_blank" rel="noopener noreferrer">http://x.test</a></span>',
    );
  });

  it("leaves a sentence's closing punctuation out of the link", () => {
    expect(html("(read https://example.org/page).")).toContain('href="https://example.org/page"');
    expect(html("(read https://example.org/page).")).toContain("</a>).</span>");
  });

  it("shows HTML and other schemes as text", () => {
    const shown = html(`<img src=x onerror="alert(1)"> javascript:alert(1) data:text/html,hi [x](javascript:alert(2))`);
    expect(shown).not.toContain("<img");
    expect(shown).not.toContain("<a");
    expect(shown).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("does not take an address hidden inside another scheme", () => {
    expect(html("javascript:https://example.org")).not.toContain("javascript:https");
    expect(html("javascript://https://example.org/%0Aalert(1)")).not.toMatch(/href="javascript/);
  });
});
