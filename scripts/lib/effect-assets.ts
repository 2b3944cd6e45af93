// The background effect's WebAssembly, model and loader, copied from the npm package that ships
// them into public/ so that Parley serves them itself (no CDN). Run before every build and dev
// start; public/effects/ is git-ignored because node_modules can always produce it again.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";

const PACKAGE = "node_modules/@mediapipe/selfie_segmentation";
export const EFFECT_ASSETS_DIR = "public/effects/selfie-segmentation";
const SHIPPED = /\.(js|wasm|data|tflite|binarypb)$/;

export function copyEffectAssets(root = process.cwd()): string[] {
  const from = path.join(root, PACKAGE);
  if (!existsSync(from)) throw new Error(`${PACKAGE} is missing: run npm install.`);
  const to = path.join(root, EFFECT_ASSETS_DIR);
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  const files = readdirSync(from).filter((file) => SHIPPED.test(file));
  for (const file of files) copyFileSync(path.join(from, file), path.join(to, file));
  return files;
}
