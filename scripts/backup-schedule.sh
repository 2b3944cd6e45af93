#!/bin/sh
# The backup service of docker-compose.yml: a copy of the database every BACKUP_EVERY_HOURS
# hours (default 24) into /backups, keeping BACKUP_KEEP_DAYS days of them (default 14).
# `npm run db:backup` is safe while the app runs (scripts/lib/sqlite-backup.ts).
set -u
every_hours="${BACKUP_EVERY_HOURS:-24}"
keep_days="${BACKUP_KEEP_DAYS:-14}"
target="${BACKUP_DIR:-/backups}"
while :; do
  npm run -s db:backup -- "$target/parley-$(date -u +%Y%m%dT%H%M%SZ).db" || echo "backup failed; trying again in $every_hours h" >&2
  find "$target" -name 'parley-*.db' -mtime +"$keep_days" -delete
  sleep $((every_hours * 3600))
done
