// npm run livekit:install — find or build livekit-server and print where it is.
import { errorMessage } from "../lib/error-message";
import { findOrInstallLiveKitServer } from "./lib/livekit-server";

try {
  console.log(findOrInstallLiveKitServer());
} catch (error) {
  console.error(errorMessage(error));
  process.exit(1);
}
