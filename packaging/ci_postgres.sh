#!/usr/bin/env bash
# Run the service tests against a real PostgreSQL server: install it (Debian/Ubuntu, as root),
# start a throwaway cluster in a temporary folder listening on 127.0.0.1 only, on a free port,
# export OPSDESK_TEST_PG_URL, run the tests, then stop the cluster and delete it.
#
#   bash packaging/ci_postgres.sh            # the service tests and the PostgreSQL-only tests
#   bash packaging/ci_postgres.sh tests/...  # other pytest arguments
#   KEEP_PG=1 bash packaging/ci_postgres.sh --start-only   # leave a server running, print its URL
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL is not installed and cannot be installed here (needs root and apt-get)" >&2
    exit 2
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
"$PY" -c "import psycopg" 2>/dev/null || "$PY" -m pip install --quiet "psycopg[binary]>=3.1"

BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
DIR=$(mktemp -d /tmp/opsdesk-pg.XXXXXX)
PORT=$("$PY" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
# The server refuses to run as root: the cluster belongs to the postgres user (created by the
# package) when we are root, else to us.
RUN=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home "$DIR" postgres
  chown postgres "$DIR"
  RUN=(runuser -u postgres --)
fi
"${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -U opsdesk --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR -c fsync=off -c max_connections=200" start >/dev/null

stop() {
  "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}

export OPSDESK_TEST_PG_URL="postgresql+psycopg://opsdesk@127.0.0.1:$PORT/postgres"
if [ "${1:-}" = "--start-only" ]; then
  echo "$OPSDESK_TEST_PG_URL"
  echo "stop with: ${RUN[*]} $BIN/pg_ctl -D $DIR/data stop; rm -rf $DIR" >&2
  exit 0
fi
trap stop EXIT
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT ($DIR)"
if [ $# -eq 0 ]; then
  S=tests/integration/services
  I=tests/integration
  set -- "$S" $I/test_postgres_mode.py $I/test_concurrent_topups.py $I/test_bad_inputs.py \
    $I/test_permission_matrix.py $I/test_permission_matrix_launches.py \
    $I/test_permission_matrix_targets.py $I/test_permission_matrix_incentives.py \
    $I/test_permission_matrix_promotion.py $I/test_pay_slips.py \
    `# these look at SQLite itself: its query plans, its version, its ? placeholders` \
    --deselect="$S/test_member_search.py::test_every_search_is_an_index_search" \
    --deselect="$S/test_maintenance.py::test_check_is_clean_on_a_fresh_store" \
    --ignore="$S/test_member_list_paging.py"
fi
QT_QPA_PLATFORM=offscreen "$PY" -m pytest -q -p no:cacheprovider "$@"
