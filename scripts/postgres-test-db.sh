#!/usr/bin/env bash
# As root, on a machine with Debian's PostgreSQL: start the cluster `15 main` and make sure the
# tests' role and database exist (role `workbench`, password `workbench`, may create databases;
# database `workbench_test`). Prints the TEST_DATABASE_URL they make. Changes nothing else.
set -euo pipefail
if [ "$(id -u)" != "0" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  exit 1
fi
# Already running is fine; any other failure shows the clusters and stops.
if ! pg_lsclusters --no-header 15 main 2>/dev/null | grep -q online; then
  pg_ctlcluster 15 main start || { pg_lsclusters >&2; exit 1; }
fi
cd /tmp
as_postgres() { runuser -u postgres -- "$@"; }
as_postgres psql -v ON_ERROR_STOP=1 -qc "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'workbench') THEN CREATE ROLE workbench LOGIN CREATEDB PASSWORD 'workbench'; END IF;
END \$\$;" >&2
if [ "$(as_postgres psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'workbench_test'")" != "1" ]; then
  as_postgres createdb -O workbench workbench_test >&2
fi
echo "postgres://workbench:workbench@localhost:5432/workbench_test"
