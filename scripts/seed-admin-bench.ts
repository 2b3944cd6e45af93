// npm run db:seed-admin-bench -- <sqlite file>   (or DATABASE_URL=file:...)
// Fills an empty, migrated database with 10,000 rooms and 100,000 attendance rows for the admin
// benchmark (bench/admin-list.ts). Refuses a database that already has accounts.
import { BENCH_ADMIN, seedAdminBench } from "../bench/lib/admin-bench-seed";
import { errorMessage } from "../lib/error-message";
import { sqliteFileFromUrl } from "../lib/sqlite-url";

const file = process.argv[2] ?? (process.env.DATABASE_URL ? sqliteFileFromUrl(process.env.DATABASE_URL) : undefined);
if (!file) {
  console.error(
    "Usage: npm run db:seed-admin-bench -- <sqlite file>   (or set DATABASE_URL); the database must be migrated and have no accounts.",
  );
  process.exit(1);
}

try {
  const started = performance.now();
  const summary = await seedAdminBench(file);
  console.log(`Seeded ${file} in ${Math.round(performance.now() - started)} ms:`, summary);
  console.log(`Sign in as ${BENCH_ADMIN.email} with the password "${BENCH_ADMIN.password}".`);
} catch (error) {
  console.error(errorMessage(error));
  process.exit(1);
}
