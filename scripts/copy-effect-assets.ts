// npm run prebuild / predev: see scripts/lib/effect-assets.ts.
import { copyEffectAssets, EFFECT_ASSETS_DIR } from "./lib/effect-assets";

const files = copyEffectAssets();
console.log(`Background effect assets: ${files.length} files in ${EFFECT_ASSETS_DIR}`);
