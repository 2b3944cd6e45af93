import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// Noise suppression's AudioWorklet and WebAssembly are served by Parley itself: copied here from
// the npm package into public/ (git-ignored) whenever Next loads this file (dev, build, start), so
// every way of running the app has them, and they always match the installed package.
const NOISE_ASSETS: Record<string, string> = {
  "rnnoise-worklet.js": "@sapphi-red/web-noise-suppressor/rnnoiseWorklet.js",
  "rnnoise.wasm": "@sapphi-red/web-noise-suppressor/rnnoise.wasm",
  "rnnoise_simd.wasm": "@sapphi-red/web-noise-suppressor/rnnoise_simd.wasm",
};

function copyNoiseSuppressorAssets() {
  const resolve = createRequire(path.join(process.cwd(), "package.json")).resolve;
  const target = path.join(process.cwd(), "public", "noise-suppressor");
  mkdirSync(target, { recursive: true });
  for (const [name, source] of Object.entries(NOISE_ASSETS)) copyFileSync(resolve(source), path.join(target, name));
}

copyNoiseSuppressorAssets();

const nextConfig: NextConfig = {
  // Native modules stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
};

export default createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  // Messages are compiled at build time, so browsers get no ICU parser (docs/benchmarks.md §3).
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
})(nextConfig);
