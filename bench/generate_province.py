#!/usr/bin/env python3
"""Build a synthetic province in its own database, for the benchmarks.

    python3 bench/generate_province.py --db union_bench --members 100000 --grassroots 650
    python3 bench/generate_province.py --db union_bench --members 5000 --grassroots 100 \\
        --finance --dues-months 3 --documents

Creates the database (union addons installed, no demo data) when it is missing,
then generates units and members with the same batch code as the demo
(union.membership.demo.province), and prints one JSON line per step: what, how many, seconds.
A province already in the database (same --seed) is kept, so the command can be
re-run to add the finance data or the documents addon.

--finance installs union_finance and gives every member a dues base (salary) and
every grassroots union an employer, in batches; --dues-months N posts the N
monthly dues runs before the current month for the whole province through
union.dues.run (action_compute, action_confirm), with the demo's payments
(payroll check-off per school, bank transfers by VietQR reference) and about one
member in 300 left in arrears (union.finance.demo.dues, the demo's own code);
--no-payments posts the runs and pays nothing (every member in arrears).
--documents installs union_documents (document numbering benchmark).
"""
import argparse
import os
import random
import sys
import time
from datetime import date

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import emit, ensure_modules, odoo_env  # noqa: E402


def generate(env, args):
    """The units and members (skipped when the province of this seed exists)."""
    prefix = f"B{args.seed}"
    sector = env["union.organization"].search([("code", "=", f"{prefix}-CDN")])
    if sector:
        members = env["union.member"].search_count([("organization_id", "child_of", sector.id)])
        emit({"what": "generate_province", "members": members, "skipped": "province exists"})
        return sector
    start = time.perf_counter()
    result = env["union.membership.demo.province"]._generate_province(
        grassroots=args.grassroots, members=args.members, seed=args.seed,
        prefix=prefix, with_reform=False)
    env.flush_all()
    env.cr.commit()
    units = 2 + len(result["schools"]) + len(result["groups"])
    emit({"what": "generate_province", "members": len(result["members"]), "units": units,
          "seconds": round(time.perf_counter() - start, 1)})
    return result["sector"]


def add_finance(env, sector, args):
    """Dues bases of every member and an employer per grassroots union (batches)."""
    from odoo.fields import Command  # noqa: PLC0415

    from odoo.addons.union_finance.rules import dues as dues_rules  # noqa: PLC0415

    start = time.perf_counter()
    env = env(context=dict(env.context, tracking_disable=True, mail_notrack=True,
                           mail_create_nolog=True))
    sector.company_id._union_finance_setup_accounting()
    scope = sector._get_subtree()
    members = env["union.member"].search([("organization_id", "in", scope.ids)], order="id")
    this_month = dues_rules.month_start(date.today())
    first = dues_rules.add_months(this_month, -max(args.dues_months, 12))
    bases_before = env["union.member.dues.base"].search_count([("member_id", "in", members.ids)])
    env["union.finance.demo.dues"]._create_dues_bases(
        members, first, dues_rules.add_months(this_month, -6), random.Random(args.seed))
    bases = env["union.member.dues.base"].search_count([("member_id", "in", members.ids)]) - bases_before

    employers = 0
    if "employer_ids" in env["union.organization"]._fields:
        schools = scope.filtered(lambda u: u.level == "grassroots" and not u.employer_ids)
        partners = env["res.partner"].create([{
            "name": f"{school.name.removeprefix('Công đoàn ')} (đơn vị sử dụng lao động)",
            "is_company": True, "email": f"ketoan.{school.code.lower()}@example.vn",
        } for school in schools])
        for school, partner in zip(schools, partners):
            school.employer_ids = [Command.link(partner.id)]
        employers = len(partners)
    env.flush_all()
    env.cr.commit()
    emit({"what": "generate_finance", "members": len(members), "dues_bases": bases,
          "employers": employers, "seconds": round(time.perf_counter() - start, 1)})
    return env


def add_dues(env, sector, args):
    """N posted monthly runs of the whole province (with the demo's payments)."""
    from odoo.addons.union_finance.rules import dues as dues_rules  # noqa: PLC0415

    start = time.perf_counter()
    if args.no_payments:
        this_month = dues_rules.month_start(date.today())
        Run = env["union.dues.run"]
        runs = Run
        for back in range(args.dues_months, 0, -1):
            month = dues_rules.add_months(this_month, -back)
            if Run.search_count([("organization_id", "=", sector.id), ("month", "=", month),
                                 ("state", "!=", "reversed")], limit=1):
                continue
            run = Run.create({"organization_id": sector.id, "include_children": True,
                              "month": month})
            run.action_compute()
            run.action_confirm()
            env.cr.commit()
            runs |= run
        result = {"runs": runs}
    else:
        portal = env["union.member"]  # no portal member with two unpaid months
        result = env["union.finance.demo.dues"]._generate_dues(
            sector, portal_member=portal, months=args.dues_months, seed=args.seed)
    env.flush_all()
    env.cr.commit()
    runs = result.get("runs") or env["union.dues.run"]
    lines = env["union.dues.line"].search_count([("run_id", "in", runs.ids)])
    emit({"what": "generate_dues_runs", "runs": len(runs), "lines": lines,
          "members_in_arrears_planned": len(result.get("arrears") or {}) if not args.no_payments else None,
          "skipped": None if runs else "runs exist",
          "seconds": round(time.perf_counter() - start, 1)})


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="union_bench")
    parser.add_argument("--members", type=int, default=100000)
    parser.add_argument("--grassroots", type=int, default=650,
                        help="grassroots unions; each gets 2-3 groups: 650 makes about 2,100 units")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--finance", action="store_true",
                        help="install union_finance; dues bases and employers for the province")
    parser.add_argument("--dues-months", type=int, default=0,
                        help="post this many monthly dues runs before the current month (needs --finance)")
    parser.add_argument("--no-payments", action="store_true",
                        help="with --dues-months: pay nothing (every member in arrears)")
    parser.add_argument("--documents", action="store_true", help="install union_documents")
    args = parser.parse_args(argv)
    if args.dues_months:
        args.finance = True

    modules = ["union_membership"]
    modules += ["union_finance"] if args.finance else []
    modules += ["union_documents"] if args.documents else []
    start = time.perf_counter()
    installed = ensure_modules(args.db, modules)
    if installed:
        emit({"what": "install_modules", "modules": installed,
              "seconds": round(time.perf_counter() - start, 1)})
    with odoo_env(args.db, context={"tracking_disable": True}) as env:
        sector = generate(env, args)
        if args.finance:
            env = add_finance(env, sector, args)
        if args.dues_months:
            add_dues(env, sector, args)


if __name__ == "__main__":
    main()
