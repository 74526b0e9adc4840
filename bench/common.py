"""Shared helpers of the benchmarks: open an Odoo environment on a bench database and
measure a block (seconds, SQL queries, peak memory of this process)."""
import contextlib
import json
import os
import resource
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


@contextlib.contextmanager
def odoo_env(db, uid=None, context=None):
    import odoo
    from odoo.tools import config
    config.parse_config(["--addons-path", addons_path(), "-d", db, "--log-level", "warn"])
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
