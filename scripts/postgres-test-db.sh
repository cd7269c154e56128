#!/usr/bin/env bash
# As root, on a machine with Debian's PostgreSQL: start the cluster `15 main` and make sure the
# tests' role and database exist (role `workbench`, password `workbench`, may create databases;
# database `workbench_test`). Prints the TEST_DATABASE_URL they make. Changes nothing else.
set -euo pipefail
# Only the URL goes to stdout: whatever the tools print (pg_ctlcluster says "Removed stale pid
# file." when the last machine stopped without shutting the cluster down) goes to stderr.
exec 3>&1 1>&2
if [ "$(id -u)" != "0" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  exit 1
fi
# Already running is fine; any other failure shows the clusters and stops.
if ! pg_lsclusters --no-header 15 main 2>/dev/null | grep -q online; then
  # A machine stopped with the cluster running leaves its socket lock behind; one whose process
  # is gone only blocks the start.
  for lock in /var/run/postgresql/.s.PGSQL.*.lock; do
    [ -f "$lock" ] || continue
    pid="$(head -n 1 "$lock" 2>/dev/null || true)"
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then rm -f "$lock"; fi
  done
  pg_ctlcluster 15 main start 3>&- || { pg_lsclusters; exit 1; }
fi
cd /tmp
as_postgres() { runuser -u postgres -- "$@"; }
as_postgres psql -v ON_ERROR_STOP=1 -qc "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'workbench') THEN CREATE ROLE workbench LOGIN CREATEDB PASSWORD 'workbench'; END IF;
END \$\$;" >&2
if [ "$(as_postgres psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'workbench_test'")" != "1" ]; then
  as_postgres createdb -O workbench workbench_test >&2
fi
echo "postgres://workbench:workbench@localhost:5432/workbench_test" >&3
