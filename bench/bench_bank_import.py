#!/usr/bin/env python3
"""A bank statement of 10,000 lines (issue 16): read, checked and written to the bank
journal through the ORM (OCA's statement import with the suite's Vietnamese layouts),
then matched with the dues as the background job does (one dues payment created,
posted and cleared per line whose description holds a dues reference).

    python3 bench/bench_bank_import.py --db union_bench --lines 10000

Needs union_finance and a posted dues run with unpaid dues (generate_province.py
--finance --dues-months 1 --no-payments); runs in a throwaway copy of the database.
The statement: a Vietcombank export (header block, two-line date/reference cells,
comma thousands) whose lines pay one unpaid dues line each, the reference written
as VietQR writes it or as banks mangle it, with one bank fee line in fifty.

Prints one JSON line per measure: import (read + checks + statement lines written),
match (the job's work), and the totals. The target is set from the ORM path
measured here (the rule of no SQL into accounting tables wins over any figure).
"""
import argparse
import base64
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "addons", "union_finance", "rules"))

from common import emit, measure, odoo_env, throwaway_copy  # noqa: E402

ACCOUNT = "0011009999999"


def statement_lines(env, count):
    """``count`` lines [(date, ref, description, money in, money out)]: unpaid dues lines
    paid one per line, one fee line in fifty, and (when the database has fewer unpaid
    dues lines) transfers without a reference."""
    Line = env["union.dues.line"]
    dues = Line.search_read([("payment_state", "=", "unpaid"), ("run_state", "=", "posted")],
                            ["payment_reference", "amount"], limit=count, order="id")
    day = datetime.date.today().replace(day=1)
    lines = []
    for index, due in enumerate(dues):
        reference = due["payment_reference"]
        if index % 3 == 1:  # as banks mangle it: no hyphens, spaces, lower case
            prefix, code, month = reference.split("-")
            reference = f"{prefix.lower()} {code[:3].lower()} {code[3:]}{month}"
        lines.append((day, f"5243.{index:06d}", f"MBVCB.{index} chuyen tien {reference} doan phi",
                      int(due["amount"]), 0))
        if index % 50 == 49:
            lines.append((day, "", f"Phí SMS Banking {index}", 0, 11_000))
    # fewer unpaid dues than lines: the rest are transfers nobody can place (they wait)
    for index in range(len(lines), count):
        lines.append((day, f"9999.{index:06d}", f"Chuyen tien ung ho {index}", 100_000, 0))
    return lines[:count]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="union_bench")
    parser.add_argument("--lines", type=int, default=10000)
    args = parser.parse_args(argv)
    import bank_statement_files  # noqa: PLC0415 - the builders of bank files (rules/)

    with throwaway_copy(args.db) as db, odoo_env(db, context={"tracking_disable": True}) as env:
        company = env["union.organization"].search([("level", "=", "upper")], limit=1).company_id \
            or env.company
        journal = company.union_dues_payment_journal_id
        journal.bank_account_id = env["res.partner.bank"].create({
            "acc_number": ACCOUNT, "partner_id": company.partner_id.id})
        # the import writes; the job matches (measured apart, as the runner runs it)
        env["ir.config_parameter"].set_param("union_finance.bank_match_job_threshold", "0")
        lines = statement_lines(env, args.lines)
        name, content = bank_statement_files.vietcombank(ACCOUNT, 0, lines)
        env.cr.commit()
        wizard = env["account.statement.import"].with_company(company).create({
            "statement_file": base64.b64encode(content), "statement_filename": name})
        with measure("bank_statement_import", len(lines), env.cr, bytes=len(content)):
            wizard.with_context(queue_job__no_delay=False).import_file_button()
            env.cr.flush()
        st_lines = env["account.bank.statement.line"].search([("journal_id", "=", journal.id)])
        with measure("bank_statement_match", len(st_lines), env.cr) as result:
            st_lines._union_match()
            env.cr.flush()
            counts = env["account.bank.statement.line"].read_group(
                [("id", "in", st_lines.ids)], ["union_match_state"], ["union_match_state"])
            result["matched"] = {c["union_match_state"]: c["union_match_state_count"] for c in counts}
        emit({"what": "bank_statement_lines", "count": len(st_lines),
              "paid_dues": env["union.dues.line"].search_count([("payment_state", "=", "paid")])})
        env.cr.rollback()


if __name__ == "__main__":
    main()
