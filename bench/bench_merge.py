#!/usr/bin/env python3
"""The 2025 reorganisation at province scale (issue 18). Target: a province of 100,000
members merging into another in under a minute; the tree as at a date in a fixed number of
queries.

    python3 bench/bench_merge.py --db union_bench [--transfers]

Needs the synthetic province (generate_province.py); installs union_finance and
union_documents when missing, so that their merge steps (unpaid dues and balances; registers,
open documents and petitions) run too. Everything is rolled back at the end: the database is
left as it was and the script can be re-run.

Measures, one JSON line each:
- ``tree_as_at``: the tree, names and member counts of every unit as at a date
  (``union.organization._get_tree_at`` and ``_get_member_counts_at``).
- ``statistics_as_at``: the statistics of the sector union as at a date (one line per unit).
- ``merge_preview`` and ``merge_province``: the province's federation merged into another
  province's federation (a new unit "LĐLĐ tỉnh Lâm Đồng"), as the union administrator, through
  the merge wizard: its sub-units are placed under the surviving federation, the whole
  subtree (about 2,100 units, 100,000 members) follows.
- ``merge_transfers`` (``--transfers``): the worst case, every member transferred one by one:
  all the union groups of the province merged into one grassroots union (one transfer event
  per member, each checked against the member's history), through the background job the
  form starts above the threshold (performed at once here), with the load average.
"""
import argparse
import os
import sys
import time
from datetime import date

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import emit, ensure_modules, find_sector, measure, odoo_env  # noqa: E402

MERGE_DATE = date(2026, 7, 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="union_bench")
    parser.add_argument("--transfers", action="store_true",
                        help="also merge every union group into one unit (100,000 transfer events)")
    parser.add_argument("--seed", type=int, default=None,
                        help="the province generated with this --seed (default: the first one)")
    args = parser.parse_args()
    installed = ensure_modules(args.db, ["union_membership", "union_finance", "union_documents"])
    if installed:
        emit({"what": "install", "modules": installed})
    with odoo_env(args.db) as env:
        admin = env.ref("base.user_admin")
        env = env(user=admin.id, context={"tracking_disable": True, "mail_notrack": True,
                                          "mail_create_nolog": True})
        Org = env["union.organization"]
        sector = (Org.search([("code", "=", f"B{args.seed}-CDN")]) if args.seed is not None
                  else find_sector(env))
        if not sector:
            emit({"what": "bench_merge", "skipped": "no province: run generate_province.py first"})
            return
        federation = sector.parent_id
        units = Org.with_context(active_test=False).search_count([("id", "child_of", federation.id)])
        members = env["union.member"].search_count([("organization_id", "child_of", federation.id),
                                                    ("state", "in", ("active", "suspended"))])

        with measure("tree_as_at", units, env.cr, members=members) as result:
            tree = Org._get_tree_at(date(2025, 12, 31))
            counts = Org._get_member_counts_at(date(2025, 12, 31), tree)
            result["units_at_date"] = len(tree)
            result["members_at_date"] = counts.get(federation.id, 0)

        with measure("statistics_as_at", units, env.cr) as result:
            stat = env["union.member.statistics"].create({
                "organization_id": sector.id, "date_from": date(2025, 1, 1), "date_to": date(2025, 12, 31)})
            stat.action_compute()
            result["lines"] = len(stat.line_ids)
            result["members_counted"] = stat.total_members

        target = Org.create({"name": "Liên đoàn Lao động tỉnh Lâm Đồng (bench)", "code": "BENCH-LD-LDLD",
                             "short_name": "LĐLĐ", "level": "federation", "unit_kind": "province",
                             "date_founded": date(2004, 1, 1)})
        env.flush_all()
        wizard = env["union.organization.merge"].create({
            "mode": "merge", "source_ids": [(6, 0, federation.ids)], "target_id": target.id,
            "date": MERGE_DATE, "decision_ref": "1234/QĐ-TLĐ"})
        with measure("merge_preview", units, env.cr) as result:
            result["preview_chars"] = len(wizard.preview or "")
        start = time.perf_counter()
        with measure("merge_province", units, env.cr, members=members):
            wizard.action_confirm()
            env.flush_all()
        seconds = time.perf_counter() - start
        moved = env["union.member"].search_count([("organization_id", "child_of", target.id),
                                                  ("state", "in", ("active", "suspended"))])
        ok = moved == members and federation.state == "merged" and sector.parent_id == target
        emit({"what": "merge_province_result", "seconds": round(seconds, 1), "units": units,
              "members_under_surviving_unit": moved, "federation_state": federation.state,
              "target": "< 60 s, every member under the surviving unit", "met": ok and seconds < 60})

        if args.transfers:
            groups = Org.search([("id", "child_of", target.id), ("level", "=", "group"), ("state", "=", "active")])
            school = Org.search([("id", "child_of", target.id), ("level", "=", "grassroots"),
                                 ("state", "=", "active")], limit=1)
            in_groups = env["union.member"].search_count([("organization_id", "in", groups.ids),
                                                          ("state", "in", ("active", "suspended"))])
            wizard = env["union.organization.merge"].create({
                "mode": "merge", "source_ids": [(6, 0, groups.ids)], "target_id": school.id,
                "date": date(2026, 8, 1), "decision_ref": "99/QĐ-BENCH"})
            # through the background job, as the form's Confirm does above the threshold; the job
            # is performed here at once (queue_job__no_delay), in this transaction (rolled back)
            button = wizard.with_context(union_merge_in_background=True, queue_job__no_delay=True)
            load_before = os.getloadavg()
            start = time.perf_counter()
            with measure("merge_transfers", len(groups), env.cr, members=in_groups,
                         through="background job", load_before=[round(v, 2) for v in load_before]):
                button.action_confirm()
                env.flush_all()
            seconds = time.perf_counter() - start
            transferred = env["union.member.event"].search_count([("decision_ref", "=", "99/QĐ-BENCH")])
            emit({"what": "merge_transfers_result", "seconds": round(seconds, 1), "members": in_groups,
                  "transfer_events": transferred, "job_state": wizard.union_job_state,
                  "load_after": [round(v, 2) for v in os.getloadavg()],
                  "target": "< 60 s", "met": wizard.union_job_state == "done" and transferred == in_groups
                  and seconds < 60})
        # nothing is kept: the province stays as generated
        env.cr.rollback()


if __name__ == "__main__":
    main()
