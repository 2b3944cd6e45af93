import type { AbstractIntlMessages } from "next-intl";

/**
 * The parts of `messages` named by `paths` ("meeting", "invites.copyInviteLink"), nested as in the
 * catalogue. A path that names nothing is an error: a client component would show keys.
 */
export function pickMessages(messages: AbstractIntlMessages, paths: string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from: AbstractIntlMessages | string | undefined = messages;
    let to = picked;
    keys.forEach((key, index) => {
      from = typeof from === "object" ? from[key] : undefined;
      if (from === undefined) throw new Error(`No messages at "${path}"`);
      if (index === keys.length - 1) to[key] = from;
      else to = (to[key] ??= {}) as AbstractIntlMessages;
    });
  }
  return picked;
}
