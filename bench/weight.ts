// npm run bench:weight — the JavaScript a browser downloads to show /r/<slug>, from the build's
// manifests: Next's root chunks (build-manifest.json `rootMainFiles`, every App Router page) plus
// the chunks of the route's layouts and page (the route's client reference manifest,
// `entryJSFiles`). These are the <script> tags of the served HTML. Chunks that those load later
// with import() (next/dynamic) are listed apart, as are the polyfills (`nomodule`: modern
// browsers skip them) and CSS. Sizes are raw and gzip -9 (zlib level 9). Each optional effect
// (loaded only when switched on) is reported apart: its lazy chunks and the assets it fetches.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildIfAsked } from "./lib/stack";
import { kB, printMachine, printTable, writeResult } from "./lib/report";

const NEXT = ".next";
const TARGET_GZIP_BYTES = 160_000;

// The effects: a string only their code holds, and the folder (under public/) of their assets.
const EFFECTS = [
  { name: "background blur/picture", marker: "selfie_segmentation.js", assets: "public/effects/selfie-segmentation" },
];
const route = process.argv.slice(2).find((arg) => arg.startsWith("/")) ?? "/r/[slug]";

type Chunk = { file: string; raw: number; gzip: number };

function measure(file: string): Chunk {
  const content = readFileSync(path.join(NEXT, file));
  return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

const sum = (chunks: Chunk[]) => ({
  raw: chunks.reduce((n, c) => n + c.raw, 0),
  gzip: chunks.reduce((n, c) => n + c.gzip, 0),
});

function clientReferenceManifest(page: string): {
  entryJSFiles: Record<string, string[]>;
  entryCSSFiles: Record<string, { path: string }[]>;
} {
  const file = path.join(NEXT, "server", "app", page.slice(1), "page_client-reference-manifest.js");
  if (!existsSync(file))
    throw new Error(`No client reference manifest for ${page} at ${file}: is this a Next 16 App Router build?`);
  const holder = { __RSC_MANIFEST: {} as Record<string, unknown> };
  new Function("globalThis", readFileSync(file, "utf8"))(holder);
  const manifest = holder.__RSC_MANIFEST[`${page}/page`];
  if (!manifest) throw new Error(`${file} has no entry for ${page}/page`);
  return manifest as ReturnType<typeof clientReferenceManifest>;
}

/** Files reachable with import() from `start` (chunk paths named inside their code), minus `start`. */
function lazyFiles(start: string[]): string[] {
  const seen = new Set(start);
  const queue = [...start];
  const found: string[] = [];
  while (queue.length) {
    const file = queue.shift()!;
    if (!file.endsWith(".js")) continue;
    const code = readFileSync(path.join(NEXT, file), "utf8");
    for (const [reference] of code.matchAll(/static\/chunks\/[\w.~-]+\.(?:js|css)/g)) {
      if (seen.has(reference) || !existsSync(path.join(NEXT, reference))) continue;
      seen.add(reference);
      found.push(reference);
      queue.push(reference);
    }
  }
  return found;
}

function main() {
  buildIfAsked();
  const buildManifest = JSON.parse(readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
    polyfillFiles: string[];
  };
  const routeManifest = clientReferenceManifest(route);
  const routeFiles = Object.values(routeManifest.entryJSFiles).flat();
  const initialFiles = [...new Set([...buildManifest.rootMainFiles, ...routeFiles])];
  const initial = initialFiles.map(measure);
  const css = [
    ...new Set(
      Object.values(routeManifest.entryCSSFiles)
        .flat()
        .map((entry) => entry.path),
    ),
  ].map(measure);
  const later = lazyFiles([...initialFiles, ...css.map((c) => c.file)]);
  const lazy = later.filter((file) => file.endsWith(".js")).map(measure);
  const lazyCss = later.filter((file) => file.endsWith(".css")).map(measure);
  const polyfills = buildManifest.polyfillFiles.map(measure);

  const totals = {
    initial: sum(initial),
    lazy: sum(lazy),
    polyfills: sum(polyfills),
    css: sum(css),
    lazyCss: sum(lazyCss),
  };
  console.log(`\nJavaScript for the first load of ${route} (${initial.length} chunks):`);
  printTable(
    ["chunk", "raw", "gzip -9"],
    [...initial, ...[...lazy, ...lazyCss].map((chunk) => ({ ...chunk, file: `${chunk.file} (lazy)` }))].map((c) => [
      c.file,
      kB(c.raw),
      kB(c.gzip),
    ]),
  );
  console.log();
  printMachine();
  const met = totals.initial.gzip < TARGET_GZIP_BYTES;
  printTable(
    [
      "route",
      "initial JS raw",
      "initial JS gzip -9",
      "lazy JS raw / gzip -9",
      "CSS initial / lazy (gzip -9)",
      "target < 160 kB gzip",
    ],
    [
      [
        route,
        kB(totals.initial.raw),
        kB(totals.initial.gzip),
        `${kB(totals.lazy.raw)} / ${kB(totals.lazy.gzip)}`,
        `${kB(totals.css.gzip)} / ${kB(totals.lazyCss.gzip)}`,
        met ? "met" : "MISSED",
      ],
    ],
  );
  console.log(
    `(polyfills, skipped by modern browsers: ${kB(totals.polyfills.raw)} raw / ${kB(totals.polyfills.gzip)} gzip)`,
  );
  const effects = EFFECTS.map((effect) => {
    const chunks = lazy.filter((chunk) => readFileSync(path.join(NEXT, chunk.file), "utf8").includes(effect.marker));
    const assets = existsSync(effect.assets)
      ? readdirSync(effect.assets).map((file) => {
          const content = readFileSync(path.join(effect.assets, file));
          return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
        })
      : [];
    return { name: effect.name, chunks, assets };
  });
  console.log("\nEffects, loaded only when switched on (not in the figures above' first load):");
  printTable(
    ["effect", "lazy JS raw / gzip -9", "assets (public/)", "assets raw / gzip -9"],
    effects.map((effect) => [
      effect.name,
      `${kB(sum(effect.chunks).raw)} / ${kB(sum(effect.chunks).gzip)} (${effect.chunks.map((c) => c.file).join(", ") || "none found"})`,
      effect.assets.map((asset) => asset.file).join(", ") || "none: run npm run build",
      `${kB(sum(effect.assets).raw)} / ${kB(sum(effect.assets).gzip)}`,
    ]),
  );
  console.log("(the browser fetches one of the two WebAssembly builds and one of the two models)");
  const file = writeResult("weight", {
    route,
    targetGzipBytes: TARGET_GZIP_BYTES,
    met,
    totals,
    initial,
    lazy,
    polyfills,
    css,
    lazyCss,
    effects,
  });
  console.log(`written: ${file}`);
}

main();
