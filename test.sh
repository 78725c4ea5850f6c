#!/usr/bin/env bash
# Every test, on a fresh machine: installs and starts what the tests need (Debian's Chromium for the browser tests,
# PostgreSQL 15 for the integration suite's second engine), runs the whole suite on SQLite, then the integration suite
# again on PostgreSQL, and ends with one line: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fail() { echo "$1"; echo "0 passed, 1 failed"; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# The browser tests drive Debian's Chromium; Playwright never downloads a browser.
if [ ! -x /usr/bin/chromium ]; then
    { as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } >/dev/null \
        || fail "could not install Chromium (apt-get install -y chromium), which the browser tests need"
fi

# PostgreSQL 15 is installed but stopped on a fresh machine; the suite signs in as postgres/postgres unless told otherwise.
if [ -z "${SOCIALDESK_TEST_POSTGRES:-}" ]; then
    command -v pg_ctlcluster >/dev/null || { as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >/dev/null || fail "could not install PostgreSQL 15"; }
    as_root pg_ctlcluster 15 main start 2>/dev/null || as_root pg_ctlcluster 15 main status >/dev/null || fail "PostgreSQL 15 did not start"
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
    as_root su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres';\"" || fail "could not set the postgres password"
    export SOCIALDESK_TEST_POSTGRES="Host=127.0.0.1;Username=postgres;Password=postgres"
fi

dotnet build SocialDesk.slnx -v quiet -nologo || fail "the build failed"
results=$(mktemp -d)
status=0
dotnet test SocialDesk.slnx --no-build --logger trx --results-directory "$results/sqlite" || status=1
SOCIALDESK_TEST_DATABASE=Postgres dotnet test tests/SocialDesk.Tests --no-build --logger trx --results-directory "$results/postgres" || status=1

count() { cat "$results"/*/*.trx 2>/dev/null | grep -o "<Counters [^>]*" | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(count passed); failed=$(count failed); skipped=$(count notExecuted)
[ "$passed" -gt 0 ] || status=1
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
rm -rf "$results"
echo "$line"
exit $status
