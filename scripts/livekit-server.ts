// npm run livekit:install — find or build livekit-server and print where it is.
import { findOrInstallLiveKitServer } from "./lib/livekit-server";

try {
  console.log(findOrInstallLiveKitServer());
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
