#!/usr/bin/env python3
"""The monthly dues run of a whole province (union.dues.run: compute, then
confirm and post one journal entry per unit, through the ORM: the unit's
receivable, its kept share, its share owed upward), against
billing the same members the way Odoo's stock ``membership`` addon does: one
customer invoice (out_invoice, one line) per member, then action_post.
Targets: the run under 60 s for 100,000 members, and at least 10× faster per
member than the invoices.

    python3 bench/bench_dues_run.py --db union_bench [--invoice-sample 2000]

Setup (committed once, idempotent): installs union_finance when the database
lacks it (bench/generate_province.py installs union_membership only), sets up
the dues accounting of the province's company and gives every member without
one a dated salary (the demo's own batch code). The measures run in a
throwaway copy of the database (``common.throwaway_copy``, dropped at the
end): Compute and Confirm are committed one after the other, as the officer's
two clicks are (each in its own transaction), and the database given with
--db is left as it was.

--invoice-sample N bills only N members with invoices and extrapolates the
per-member rate to the run's member count (labelled ``extrapolated`` in the
JSON). --sample N restricts BOTH sides to the first N grassroots units' members
(default: the whole province).
"""
import argparse
import random
import time
from datetime import date

from common import emit, ensure_modules, measure, odoo_env, throwaway_copy


def setup(env):
    """What the run needs, committed: accounting of the company, dues bases."""
    root = env["union.organization"].search([("parent_id", "=", False)], order="id", limit=1)
    company = root.company_id
    company._union_finance_setup_accounting()
    members = env["union.member"].search([("organization_id", "child_of", root.id)], order="id")
    Demo = env["union.finance.demo.dues"]
    start = time.perf_counter()
    without = members - env["union.member.dues.base"].search(
        [("member_id", "in", members.ids)]).member_id
    if without:
        Demo._create_dues_bases(without, date(2025, 1, 1), date(2025, 6, 1), random.Random(7))
        env.flush_all()
    env.cr.commit()
    emit({"what": "setup_dues_bases", "count": len(without),
          "seconds": round(time.perf_counter() - start, 3)})
    return root, company


def sample_scope(env, root, sample):
    """The unit the run covers: the root of the province, or (--sample) the
    first upper or grassroots unit whose subtree holds at least ``sample`` members."""
    if not sample:
        return root
    Org = env["union.organization"]
    for unit in Org.search([("level", "in", ("upper", "grassroots"))], order="id"):
        if len(env["union.member"].search([("organization_id", "child_of", unit.id)])) >= sample:
            return unit
    return root


def bill_with_invoices(env, company, partners_amounts):
    """One posted out_invoice of one line per member (stock ``membership`` way)."""
    Move = env["account.move"].with_company(company)
    journal = env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1)
    account = company.union_dues_income_account_id
    invoices = Move
    for partner_id, amount, label in partners_amounts:
        invoices |= Move.create({
            "move_type": "out_invoice", "partner_id": partner_id, "journal_id": journal.id,
            "invoice_date": date(2025, 7, 31),
            "invoice_line_ids": [(0, 0, {"name": label, "quantity": 1, "price_unit": amount,
                                         "account_id": account.id, "tax_ids": [(6, 0, [])]})],
        })
    invoices.action_post()
    return invoices


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="union_bench")
    parser.add_argument("--sample", type=int, default=0,
                        help="members of the run: the smallest unit subtree holding at least "
                             "this many (0: the whole province)")
    parser.add_argument("--invoice-sample", type=int, default=0,
                        help="bill only this many members with invoices and extrapolate "
                             "(0: all the members of the run)")
    parser.add_argument("--month", default="2025-07-01")
    parser.add_argument("--profile", help="write a cProfile of compute+confirm to this file")
    args = parser.parse_args()
    ensure_modules(args.db, ["union_finance"])
    month = date.fromisoformat(args.month)
    with odoo_env(args.db, context={"tracking_disable": True}) as env:
        setup(env)
        if env["union.dues.run"].search_count([("month", "=", month), ("state", "=", "posted")]):
            raise SystemExit(f"a posted run of {month} exists in {args.db}: choose another --month")
    with throwaway_copy(args.db) as copy:
        with odoo_env(copy, context={"tracking_disable": True}) as env:
            run_and_compare(env, args, month)


