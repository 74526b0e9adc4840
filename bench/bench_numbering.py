#!/usr/bin/env python3
"""Document numbering from concurrent workers: 8 processes release 500 outgoing
documents each, every release in its own transaction, as users clicking "Release"
do. Target: no gap and no duplicate in the register; numbers per second reported.

    python3 bench/bench_numbering.py --db union_bench --workers 8 --per-worker 500

Installs union_documents in the database when it is missing. Beforehand, in one
batch: two new units (the issuer and one recipient unit) and the approved
outgoing documents. Each worker has its own Odoo registry and cursor and calls
union.document.action_release through Odoo's request retry loop
(odoo.service.model.retrying: a lock conflict rolls back and tries again, up to 5
times, then the user would see an error and click again). Each release takes the
next number of the issuer's outgoing register and of the recipient's incoming
register. Afterwards both registers must hold exactly the numbers 1..N.
Prints one JSON line.
"""
import argparse
import logging
import multiprocessing
import os
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import addons_path, emit, ensure_modules, odoo_env  # noqa: E402


def prepare(db, total):
    """Create the units and ``total`` approved outgoing documents; return
    (document ids, issuer unit id, recipient unit id, user id)."""
    with odoo_env(db, context={"tracking_disable": True, "mail_create_nolog": True}) as env:
        stamp = time.strftime("%Y%m%d%H%M%S")
        sector = env["union.organization"].search([("level", "=", "upper")], order="id", limit=1)
        issuer, recipient = env["union.organization"].create([{
            "name": f"Bench numbering {stamp} {kind}", "code": f"BENCH-NUM-{stamp}-{kind}",
            "short_name": "CĐCS", "level": "grassroots", "parent_id": sector.id or False,
            "funding_type": "public_partial"} for kind in ("A", "B")])
        doc_type = env["union.document.type"].search([("abbreviation", "=", "QĐ")], limit=1) or \
            env["union.document.type"].search([("abbreviation", "!=", False)], limit=1)
        admin = env.ref("base.user_admin")
        today = time.strftime("%Y-%m-%d")
        docs = env["union.document"].create([{
            "direction": "outgoing", "organization_id": issuer.id, "type_id": doc_type.id,
            "subject": f"Quyết định số thứ tự {index + 1} (bench)", "document_date": today,
            "signer_id": admin.id, "state": "approved", "approver_id": admin.id,
            "recipient_organization_ids": [(6, 0, recipient.ids)],
        } for index in range(total)])
        env.cr.commit()
        return docs.ids, issuer.id, recipient.id, admin.id


def worker(db, uid, doc_ids, barrier, queue):
    """Release ``doc_ids`` one transaction each; report to ``queue``."""
    import odoo  # noqa: PLC0415
    from odoo.service.model import retrying  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415

    config.parse_config(["--addons-path", addons_path(), "-d", db, "--log-level", "warn"])
    # a lock conflict is logged as a "bad query" before the retry: counted in lock_retries instead
    logging.getLogger("odoo.sql_db").setLevel(logging.CRITICAL)
    registry = odoo.modules.registry.Registry(db)
    barrier.wait()
    attempts = failures = queries = 0
    for doc_id in doc_ids:
        while True:
            with registry.cursor() as cr:
                env = odoo.api.Environment(cr, uid, {})

                def release(env=env, doc_id=doc_id):
                    nonlocal attempts
                    attempts += 1
                    env["union.document"].browse(doc_id).action_release()

                try:
                    retrying(release, env)
                    queries += cr.sql_log_count
                    break
                except Exception:  # noqa: BLE001 (5 lock conflicts in a row: the user clicks again)
                    failures += 1
                    queries += cr.sql_log_count
                    cr.rollback()
                    if failures > 50 * len(doc_ids):
                        raise
    queue.put({"released": len(doc_ids), "attempts": attempts, "failures": failures, "queries": queries,
               "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


def check(db, issuer_id, recipient_id, total):
    """{register: (count, distinct, min, max, gaps, duplicates)} of the two registers."""
    with odoo_env(db) as env:
        result = {}
        for label, unit_id, direction in (("outgoing", issuer_id, "outgoing"),
                                          ("incoming", recipient_id, "incoming")):
            env.cr.execute("""
                SELECT d.number FROM union_document d
                  JOIN union_document_register r ON r.id = d.register_id
                 WHERE r.organization_id = %s AND r.direction = %s AND d.number IS NOT NULL
            """, [unit_id, direction])
            numbers = [row[0] for row in env.cr.fetchall()]
            env.cr.execute("SELECT max(last_number) FROM union_document_register "
                           "WHERE organization_id = %s AND direction = %s", [unit_id, direction])
            last = env.cr.fetchone()[0] or 0
            result[label] = number_check(numbers, last, total)
        return result


def number_check(numbers, last_number, total):
    """Gaps and duplicates of a register that should hold exactly the numbers 1..total."""
    distinct = set(numbers)
    return {
        "numbers": len(numbers), "duplicates": len(numbers) - len(distinct),
        "gaps": len(set(range(1, max(last_number, total) + 1)) - distinct), "last_number": last_number,
        "ok": len(numbers) == total and distinct == set(range(1, total + 1)) and last_number == total,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="union_bench")
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--per-worker", type=int, default=500)
    parser.add_argument("--size", help="ignored")
    args = parser.parse_args(argv)
    installed = ensure_modules(args.db, ["union_documents"])
    if installed:
        emit({"what": "install_modules", "modules": installed})
    total = args.workers * args.per_worker
    doc_ids, issuer_id, recipient_id, uid = prepare(args.db, total)
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(args.workers + 1)
    queue = context.Queue()
    processes = [context.Process(target=worker, args=(
        args.db, uid, doc_ids[index::args.workers], barrier, queue)) for index in range(args.workers)]
    for process in processes:
        process.start()
    try:
        barrier.wait(timeout=600)  # every worker has loaded its registry
        start = time.perf_counter()
        reports = [queue.get(timeout=3600) for _process in processes]
        seconds = time.perf_counter() - start
    finally:
        for process in processes:
            process.join(timeout=60)
            if process.is_alive():
                process.terminate()
    registers = check(args.db, issuer_id, recipient_id, total)
    ok = all(register["ok"] for register in registers.values())
    emit({
        "what": "document_numbering", "count": total, "workers": args.workers, "seconds": round(seconds, 1),
        "numbers_per_second": round(total / seconds, 1),
        "queries": sum(r["queries"] for r in reports),
        "peak_mb": round(max(r["peak_mb"] for r in reports)),
        "attempts": sum(r["attempts"] for r in reports),
        "lock_retries": sum(r["attempts"] for r in reports) - total,
        "user_errors": sum(r["failures"] for r in reports),
        "registers": registers, "target": "no gap, no duplicate", "met": ok,
    })
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
