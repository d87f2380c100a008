#!/usr/bin/env bash
# Installs (Debian apt-get, as root) and starts a local PostgreSQL for the integration tests, and
# prints the environment that points Backstage's TestDatabases at it. Use:
#   eval "$(bash .ci/postgres.sh)"
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 || true
for _ in $(seq 1 30); do
  pg_isready -q -h localhost && break
  sleep 1
done
su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >&2
echo "export BACKSTAGE_TEST_DATABASE_POSTGRES${version}_CONNECTION_STRING=postgresql://postgres:postgres@localhost:5432"
echo "export MESH_COVERAGE_POSTGRES_URL=postgresql://postgres:postgres@localhost:5432"
