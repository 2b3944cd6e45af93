// npm run db:new-migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
// schema as last committed and the schema now, then applies it to the local database.
// (`prisma migrate dev` needs Prisma's native engine, which these machines cannot download.)
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name>   (lower-case letters, digits and underscores)");
  process.exit(1);
}

const previous = path.join(mkdtempSync(path.join(tmpdir(), "parley-schema-")), "schema.prisma");
writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" }));

const diff = spawnSync(
  "node_modules/.bin/prisma",
  ["migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8" },
);
if (diff.status !== 0) {
  console.error(diff.stderr);
  process.exit(1);
}
if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE|PRAGMA)\b/.test(diff.stdout)) {
  console.log("prisma/schema.prisma has no changes since the last commit: no migration written.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(path.join(folder, "migration.sql"), diff.stdout);
console.log(`Wrote ${folder}/migration.sql; applying it to the local database...`);
process.exit(spawnSync("node_modules/.bin/prisma", ["migrate", "deploy"], { stdio: "inherit" }).status ?? 1);
