// npm run bench:weight — the JavaScript a browser downloads to show /r/<slug>, from the build's
// manifests: Next's root chunks (build-manifest.json `rootMainFiles`, every App Router page) plus
// the chunks of the route's layouts and page (the route's client reference manifest,
// `entryJSFiles`). These are the <script> tags of the served HTML. Chunks that those load later
// with import() (next/dynamic) are listed apart, as are the polyfills (`nomodule`: modern
// browsers skip them) and CSS. Optional effects, loaded only when someone switches them on, are
// reported on their own: their lazy chunks and the files they fetch from public/. Sizes are raw
// and gzip -9 (zlib level 9).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildIfAsked } from "./lib/stack";
import { kB, printMachine, printTable, writeResult } from "./lib/report";

const NEXT = ".next";
const TARGET_GZIP_BYTES = 160_000;

/** An effect's lazy chunks are those whose code contains one of `markers`; `assets` is its folder in public/. */
type Effect = { name: string; markers: string[]; assets: string };
const EFFECTS: Effect[] = [
  {
    name: "noise suppression",
    markers: ["@sapphi-red/web-noise-suppressor", "/effects/noise-suppressor/"],
    assets: "public/effects/noise-suppressor",
  },
  {
    name: "background blur/picture",
    markers: ["selfie_segmentation.js"],
    assets: "public/effects/selfie-segmentation",
  },
];
const route = process.argv.slice(2).find((arg) => arg.startsWith("/")) ?? "/r/[slug]";

type Chunk = { file: string; raw: number; gzip: number };

function measure(file: string, folder = NEXT): Chunk {
  const content = readFileSync(path.join(folder, file));
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
  const initial = initialFiles.map((file) => measure(file));
  const css = [
    ...new Set(
      Object.values(routeManifest.entryCSSFiles)
        .flat()
        .map((entry) => entry.path),
    ),
  ].map((file) => measure(file));
  const later = lazyFiles([...initialFiles, ...css.map((c) => c.file)]);
  const effects = EFFECTS.map((effect) => ({
    name: effect.name,
    chunks: later
      .filter((file) => file.endsWith(".js"))
      .filter((file) => {
        const code = readFileSync(path.join(NEXT, file), "utf8");
        return effect.markers.some((marker) => code.includes(marker));
      })
      .map((file) => measure(file)),
    assets: existsSync(effect.assets)
      ? readdirSync(effect.assets)
          .sort()
          .map((file) => measure(file, effect.assets))
      : [],
  }));
  const effectChunks = new Set(effects.flatMap((effect) => effect.chunks.map((chunk) => chunk.file)));
  const lazy = later.filter((file) => file.endsWith(".js") && !effectChunks.has(file)).map((file) => measure(file));
  const lazyCss = later.filter((file) => file.endsWith(".css")).map((file) => measure(file));
  const polyfills = buildManifest.polyfillFiles.map((file) => measure(file));

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
  console.log("\nOptional effects, downloaded only once switched on (not in the lazy JS above):");
  printTable(
    ["effect", "file", "raw", "gzip -9"],
    effects.flatMap((effect) => [
      ...[...effect.chunks, ...effect.assets].map((file) => [effect.name, file.file, kB(file.raw), kB(file.gzip)]),
      [
        effect.name,
        `all: ${effect.chunks.length} chunk(s) and ${effect.assets.length} file(s)`,
        kB(sum([...effect.chunks, ...effect.assets]).raw),
        kB(sum([...effect.chunks, ...effect.assets]).gzip),
      ],
    ]),
  );
  console.log("(a browser fetches one of the two builds of each WebAssembly, and one of the two segmentation models)");
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
