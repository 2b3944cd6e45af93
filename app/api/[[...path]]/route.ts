import { handler, notFound } from "@/lib/http";

// Any /api address no route claims: the JSON error body, not the HTML "not found" page.
const nothingHere = handler(async () => {
  throw notFound("That API address");
});

export { nothingHere as GET, nothingHere as POST, nothingHere as PUT, nothingHere as PATCH, nothingHere as DELETE };
