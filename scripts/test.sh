#!/usr/bin/env bash
# `npm test`: every test — types, lint, unit and integration (vitest), then browser journeys
# in Debian's Chromium. Installs the system packages it needs when run as root.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# Java runs the W3C Nu HTML Checker (vnu-jar) in test/e2e/html-validation.test.ts.
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else
    echo "Missing system packages: ${missing[*]}"
    echo "Install them with: sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
fi

[ -d node_modules ] || npm ci

echo "== typecheck"
npx tsc --noEmit
echo "== lint"
npx eslint . --max-warnings 0
echo "== format"
npx prettier --check . --log-level warn
# The PostgreSQL half (test/db/pg-*.test.ts and db:copy): TEST_DATABASE_URL names a database whose
# user may create databases. Unset, it is made on this machine's cluster when run as root
# (scripts/postgres-test-db.sh); a URL that was given must answer, one that was not may be skipped.
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  npx tsx scripts/pg-probe.ts "$TEST_DATABASE_URL" || exit 1
else
  url="$(bash scripts/postgres-test-db.sh 2>/dev/null || true)"
  url="${url:-postgres://workbench:workbench@localhost:5432/workbench_test}"
  if reason="$(npx tsx scripts/pg-probe.ts "$url")"; then
    export TEST_DATABASE_URL="$url"
  else
    echo "PostgreSQL half skipped: $reason (set TEST_DATABASE_URL, or run as root with Debian's postgresql installed)"
  fi
fi
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  # The backup test runs pg_dump and pg_restore (Debian's postgresql-client).
  if ! command -v pg_dump >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client
    else
      echo "Missing system package: postgresql-client (pg_dump, pg_restore); install it with: sudo apt-get install -y postgresql-client"
      exit 1
    fi
  fi
  echo "PostgreSQL tests on ${TEST_DATABASE_URL%%://*}://${TEST_DATABASE_URL#*@}"
fi

echo "== unit and integration tests"
# Shuffled, so a test that leans on another's leftovers fails; SEED=N npm test replays an order.
seed="${SEED:-$RANDOM}"
echo "vitest shuffle seed: $seed"
npx vitest run --sequence.shuffle --sequence.seed="$seed"
# The model and route suites again, on PostgreSQL (vitest.pg.config.ts says which files and why
# any stays SQLite-only).
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== model and route tests on PostgreSQL"
  npx vitest run --config vitest.pg.config.ts --sequence.shuffle --sequence.seed="$seed"
else
  echo "== model and route tests on PostgreSQL: skipped, no PostgreSQL server (see above)"
fi
# Twice: in Europe/Paris, where the users are (hydration mismatches show there), and in UTC.
for zone in Europe/Paris UTC; do
  echo "== browser tests (Chromium, $zone)"
  E2E_TZ="$zone" npx vitest run --config vitest.e2e.config.ts
done
