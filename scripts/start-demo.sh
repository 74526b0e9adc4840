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
    say "Creating the demo database $DB (about 20 minutes, once: a year of dues for 1,800 members is booked through the real accounting): $ADDONS, in Vietnamese"
    "$PYTHON" -m odoo -c "$ROOT/odoo.conf" --addons-path="$ADDONS_PATH" -d "$DB" \
        -i "$ADDONS" --load-language=vi_VN --stop-after-init --log-level=warn \
        || die "Creating the demo database failed."
fi

cat <<MSG

  The union suite runs on http://localhost:8069  (database: $DB, Ctrl+C stops it)

  Logins (password = login):
    administrator          admin        / admin
    upper-level officer    canbo.nganh  / canbo.nganh   (Công đoàn ngành GD&ĐT)
    grassroots officer     canbo.coso   / canbo.coso    (one school's union)
    union accountant       ketoan.nganh / ketoan.nganh  (dues runs, imports, receipts)
    portal member          doanvien     / doanvien      (http://localhost:8069/my/union)

MSG
exec "$PYTHON" -m odoo -c "$ROOT/odoo.conf" --addons-path="$ADDONS_PATH" -d "$DB" --db-filter="^$DB\$" --log-level=warn
