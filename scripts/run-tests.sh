#!/usr/bin/env bash
# Runs every test: a fresh database, every union addon installed, then
# pytest over the Odoo tests (with HTTP and browser tours) and the plain rule tests.
# Environment: UNION_TEST_DB (database name, default union_test); UNION_ADDONS
# (comma-separated addons to install instead of all); arguments, when given,
# replace the default test paths (addons tests).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

check_odoo
ensure_postgres
ensure_python_packages
ensure_browser

say "Lint (ruff)"
"$PYTHON" -m ruff check --quiet "$ROOT" || die "Lint failed: fix the lines above (ruff check --fix fixes most)."
say "Lint (pylint-odoo mandatory checks)"
"$PYTHON" -m pylint --rcfile="$ROOT/.pylintrc-mandatory" "$ROOT"/addons/* || die "pylint-odoo's mandatory checks failed."

DB="${UNION_TEST_DB:-union_test}"
ADDONS="${UNION_ADDONS:-$(union_addons)}"
LOG="$(mktemp -d)/install.log"

say "Creating a fresh database $DB and installing $ADDONS"
dropdb --if-exists "$DB"
"$PYTHON" -m odoo -c "$ROOT/odoo.conf" --addons-path="$ADDONS_PATH" -d "$DB" \
    -i "$ADDONS" --without-demo=all --load-language=vi_VN --stop-after-init --log-level=info --logfile="$LOG" \
    || { tail -50 "$LOG" >&2; die "Installing the addons failed (log: $LOG)."; }
check_log "$LOG" || die "Install logged warnings or errors (log: $LOG)."

say "Running the tests"
[ $# -gt 0 ] || set -- addons tests
"$PYTHON" -m pytest -rs -p no:cacheprovider \
    --odoo-database="$DB" --odoo-addons-path="$ADDONS_PATH" --odoo-http --odoo-log-level=info \
    "$@"
