#!/usr/bin/env bash
# Starts a real PostgreSQL for the centre's tests (tests/integration/server, PG variant) and prints
# the URL to give them as PG_TEST_URL. Idempotent. Needs Debian's postgresql package and root (CI
# containers have no systemd: the cluster is started with pg_ctlcluster).
#
#   export PG_TEST_URL="$(scripts/ci/setup-postgres.sh)"
#
# The role may create databases: each test suite makes its own and drops it afterwards.
set -euo pipefail
export LANG=C LC_ALL=C

ROLE="${POLICYDESK_PG_ROLE:-policydesk}"
PASSWORD="${POLICYDESK_PG_PASSWORD:-policydesk}"
DB="${POLICYDESK_PG_DB:-policydesk_test}"

say() { printf 'setup-postgres: %s\n' "$*" >&2; }
die() { printf 'setup-postgres: %s\n' "$*" >&2; exit 1; }

for tool in pg_lsclusters pg_ctlcluster pg_createcluster pg_isready psql; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found: apt-get install postgresql"
done
[ "$(id -u)" -eq 0 ] || die "run as root (it starts the cluster as the postgres user)"

# 1. A cluster: the first one there is, else a new one of the installed version.
read -r version cluster port status _ < <(pg_lsclusters -h | head -n1) || true
if [ -z "${version:-}" ]; then
  version="$(ls /usr/lib/postgresql | sort -V | tail -n1)"
  [ -n "$version" ] || die "no PostgreSQL server version under /usr/lib/postgresql"
  pg_createcluster "$version" main >&2
  read -r version cluster port status _ < <(pg_lsclusters -h | head -n1)
  say "created cluster $version/$cluster"
fi

# 2. Running.
if [ "$status" != "online" ]; then
  pg_ctlcluster "$version" "$cluster" start >&2 || die "the cluster did not start; see /var/log/postgresql/postgresql-${version}-${cluster}.log"
  say "started cluster $version/$cluster on port $port"
fi
for _ in $(seq 1 50); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 0.2; done
pg_isready -q -h 127.0.0.1 -p "$port" || die "PostgreSQL does not answer on 127.0.0.1:$port"

# 3. The tests' role and database.
as_pg() { su postgres -c "psql -v ON_ERROR_STOP=1 -q -p $port $*" >&2; }
if ! su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'\"" | grep -q 1; then
  as_pg "-c \"CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'\""
  say "created role $ROLE"
fi
if ! su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname = '$DB'\"" | grep -q 1; then
  as_pg "-c \"CREATE DATABASE $DB OWNER $ROLE\""
  say "created database $DB"
fi

printf 'postgres://%s:%s@127.0.0.1:%s/%s\n' "$ROLE" "$PASSWORD" "$port" "$DB"
