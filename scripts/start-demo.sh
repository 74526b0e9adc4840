#!/usr/bin/env bash
# Sets everything up and starts the union suite on a demo database in Vietnamese,
# on http://localhost:8069. Environment: UNION_DEMO_DB (default union_demo),
# UNION_DEMO_RESET=1 to rebuild the demo database from scratch.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

check_odoo
ensure_postgres
ensure_python_packages
ensure_browser

DB="${UNION_DEMO_DB:-union_demo}"
ADDONS="$(union_addons)"
if [ "${UNION_DEMO_RESET:-0}" = 1 ]; then dropdb --if-exists "$DB"; fi
if ! psql -d "$DB" -tAc "select 1 from ir_module_module where name='union_membership' and state='installed'" 2>/dev/null | grep -q 1; then
    dropdb --if-exists "$DB"
    say "Creating the demo database $DB (about 10 minutes, once: the books of 2024 to 2026 are kept through the real accounting): $ADDONS, in Vietnamese"
    "$PYTHON" -m odoo -c "$ROOT/odoo.conf" --addons-path="$ADDONS_PATH" -d "$DB" \
        -i "$ADDONS" --load-language=vi_VN --stop-after-init --log-level=warn \
        || die "Creating the demo database failed."
fi

cat <<MSG

  The union suite runs on http://localhost:8069  (database: $DB, Ctrl+C stops it)

  Logins (password = login):
    administrator          admin        / admin
    upper-level officer    canbo.nganh  / canbo.nganh   (Liên đoàn Lao động tỉnh Lâm Đồng)
    grassroots officer     canbo.coso   / canbo.coso    (one school's union)
    union accountant       ketoan.nganh / ketoan.nganh  (dues runs, imports, receipts)
    portal member          doanvien     / doanvien      (http://localhost:8069/my/union)

MSG
# Background jobs (OCA queue_job): its job runner starts with the server when queue_job is a
# server-wide module, and needs worker processes (at least 2) to run jobs next to the web
# requests; its channels are in odoo.conf ([queue_job]). The live bus (notifications) is served
# on the gevent port (8072) in this mode: behind a reverse proxy, route /websocket there.
# With workers, Odoo starts its gevent process by running its own launcher again (sys.argv[0]):
# that must be a script (odoo-bin of a source checkout, or the installed `odoo` command), not
# `python -m odoo`.
if [ -f "$ODOO_DIR/../odoo-bin" ]; then
    ODOO_CMD=("$PYTHON" "$(cd "$ODOO_DIR/.." && pwd)/odoo-bin")
elif command -v odoo >/dev/null; then
    ODOO_CMD=(odoo)
else
    die "Neither odoo-bin nor the odoo command was found next to Odoo 18.0 ($ODOO_DIR)."
fi
exec "${ODOO_CMD[@]}" -c "$ROOT/odoo.conf" --addons-path="$ADDONS_PATH" -d "$DB" --db-filter="^$DB\$" --log-level=warn \
    --load=web,queue_job --workers="${UNION_WORKERS:-2}"
