// npm run recorder:install — find or build parley-recorder (recorder/) and print where it is.
import { findOrBuildRecorder } from "./lib/recorder";

try {
  console.log(findOrBuildRecorder());
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
