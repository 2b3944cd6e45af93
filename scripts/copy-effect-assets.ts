// npm run prebuild / predev: the effects' assets into public/effects/ (scripts/lib/effect-assets.ts).
import { copyEffectAssets, EFFECT_ASSETS_DIR } from "./lib/effect-assets";

const files = copyEffectAssets();
console.log(`Effect assets: ${files.length} files in ${EFFECT_ASSETS_DIR}`);
