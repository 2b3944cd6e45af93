// The effects' WebAssembly, models, worklets and loaders, copied from the npm packages that ship
// them into public/effects/ so that Parley serves them itself (no CDN), always matching the
// installed packages. Run before every build and dev start; public/effects/ is git-ignored
// because node_modules can always produce it again.
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { readdirSync } from "node:fs";
import path from "node:path";

export const EFFECT_ASSETS_DIR = "public/effects";

/** Each effect's folder under public/effects/: the package it comes from and the files it serves. */
const EFFECTS: { folder: string; from: string; files: (shipped: string[]) => Record<string, string> }[] = [
  {
    // Background blur and pictures: MediaPipe's loader, its WebAssembly builds and the models.
    folder: "selfie-segmentation",
    from: "node_modules/@mediapipe/selfie_segmentation",
    files: (shipped) =>
      Object.fromEntries(
        shipped.filter((file) => /\.(js|wasm|data|tflite|binarypb)$/.test(file)).map((file) => [file, file]),
      ),
  },
  {
    // Noise suppression: RNNoise's AudioWorklet and its WebAssembly (with and without SIMD).
    folder: "noise-suppressor",
    from: "node_modules/@sapphi-red/web-noise-suppressor/dist",
    files: () => ({
      "rnnoise-worklet.js": "rnnoise/workletProcessor.js",
      "rnnoise.wasm": "rnnoise.wasm",
      "rnnoise_simd.wasm": "rnnoise_simd.wasm",
    }),
  },
];

export function copyEffectAssets(root = process.cwd()): string[] {
  const target = path.join(root, EFFECT_ASSETS_DIR);
  rmSync(target, { recursive: true, force: true });
  const copied: string[] = [];
  for (const effect of EFFECTS) {
    const from = path.join(root, effect.from);
    if (!existsSync(from)) throw new Error(`${effect.from} is missing: run npm install.`);
    mkdirSync(path.join(target, effect.folder), { recursive: true });
    for (const [name, source] of Object.entries(effect.files(readdirSync(from)))) {
      copyFileSync(path.join(from, source), path.join(target, effect.folder, name));
      copied.push(`${effect.folder}/${name}`);
    }
  }
  return copied;
}
