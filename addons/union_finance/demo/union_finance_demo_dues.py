import base64
import random
import re
import unicodedata
from collections import defaultdict
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..rules import bank_statement_files
from ..rules import dues as dues_rules


def _ascii(text):
    """A name as a bank transfer description carries it (no accents)."""
    text = unicodedata.normalize("NFD", str(text or "")).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


class UnionFinanceDemoDues(models.AbstractModel):
    """Demo data of the members' dues: salaries, twelve posted monthly runs of
    the sector union and its schools, payments by payroll check-off (one per
    school and month), by bank transfer with the VietQR reference (through the
    bank statement import), and a few members in arrears.

    Everything goes through the models' own methods, in batches: a run per
    month, one batch of check-off payments per month, one bank statement per
    month."""

    _name = "union.finance.demo.dues"
    _description = "Union Finance Demo (dues)"

    #: the demo's books start here: 2024, 2025 (the reorganisation) and 2026
    DEMO_FIRST_MONTH = date(2024, 1, 1)

    @api.model
    def _load_demo(self):
        """The demo province's books from January 2024 to last month, on the timeline of
        its 2025 reorganisation (union_membership/demo/union_membership_demo_reorganisation.py):
        each month run by the unit that held the schools at the end of that month (the
        education union until June 2025, then the Đắk Nông federation, then the Lâm Đồng
        federation from 1 July 2025); no dues after May 2025 for the schools ended on
        1 June 2025 (their members' membership ended then); the books of each unit that
        ended handed to the unit that took it over, by a posted entry on the day it ended."""
        if self.env.lang != "vi_VN" and "vi_VN" in dict(self.env["res.lang"].get_installed()):
            # the demo runs in Vietnamese: what code writes (payment descriptions) is in Vietnamese
            return self.with_context(lang="vi_VN")._load_demo()
        sector = self.env.ref("union_membership.demo_org_sector", raise_if_not_found=False)
        if not sector:
            return False  # union_membership's demo province is not there
        portal_member = self.env.ref("union_membership.demo_member_portal", raise_if_not_found=False)
        holders = [unit for unit in (
            self.env.ref(f"union_membership.{name}", raise_if_not_found=False)
            for name in ("demo_org_education_union", "demo_org_dak_nong", "demo_org_sector"))
            if unit]
        today = fields.Date.context_today(self)
        first = self.DEMO_FIRST_MONTH
        months = (today.year - first.year) * 12 + today.month - first.month
        return bool(self._generate_dues(sector, portal_member=portal_member, months=months,
                                        holders=holders, today=today))

    @api.model
    def _generate_dues(self, sector, portal_member=None, months=12, seed=2025, today=None,
                       holders=None, bank_months=12):
        """Dues of the ``months`` months before the current one for ``sector``
        and all its sub-units.

        ``holders``: the units that held the schools over time, oldest first (the unit
        that runs a month is the first of them in operation at the month's end, else
        ``sector``); the books of a unit that ended in a month are handed over (see
        _close_ended_units). Members pay by bank transfer only in the last
        ``bank_months`` months (one bank statement a month all along: the schools'
        check-off transfers clear the money in transit).

        :returns: dict with ``runs``, ``arrears`` ({member: unpaid months}),
            ``bank_members``, ``checkoff_payments``, ``bank_payments``; an empty
            dict when the runs already exist.
        """
        self = self.with_context(tracking_disable=True, mail_notrack=True, mail_create_nolog=True)
        today = today or fields.Date.context_today(self)
        this_month = dues_rules.month_start(today)
        month_list = [this_month - relativedelta(months=back) for back in range(months, 0, -1)]
        Run = self.env["union.dues.run"]
        holders = [unit for unit in (holders or []) if unit] or [sector]
        if Run.search_count([("organization_id", "in", [u.id for u in holders] + [sector.id]),
                             ("month", "in", month_list), ("state", "!=", "reversed")], limit=1):
            return {}
        rng = random.Random(seed)
        company = sector.company_id
        company._union_finance_setup_accounting()
        scope = self.env["union.organization"].browse(
            [u.id for u in holders] + [sector.id])._get_subtree()
        self._ensure_bank_account(sector)
        members = self.env["union.member"].with_context(active_test=False).search(
            [("organization_id", "in", scope.ids)], order="id")
        self._create_dues_bases(members, month_list[0], month_list[len(month_list) // 2], rng)

        # who pays how: most by their school's payroll, some by bank transfer
        # (VietQR reference), the portal member's last two months unpaid, a few
        # in arrears for three months or more
        portal_member = portal_member or self.env["union.member"]
        active = members.filtered(lambda m: m.state == "active") - portal_member
        bank_members = set(portal_member.ids)
        bank_members.update(m.id for m in active if rng.random() < 0.06)
        candidates = [m.id for m in active if m.id not in bank_members]
        arrears_count = max(2, len(members) // 300)
        arrears = {mid: 3 + index % 3 for index, mid in
                   enumerate(rng.sample(candidates, min(arrears_count, len(candidates))))}
        if portal_member:
            arrears[portal_member.id] = 2
        school_of = self._grassroots_of(scope)

        runs = Run
        checkoff_payments = bank_payments = self.env["union.dues.payment"]
        Org = self.env["union.organization"]
        for index, month in enumerate(month_list):
            self._close_ended_units(scope, month, holders)
            tree = Org._get_tree_at(dues_rules.month_end(month))
            holder = next((unit for unit in holders if tree.get(unit.id, {}).get("state") == "active"),
                          sector)
            run = Run.create({"organization_id": holder.id, "include_children": True, "month": month})
            run.action_compute()
            run.action_confirm()
            runs |= run
            months_after = len(month_list) - 1 - index  # 0 for last month
            to_pay = [line for line in run.line_ids
                      if line.amount > 0 and arrears.get(line.member_id.id, 0) <= months_after]
            checkoff = defaultdict(list)
            bank = []
            for line in to_pay:
                if line.member_id.id in bank_members and months_after < bank_months:
                    bank.append(line)
                elif school_of.get(line.organization_id.id):
                    checkoff[school_of[line.organization_id.id]].append(line)
            month_checkoff = self._pay_checkoff(month, checkoff)
            checkoff_payments |= month_checkoff
            bank_payments |= self._pay_bank(month, bank, company, today, rng, month_checkoff)
        return {
            "runs": runs, "arrears": arrears, "bank_members": self.env["union.member"].browse(
                sorted(bank_members)),
            "checkoff_payments": checkoff_payments, "bank_payments": bank_payments,
        }

    @api.model
    def _close_ended_units(self, scope, month, holders):
        """The books of the units of ``scope`` that ended in ``month`` handed over on the day
        they ended (dispatch 4181/TLĐ-TC): a dissolved unit's to the unit above it then, a
        merged one's to the next of ``holders`` (the unit it merged into), else to the unit
        above it. The reorganisation ran before the books existed (union_membership's demo),
        so the demo books these entries itself, in date order."""
        Org = self.env["union.organization"]
        start, end = dues_rules.month_start(month), dues_rules.month_end(month)
        ended = scope.filtered(lambda unit: unit.date_ended and start <= unit.date_ended <= end
                               and unit.state in ("dissolved", "merged"))
        for unit in ended.sorted(lambda u: (u.date_ended, -len(u.parent_path or ""))):
            on_date = unit.date_ended
            tree = Org._get_tree_at(on_date - timedelta(days=1))
            successor = Org
            if unit.state == "merged" and unit in holders:
                later = holders[holders.index(unit) + 1:]
                successor = later[0] if later else Org
            if not successor:
                parent_id = tree.get(unit.id, {}).get("parent_id")
                while parent_id and Org.browse(parent_id).date_ended == on_date:
                    parent_id = tree.get(parent_id, {}).get("parent_id")
                successor = Org.browse(parent_id)
            if not successor:
                continue
            ref = unit.end_reason or on_date.strftime("%d/%m/%Y")
            if unit.state == "dissolved":
                unit._union_close_books(successor, on_date, ref[:120])
            else:
                balances = unit._union_merge_balances(on_date)
                if balances:
                    unit._union_merge_post_entries(successor, on_date, ref[:120], balances)

    @api.model
    def _create_dues_bases(self, members, first_month, raise_month, rng):
        """A social-insurance salary for every member (6 to 20 million VND, a few
        above the cap), raised for some of them in the middle of the year."""
        existing = set(self.env["union.member.dues.base"].search(
            [("member_id", "in", members.ids)]).member_id.ids)
        start = date(first_month.year - 1, 1, 1)
        vals_list = []
        for index, member in enumerate(members):
            if member.id in existing:
                continue
            if index % 400 == 7:
                amount = rng.randrange(52, 58) * 1_000_000  # above the cap (10% of lương cơ sở)
            else:
                amount = int(rng.uniform(6_000_000, 20_000_000)) // 10_000 * 10_000
            vals_list.append({"member_id": member.id, "date_start": start, "amount": amount,
                              "note": "Lương đóng BHXH"})
            if rng.random() < 0.15:
                vals_list.append({"member_id": member.id, "date_start": raise_month,
                                  "amount": amount * 108 // 100 // 10_000 * 10_000,
                                  "note": "Nâng bậc lương thường xuyên"})
        self.env["union.member.dues.base"].create(vals_list)

    @api.model
    def _ensure_bank_account(self, sector):
        """The sector union's bank account for the dues (the schools' members
        see it as a VietQR code on the portal), unless it already has one."""
        if sector._get_dues_bank_account():
            return
        bank = self.env["res.bank"].search([("bic", "=", "970436")], limit=1) or \
            self.env["res.bank"].create({"name": "Vietcombank", "bic": "970436"})
        number = f"0631000{sector.id:06d}"
        sector.dues_bank_account_id = self.env["res.partner.bank"].create({
            "acc_number": number, "bank_id": bank.id, "partner_id": sector.partner_id.id,
            "proxy_type": "bank_acc", "proxy_value": number,
            "include_reference": True,
        })

    @api.model
    def _grassroots_of(self, units):
        """{unit id: id of its grassroots union} for the units at or below that level."""
        result = {}
        for unit in units:
            current = unit
            while current and current.level not in ("grassroots", "upper", "federation"):
                current = current.parent_id
            if current.level == "grassroots":
                result[unit.id] = current.id
        return result

    @api.model
    def _pay_checkoff(self, month, lines_by_school):
        """One payroll check-off payment per school, on the payroll day (the
        month's last day), as the check-off import records it."""
        if not lines_by_school:
            return self.env["union.dues.payment"]
        schools = self.env["union.organization"].browse(sorted(lines_by_school))
        vals_list = []
        for school in schools:
            lines = lines_by_school[school.id]
            filename = f"khau-tru-luong-{school.code}-{month:%m-%Y}.xlsx"
            vals_list.append({
                "kind": "checkoff", "organization_id": school.id,
                "date": dues_rules.month_end(month), "payer_name": school.name,
                "description": self.env._("Union dues by payroll check-off (%(name)s)",
                                          name=filename),
                "amount": sum(line.amount for line in lines),
                "allocation": {str(line.member_id.id): line.amount for line in lines},
                "import_key": f"CHECKOFF:DEMO:{school.code}:{month:%Y%m}",
            })
        payments = self.env["union.dues.payment"].create(vals_list)
        payments.action_post()
        return payments

    @api.model
    def _pay_bank(self, month, lines, company, today, rng, checkoff=None):
        """The sector union's bank statement of the month after ``month``, as
        Vietcombank exports it, imported into the bank journal and matched: the
        members' transfers with the VietQR reference (some mangled as banks do),
        the schools' transfers of their check-off sheets (clearing the payments
        recorded from the sheets), the SMS banking fee, the deposit interest and
        ordinary spending (waiting for the accountant)."""
        journal = company.union_dues_payment_journal_id
        account = self._ensure_statement_account(journal)
        next_month = month + relativedelta(months=1)
        if next_month > today:
            return self.env["union.dues.payment"]

        def day(first=0, last=20):
            return min(next_month + timedelta(days=rng.randrange(first, last)), today)

        rows = []
        for line in lines:
            reference = line.payment_reference
            if rng.random() < 0.3:  # as banks mangle it: no hyphens, spaces, lower case
                prefix, code, period = reference.split("-")
                reference = f"{prefix.lower()} {code[:3].lower()} {code[3:]}{period}"
            rows.append((day(), f"{5000 + month.month}.{line.id:06d}",
                         f"MBVCB.{line.id}.{_ascii(line.member_id.name).upper()} chuyen tien\n"
                         f"{reference} nop doan phi thang {month:%m/%Y}", int(line.amount), 0))
        for payment in checkoff or []:
            rows.append((day(0, 10), f"FT{month:%y%m}{payment.id:06d}",
                         f"{_ascii(payment.payer_name).upper()} CHUYEN DOAN PHI KHAU TRU LUONG "
                         f"THANG {month:%m/%Y}", int(payment.amount), 0))
        income = sum(row[3] for row in rows)
        rows.append((day(20, 25), f"{5000 + month.month}.900001",
                     f"Chi hỗ trợ tổ chức hội nghị, phong trào tháng {next_month:%m/%Y}", 0,
                     min(income // 4, 5_000_000) // 1000 * 1000))
        rows.append((day(10, 20), f"{5000 + month.month}.900003",
                     f"Thanh toán cước điện thoại, internet văn phòng tháng {month:%m/%Y}", 0,
                     rng.randrange(300, 450) * 1000))
        rows.append((day(25, 26), "", f"Phí SMS Banking tháng {next_month:%m/%Y}", 0, 11_000))
        rows.append((day(27, 28), f"{5000 + month.month}.900002",
                     f"Trả lãi tiền gửi tháng {next_month:%m/%Y}", 0, 0))
        Line = self.env["account.bank.statement.line"]
        [[opening]] = Line._read_group([("journal_id", "=", journal.id)],
                                       aggregates=["amount:sum"])
        opening = int(opening or 0)
        # interest on what the account held, at 0.1% a month
        rows[-1] = rows[-1][:3] + (max(opening // 1000, 1_000), 0)
        rows = [row for row in rows if row[3] or row[4]]
        rows.sort(key=lambda row: row[0])
        name, content = bank_statement_files.vietcombank(account, opening, rows)
        before = Line.search([("journal_id", "=", journal.id)])
        self.env["account.statement.import"].create({
            "statement_file": base64.b64encode(content),
            "statement_filename": f"sao-ke-{next_month:%Y%m}-{name}",
        }).import_file_button()
        imported = Line.search([("journal_id", "=", journal.id)]) - before
        return imported.union_dues_payment_id.filtered(lambda payment: payment.kind == "bank")

    @api.model
    def _load_demo_fund_statement(self):
        """Demo: after the 2% fund declarations (union.finance.demo.fund), the sector union's
        statement of the current month."""
        sector = self.env.ref("union_membership.demo_org_sector", raise_if_not_found=False)
        if not sector:
            return False
        return bool(self._generate_fund_statement(sector.company_id))

    @api.model
    def _generate_fund_statement(self, company, today=None, confirm=True):
        """The statement of the company's bank journal for the current month, imported
        and matched: the employers' transfers of the 2% fund declared and not yet paid
        (proposed by amount and payer, then confirmed as the accountant does: each
        reconciled with its declaration, all but the last one when ``confirm``), the
        employers' transfers recorded on the bank journal before (2% fund payments waiting on
        money in transit 1131: cleared by their line), the
        transfers the union ordered on the bank journal and the bank has not shown yet
        (the remittance paid upward, waiting on money in transit 1132: cleared by their
        line, so the bank book counts them once), and ordinary spending (stationery, a
        visit to a sick member: waiting for the accountant). Returns the statement lines
        imported (none when no declaration is open or the statement was already
        imported)."""
        self = self.with_context(tracking_disable=True, mail_notrack=True, mail_create_nolog=True)
        today = today or fields.Date.context_today(self)
        Line = self.env["account.bank.statement.line"]
        journal = company.union_dues_payment_journal_id
        contributions = self.env["union.fund.contribution"].search([
            ("company_id", "=", company.id), ("state", "=", "posted"),
            ("amount_residual", ">", 0)], order="month, id")
        if not journal or not contributions:
            return Line
        account = self._ensure_statement_account(journal)

        def employer(contribution):
            return _ascii(re.sub(r"[(].*[)]", "", contribution.employer_id.name)).strip().upper()

        rows = [(today, f"FT{today:%y%m%d}{contribution.id:06d}",
                 f"{employer(contribution)} CHUYEN KPCD 2% THANG {contribution.month:%m/%Y}",
                 int(contribution.amount_residual), 0)
                for contribution in contributions]
        # the employers' transfers the accountant recorded on the bank journal before the bank
        # showed them (2% fund payments waiting on money in transit 1131): the statement
        # carries them, after the open declarations' transfers (a declaration is proposed to
        # the first transfer of its amount and employer), and its lines clear them
        receipt = self.env["union.payment.mixin"]._union_receipt_account(journal, "bank")
        waiting = self.env["union.fund.payment"].search([
            ("company_id", "=", company.id), ("state", "=", "posted"),
            ("journal_id", "=", journal.id)], order="date, id").filtered(
            lambda payment: payment.move_id.line_ids.filtered(
                lambda aml: aml.account_id == receipt and aml.debit and not aml.reconciled))
        rows += [(today, f"FT{today:%y%m%d}{payment.id:06d}R",
                  f"{employer(payment.contribution_id)} CHUYEN KPCD 2% "
                  f"{_ascii(payment.reference or payment.contribution_id.name).upper()}",
                  int(payment.amount), 0)
                 for payment in waiting]
        ordered = self.env["account.move.line"].search([
            ("account_id", "=", self.env["union.payment.mixin"]._union_payment_account(journal).id),
            ("company_id", "=", company.id), ("parent_state", "=", "posted"),
            ("reconciled", "=", False), ("credit", ">", 0)], order="date, id")
        # the bank writes the payment order's text: its label names the payee, and its number
        rows += [(today, f"{today:%y%m%d}.9002{index:02d}",
                  f"{_ascii(item.name).upper()} {item.move_id.name}", 0, int(item.credit))
                 for index, item in enumerate(ordered, start=1)]
        rows += [(today, f"{today:%y%m%d}.900101", "Chi mua văn phòng phẩm phục vụ công tác "
                  "công đoàn", 0, 1_250_000),
                 (today, f"{today:%y%m%d}.900102", "Chi thăm hỏi đoàn viên ốm đau nằm viện",
                  0, 500_000)]
        [[opening]] = Line._read_group([("journal_id", "=", journal.id)],
                                       aggregates=["amount:sum"])
        name, content = bank_statement_files.vietcombank(account, int(opening or 0), rows)
        before = Line.search([("journal_id", "=", journal.id)])
        self.env["account.statement.import"].create({
            "statement_file": base64.b64encode(content),
            "statement_filename": f"sao-ke-quy-2-{today:%Y%m%d}-{name}",
        }).import_file_button()
        imported = Line.search([("journal_id", "=", journal.id)]) - before
        proposed = imported.filtered(lambda line: line.union_match_state == "proposed")
        for line in proposed[:-1] if confirm else Line:
            line._union_reconcile_with(line.union_proposed_move_line_id)
        return imported

    @api.model
    def _ensure_statement_account(self, journal):
        """The account number of the bank journal (the sector union's dues account,
        held by the company), which the statement's header carries."""
        if not journal.bank_account_id:
            sector = self.env.ref("union_membership.demo_org_sector", raise_if_not_found=False)
            dues_account = sector._get_dues_bank_account() if sector else False
            number = dues_account.acc_number if dues_account else f"0011000{journal.id:06d}"
            partner_bank = self.env["res.partner.bank"].search([
                ("acc_number", "=", number), ("partner_id", "=", journal.company_id.partner_id.id)],
                limit=1) or self.env["res.partner.bank"].create({
                    "acc_number": number, "partner_id": journal.company_id.partner_id.id,
                    "bank_id": dues_account.bank_id.id if dues_account else False})
            journal.bank_account_id = partner_bank
        return journal.bank_account_id.acc_number
