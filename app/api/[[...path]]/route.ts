// GET, POST, PUT, PATCH, DELETE /api/<anything no route claims> – a JSON 404; anyone
import { handler, notFound } from "@/lib/http";

// The JSON error body, not the HTML "not found" page.
const nothingHere = handler(async () => {
  throw notFound("That API address");
});

export { nothingHere as GET, nothingHere as POST, nothingHere as PUT, nothingHere as PATCH, nothingHere as DELETE };
