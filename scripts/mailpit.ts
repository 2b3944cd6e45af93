// npm run mailpit:install — find or build Mailpit (the development mail server) and print where it is.
import { findOrInstallMailpit } from "./lib/mailpit";

try {
  console.log(findOrInstallMailpit());
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
