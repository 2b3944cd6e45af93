import { describe, expect, it } from "vitest";
import { pickMessages } from "@/lib/i18n/pick-messages";

const messages = {
  common: { brand: "Parley" },
  invites: { metaTitle: "Invites", copyInviteLink: { copy: "Copy", copied: "Copied" }, lock: { on: "Locked" } },
  meeting: { title: "Meeting" },
};

describe("picking the messages a page's client components read", () => {
  it("keeps whole namespaces and parts of them, nested as in the catalogue, and nothing else", () => {
    expect(pickMessages(messages, ["common", "invites.copyInviteLink"])).toEqual({
      common: { brand: "Parley" },
      invites: { copyInviteLink: { copy: "Copy", copied: "Copied" } },
    });
  });

  it("merges parts of one namespace", () => {
    expect(pickMessages(messages, ["invites.lock", "invites.copyInviteLink"])).toEqual({
      invites: { lock: { on: "Locked" }, copyInviteLink: { copy: "Copy", copied: "Copied" } },
    });
  });

  it("refuses a path that names nothing, rather than hand the browser keys to show", () => {
    expect(() => pickMessages(messages, ["invites.nothing"])).toThrow('No messages at "invites.nothing"');
    expect(() => pickMessages(messages, ["common.brand.more"])).toThrow();
  });
});
