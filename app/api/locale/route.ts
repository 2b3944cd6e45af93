// PUT /api/locale – the language of Parley's pages for this browser, and for the account when signed in
import { currentUser } from "@/lib/auth/session";
import { handler, parseJsonBody } from "@/lib/http";
import { chooseLocale, localeChoiceSchema } from "@/lib/i18n/choice";

export const PUT = handler(async (request: Request) => {
  const choice = await parseJsonBody(request, localeChoiceSchema);
  await chooseLocale(await currentUser(), choice);
  return new Response(null, { status: 204 });
});