def run_and_compare(env, args, month):
    root = env["union.organization"].search([("parent_id", "=", False)], order="id", limit=1)
    company = root.company_id
    scope = sample_scope(env, root, args.sample)
    run = env["union.dues.run"].create({"organization_id": scope.id, "month": month, "include_children": True})
    env.cr.commit()
    profiler = None
    if args.profile:
        import cProfile
        profiler = cProfile.Profile()
        profiler.enable()
    # two transactions, as the officer's two clicks (Compute, then Confirm after
    # the review), each committed
    start = time.perf_counter()
    with measure("dues_run_compute", None, env.cr) as out:
        run.action_compute()
        env.cr.commit()
        # counted in SQL (milliseconds; reading run.line_ids would take seconds)
        env.cr.execute("SELECT count(*) FROM union_dues_line WHERE run_id = %s", [run.id])
        out["count"] = members = env.cr.fetchone()[0]
    with measure("dues_run_confirm_post", members, env.cr) as out:
        run.action_confirm()
        env.cr.commit()
    run_seconds = time.perf_counter() - start
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    # correctness, straight from the database
    env.invalidate_all()
    cr = env.cr
    cr.execute("""SELECT count(*), COALESCE(sum(amount), 0),
                         count(*) FILTER (WHERE run_state != 'posted'),
                         count(DISTINCT organization_id)
                    FROM union_dues_line WHERE run_id = %s""", [run.id])
    line_count, line_total, unposted, units = cr.fetchone()
    move_ids = run.move_ids.ids
    # read only (the suite writes no SQL into accounting tables)
    cr.execute("""SELECT count(*) FILTER (WHERE aml.account_id = %s),
                         sum(aml.balance) FILTER (WHERE aml.account_id = %s),
                         sum(aml.debit), sum(aml.credit),
                         count(*) FILTER (WHERE aml.account_id = %s AND aml.partner_id IS NULL),
                         count(*) FILTER (WHERE m.partner_id IS NOT NULL),
                         count(*) FILTER (WHERE aml.analytic_distribution IS NULL),
                         count(DISTINCT aml.move_id) FILTER (WHERE aml.parent_state = 'posted')
                    FROM account_move_line aml
                    LEFT JOIN union_member m ON m.partner_id = aml.partner_id
                   WHERE aml.move_id = ANY(%s)""",
               [company.union_dues_receivable_account_id.id] * 3 + [move_ids])
    (receivables, receivable_total, debit, credit, no_partner, member_items, no_analytic,
     posted_moves) = cr.fetchone()
    cr.execute("""SELECT count(*) FROM (SELECT organization_id FROM union_dues_line
                   WHERE run_id = %s GROUP BY organization_id HAVING sum(amount) != 0) t""",
               [run.id])
    units_due = cr.fetchone()[0]
    checks = {
        "lines": line_count, "units": units, "units_due": units_due,
        "entries": len(move_ids), "entries_posted": posted_moves,
        "receivable_items": receivables,
        "balanced": round(debit or 0) == round(credit or 0),
        "total_equals_lines": round(receivable_total or 0) == line_total,
        "every_line_posted": unposted == 0,
        "receivables_have_unit_partner": no_partner == 0,
        "no_member_item": member_items == 0,
        "analytic_on_every_item": no_analytic == 0,
        "reconcilable": company.union_dues_receivable_account_id.reconcile,
    }
    checks["ok"] = (receivables == units_due == len(move_ids) == posted_moves
                    and checks["balanced"] and checks["total_equals_lines"]
                    and checks["every_line_posted"] and checks["receivables_have_unit_partner"]
                    and checks["no_member_item"] and checks["analytic_on_every_item"]
                    and checks["reconcilable"])
    emit({"what": "dues_run_total", "count": members, "seconds": round(run_seconds, 3),
          "ms_per_member": round(run_seconds * 1000 / max(members, 1), 3),
          "target_seconds_100k": 60, **checks})

    # the other side: the same members, one posted invoice each
    cr.execute("""SELECT l.partner_id, l.amount, l.payment_reference FROM union_dues_line l
                   WHERE l.run_id = %s AND l.amount > 0 ORDER BY l.id""", [run.id])
    rows = cr.fetchall()
    billed = rows[:args.invoice_sample] if args.invoice_sample else rows
    start = time.perf_counter()
    with measure("invoice_per_member", len(billed), env.cr) as out:
        invoices = bill_with_invoices(env, company, billed)
        env.flush_all()
        out["posted"] = len(invoices.filtered(lambda m: m.state == "posted"))
    invoice_seconds = time.perf_counter() - start
    per_invoice = invoice_seconds / max(len(billed), 1)
    per_run = run_seconds / max(members, 1)
    extrapolated = len(billed) < len(rows)
    emit({"what": "dues_run_vs_invoices", "count": members,
          "run_ms_per_member": round(per_run * 1000, 3),
          "invoice_ms_per_member": round(per_invoice * 1000, 3),
          "invoice_members_measured": len(billed),
          "invoice_seconds_for_all": round(per_invoice * members, 1),
          "invoice_seconds_extrapolated": extrapolated,
          "ratio": round(per_invoice / per_run, 1) if per_run else None,
          "ratio_extrapolated": extrapolated, "target_ratio": 10,
          "met": bool(per_run and per_invoice / per_run >= 10 and checks["ok"])})
    print(f"ratio invoices / dues run per member: {per_invoice / per_run:.1f}x"
          + (" (invoice side extrapolated from %d members)" % len(billed) if extrapolated else ""),
          flush=True)
    env.cr.rollback()  # the invoices


if __name__ == "__main__":
    main()
