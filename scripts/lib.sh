#!/usr/bin/env bash
# Shared set-up steps for the two README commands (start-demo.sh, run-tests.sh).
# Everything but Odoo itself: Odoo 18.0 Community is the host these addons
# plug into and must already be importable as `odoo`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

check_odoo() {
    local version
    version=$("$PYTHON" -c 'import odoo.release as r; print(r.version_info[0])' 2>/dev/null) \
        || die "Odoo 18.0 Community is not importable as 'odoo' by $PYTHON.
       Install Odoo 18.0 Community first (see README: Prerequisites), then run this command again."
    [ "$version" = 18 ] || die "Found Odoo $version, these addons need Odoo 18.0."
    ODOO_DIR=$("$PYTHON" -c 'import os, odoo; print(os.path.dirname(odoo.__file__))')
    local paths="$ODOO_DIR/addons"
    [ -d "$ODOO_DIR/../addons/web" ] && paths="$(cd "$ODOO_DIR/../addons" && pwd),$paths"
    ADDONS_PATH="$ROOT/addons,$paths"
    export ADDONS_PATH
}

ensure_postgres() {
    # A server named by the usual PG* variables wins; otherwise the Debian cluster.
    if [ -z "${PGHOST:-}" ] && command -v pg_ctlcluster >/dev/null; then
        local cluster="${PG_CLUSTER:-15 main}"
        if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2" "$4}' | grep -q "^$cluster online"; then
            say "Starting PostgreSQL cluster $cluster"
            as_root pg_ctlcluster $cluster start || die "Could not start PostgreSQL ($cluster)."
        fi
    fi
    for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
    pg_isready -q || die "PostgreSQL does not answer (PGHOST=${PGHOST:-local socket})."
    local me; me="${PGUSER:-$(id -un)}"
    if ! psql -d postgres -tAc 'select 1' >/dev/null 2>&1; then
        say "Creating PostgreSQL role $me"
        as_root su postgres -c "createuser --superuser '$me'" \
            || die "Could not create the PostgreSQL role '$me'. Create it with: sudo -u postgres createuser -s $me"
    fi
}

ensure_python_packages() {
    # OCA's addons (odoo-addon-*, pinned ==18.0.*) declare a dependency on the "odoo"
    # distribution, which an Odoo installed from a source checkout may not register:
    # they are installed without dependencies, and requirements.txt lists every OCA
    # addon they need. Everything else installs as usual.
    local plain oca
    plain="$(mktemp)"; oca="$(mktemp)"
    grep -v '^odoo-addon-' "$ROOT/requirements.txt" >"$plain" || true
    grep '^odoo-addon-' "$ROOT/requirements.txt" >"$oca" || true
    if ! { "$PYTHON" -m pip install -q --disable-pip-version-check -r "$plain" \
           && { [ ! -s "$oca" ] || "$PYTHON" -m pip install -q --disable-pip-version-check --no-deps -r "$oca"; }; \
         } >/tmp/union-pip.log 2>&1; then
        cat /tmp/union-pip.log >&2
        die "Could not install the Python packages of requirements.txt."
    fi
    rm -f "$plain" "$oca"
}

ensure_browser() {
    # Headless Chromium for Odoo's browser tests (tours) and wkhtmltopdf for PDF reports.
    local missing=()
    command -v chromium >/dev/null || missing+=(chromium)
    command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf)
    fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
    if [ ${#missing[@]} -gt 0 ]; then
        say "Installing ${missing[*]} from Debian's packages"
        as_root apt-get update -qq >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
            || die "Could not install ${missing[*]}."
    fi
}

union_addons() {
    local names=()
    for manifest in "$ROOT"/addons/*/__manifest__.py; do
        names+=("$(basename "$(dirname "$manifest")")")
    done
    (IFS=,; echo "${names[*]}")
}

# Fails when the Odoo log has a WARNING, ERROR or CRITICAL line.
check_log() {
    local log="$1"
    if grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) ' "$log" >/dev/null; then
        echo "The Odoo log has warnings or errors (a failure, as in OCA's CI):" >&2
        grep -E -A5 '^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) ' "$log" | head -60 >&2
        return 1
    fi
}
