"""Shared helpers of the benchmarks: open an Odoo environment on a bench database and
measure a block (seconds, SQL queries, peak memory of this process)."""
import contextlib
import json
import os
import resource
import socket
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def addons_path():
    import odoo
    base = os.path.dirname(odoo.__file__)
    paths = [os.path.join(ROOT, "addons"), os.path.join(base, "addons")]
    extra = os.path.join(os.path.dirname(base), "addons")
    if os.path.isdir(os.path.join(extra, "web")):
        paths.insert(1, extra)
    return ",".join(paths)


_CONFIGURED = []


@contextlib.contextmanager
def odoo_env(db, uid=None, context=None):
    import odoo
    from odoo.tools import config
    if not _CONFIGURED:  # Odoo's configuration can be parsed once per process
        config.parse_config(["--addons-path", addons_path(), "-d", db, "--log-level", "warn"])
        _CONFIGURED.append(db)
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        yield odoo.api.Environment(cr, uid or odoo.SUPERUSER_ID, context or {})


@contextlib.contextmanager
def measure(what, count, cr, **extra):
    """Print one JSON line: what, how many, seconds, SQL queries, peak memory (MB)."""
    queries_before = cr.sql_log_count
    start = time.perf_counter()
    result = {}
    yield result
    seconds = time.perf_counter() - start
    line = {"what": what, "count": count, "seconds": round(seconds, 3),
            "queries": cr.sql_log_count - queries_before,
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
    line.update(extra)
    line.update(result)
    print(json.dumps(line, ensure_ascii=False), flush=True)


@contextlib.contextmanager
def throwaway_copy(db):
    """A settled copy of ``db`` (CREATE DATABASE ... TEMPLATE, a file copy:
    seconds), dropped on exit, for a measure that commits.

    Settled: ``db`` is vacuumed and analysed first. A benchmark run just before
    (the import rolls back 100,000 contacts, members and events) leaves dead
    rows that the copy would inherit, and PostgreSQL's autovacuum would clean
    them up in the copy during the measure (on 2 cores: the dues run took 69 s
    instead of 53 s right after the import)."""
    import odoo
    copy = f"{db}_throwaway"
    odoo.sql_db.close_db(db)  # a template database must have no connection
    subprocess.run(["vacuumdb", "--analyze", "--quiet", db], check=True)
    subprocess.run(["dropdb", "--if-exists", copy], check=True)
    subprocess.run(["createdb", "-T", db, copy], check=True)
    try:
        yield copy
    finally:
        odoo.modules.registry.Registry.delete(copy)
        odoo.sql_db.close_db(copy)
        subprocess.run(["dropdb", "--if-exists", copy], check=True)


def emit(line):
    """Print one JSON line (the format every benchmark prints)."""
    print(json.dumps(line, ensure_ascii=False, default=str), flush=True)


def db_exists(db):
    return subprocess.run(["psql", "-d", db, "-tAc", "select 1"], capture_output=True).returncode == 0


def installed_modules(db, names):
    """The modules of ``names`` installed in ``db`` (empty set when the database is missing)."""
    if not db_exists(db):
        return set()
    out = subprocess.run(
        ["psql", "-d", db, "-tAc",
         "select name from ir_module_module where state = 'installed' and name in (%s)"
         % ",".join("'%s'" % name for name in names)], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def odoo_command(db, *args):
    """The command line of an Odoo server (or -i/--stop-after-init run) on ``db``."""
    return [sys.executable, "-m", "odoo", "-c", os.path.join(ROOT, "odoo.conf"),
            "--addons-path", addons_path(), "-d", db, *args]


def ensure_modules(db, names):
    """Install the modules of ``names`` missing in ``db`` (creates the database if needed).
    Returns the list of modules it installed."""
    missing = sorted(set(names) - installed_modules(db, names))
    if missing:
        subprocess.run(odoo_command(db, "-i", ",".join(missing), "--without-demo=all",
                                    "--stop-after-init", "--log-level=warn"), check=True)
    return missing


def find_sector(env):
    """The upper-level unit of the synthetic province (the first one)."""
    return env["union.organization"].search([("level", "=", "upper")], order="id", limit=1)


def bench_upper_officer(env, sector):
    """The upper-level officer of the benchmarks (login bench.upper), managing ``sector``."""
    officer = env["res.users"].search([("login", "=", "bench.upper")])
    if not officer:
        officer = env["res.users"].with_context(no_reset_password=True).create({
            "name": "Bench upper officer", "login": "bench.upper",
            "groups_id": [(6, 0, [env.ref("union_membership.group_union_upper_officer").id])],
            "union_organization_ids": [(6, 0, sector.ids)]})
        env.cr.commit()
    return officer


def free_port():
    """A free TCP port on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values, share):
    """The ``share`` (0..1) percentile of ``values`` (nearest rank); None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))
    return ordered[int(rank) - 1]
