import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  // Native modules stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // `npm test` has type-checked the whole project (tsc) just before it builds: not twice.
  typescript: { ignoreBuildErrors: process.env.PARLEY_TYPES_CHECKED === "1" },
};

export default createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  // Messages are compiled at build time, so browsers get no ICU parser (docs/benchmarks.md §3).
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
})(nextConfig);
