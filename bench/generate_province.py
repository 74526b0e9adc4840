#!/usr/bin/env python3
"""Build a synthetic province in its own database, for the benchmarks.

    python3 bench/generate_province.py --db union_bench --members 100000 --grassroots 650

Creates the database (union addons installed, no demo data) when it is missing,
then generates units and members with the same batch code as the demo
(union.demo.generator), and prints one JSON line: what, how many, seconds.
"""
import argparse
import json
import os
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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="union_bench")
    parser.add_argument("--members", type=int, default=100000)
    parser.add_argument("--grassroots", type=int, default=650,
                        help="grassroots unions; each gets 2-3 groups: 650 makes about 2,100 units")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    import odoo
    from odoo.tools import config
    config.parse_config(["--addons-path", addons_path(), "-d", args.db, "--log-level", "warn"])
    exists = subprocess.run(["psql", "-d", args.db, "-tAc", "select 1"], capture_output=True).returncode == 0
    if not exists:
        subprocess.run([sys.executable, "-m", "odoo", "-c", os.path.join(ROOT, "odoo.conf"),
                        "--addons-path", addons_path(), "-d", args.db, "-i", "union_membership",
                        "--without-demo=all", "--stop-after-init", "--log-level=warn"], check=True)
    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        start = time.perf_counter()
        result = env["union.demo.generator"]._generate_province(
            grassroots=args.grassroots, members=args.members, seed=args.seed,
            prefix=f"B{args.seed}", with_reform=False)
        env.flush_all()
        seconds = time.perf_counter() - start
        units = 2 + len(result["schools"]) + len(result["groups"])
        print(json.dumps({"what": "generate_province", "members": len(result["members"]),
                          "units": units, "seconds": round(seconds, 1)}))


if __name__ == "__main__":
    main()
