from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import split_every

from ..rules import bank_statement as bank_rules
from ..vnd import format_vnd

#: statement lines matched together (one dues payment create, one reconciliation plan)
UNION_MATCH_BATCH = 500
#: a payee's name or a number shorter than this (letters and digits) names nothing
UNION_MATCH_KEY_MIN = 4

UNION_MATCH_STATES = [
    ("dues", "Dues Paid"),
    ("cleared", "Recorded Payment Cleared"),
    ("proposed", "Proposed for Matching"),
    ("model", "Booked by a Reconciliation Model"),
    ("open", "Waiting for the Accountant"),
]


class AccountBankStatementLine(models.Model):
    """A line of the bank's statement: the only bank record of a transfer. The
    union matches it, in order, with a dues payment reference (a dues payment is
    created and posted, its money-in-transit item cleared by this line), with a
    payment recorded before the statement (VietQR confirmation, check-off sheet, an
    allocation of the 2% fund received: same amount, its reference or payer in the
    description), with an employer's 2% fund contribution (proposed: partner and item
    set for the accountant), and with the reconciliation models (bank fees, interest).
    An outgoing line clears a payment the union recorded before on the bank journal
    (remittance upward, welfare, dues refund, allocation paid: waiting on money in
    transit 1132; same amount, its number or payee in the description). The rest waits
    in account_reconcile_oca's screen.

    The other order too: a payment or receipt the union posts on a bank journal AFTER its
    statement line was imported clears the one open line that names it
    (``_union_match_posted``), by the same rules."""

    _inherit = "account.bank.statement.line"

    union_match_state = fields.Selection(UNION_MATCH_STATES, string="Union Matching",
                                         readonly=True, copy=False, index=True)
    union_dues_payment_id = fields.Many2one("union.dues.payment", string="Dues Payment",
                                            readonly=True, copy=False, index="btree_not_null")
    union_proposed_move_line_id = fields.Many2one(
        "account.move.line", string="Proposed Item", readonly=True, copy=False,
        help="An open item of the same amount whose payer is named in the description "
             "(an employer's 2% fund): confirm it in the reconciliation screen.")

    def _auto_reconcile(self):
        """OCA applies the automatic reconciliation models to every line it creates;
        the union's import matches its lines itself first and applies the models to
        the rest only (``_union_apply_models``)."""
        if self.env.context.get("union_statement_import"):
            return None
        return super()._auto_reconcile()

    def _union_match_later(self):
        """Match the lines in a background job (a large statement): one job per
        statement, never queued twice."""
        for statement in self.statement_id:
            lines = self.filtered(lambda line, st=statement: line.statement_id == st)
            lines.with_delay(
                description=self.env._("Match the lines of the bank statement %(name)s",
                                       name=statement.name),
                identity_key=f"union_bank_match:{statement.id}",
            )._union_match()

    def _union_match(self):
        """Match the lines (see the class), ``UNION_MATCH_BATCH`` at a time (the cache
        flushed and emptied between batches); returns a summary for the accountant."""
        counts = defaultdict(int)
        for batch in split_every(UNION_MATCH_BATCH, self.ids, self.browse):
            for key, count in batch._union_match_batch().items():
                counts[key] += count
            self.env.flush_all()
            self.env.invalidate_all()
        return self.env._(
            "%(total)s lines imported: %(dues)s paid dues, %(cleared)s cleared payments "
            "recorded before, %(proposed)s proposed for matching, %(model)s bank fees or "
            "interest booked, %(open)s waiting for the accountant.", total=len(self),
            dues=counts["dues"], cleared=counts["cleared"], proposed=counts["proposed"],
            model=counts["model"], open=counts["open"])

    def _union_match_batch(self):
        lines = self.filtered(lambda line: not line.is_reconciled and not line.union_match_state)
        incoming = lines.filtered(lambda line: line.amount > 0)
        counts = {}
        done = incoming._union_clear_recorded_payments()
        paid = (incoming - done)._union_pay_dues()
        counts["dues"] = len(paid)
        proposed = (incoming - done - paid)._union_propose_fund()
        counts["proposed"] = len(proposed)
        # a fund payment recorded before clears a transfer only when no open declaration
        # of that amount and employer is waiting for it (employers pay the same sum monthly)
        done |= (incoming - done - paid - proposed)._union_clear_recorded_payments(fund=True)
        outgoing = lines.filtered(lambda line: line.amount < 0)
        done |= outgoing._union_clear_recorded_outgoing()
        counts["cleared"] = len(done)
        rest = lines - done - paid - proposed
        booked = rest._union_apply_models()
        counts["model"] = len(booked)
        (rest - booked).union_match_state = "open"
        counts["open"] = len(rest - booked)
        return counts

    # ------------------------------------------------------------------ helpers

    def _union_references(self):
        """{line: [dues references its description may hold]}."""
        found = {}
        for line in self:
            prefix = line.company_id.union_dues_reference_prefix or "DP"
            found[line] = bank_rules.reference_candidates(
                f"{line.payment_ref or ''} {line.ref or ''}", prefix)
        return found

    def _union_dues_by_reference(self, references):
        """{reference: union.dues.line} of the posted dues lines among ``references``
        (one query for the whole statement)."""
        refs = {ref for refs in references.values() for ref in refs}
        if not refs:
            return {}
        dues = self.env["union.dues.line"].search([
            ("payment_reference", "in", list(refs)), ("run_state", "=", "posted"),
            ("company_id", "in", self.company_id.ids)])
        return {line.payment_reference: line for line in dues}

    def _union_receipt_items(self, fund=False):
        """Open money-in-transit items of posted bank and check-off dues payments and of
        allocations of the 2% fund received on a bank journal (``fund``: of 2% fund
        payments recorded on a bank journal), of the lines' companies:
        {amount: [(payment, item)]} (one query a model)."""
        amounts = list(set(self.mapped(lambda line: int(line.amount))))
        if fund:
            payments = self.env["union.fund.payment"].search([
                ("state", "=", "posted"), ("journal_id.type", "=", "bank"),
                ("company_id", "in", self.company_id.ids), ("amount", "in", amounts)],
                order="date, id")
        else:
            payments = self.env["union.dues.payment"].search([
                ("state", "=", "posted"), ("kind", "in", ("bank", "checkoff")),
                ("company_id", "in", self.company_id.ids), ("amount", "in", amounts)])
            # the 2% fund allocated by the upper level, received on the unit's bank journal
            payments = list(payments) + list(self.env["union.fund.allocation"].search([
                ("state", "=", "posted"), ("journal_id", "in", self.journal_id.ids),
                ("journal_id.type", "=", "bank"),
                ("company_id", "in", self.company_id.ids), ("amount", "in", amounts)],
                order="date, id"))
        by_amount = defaultdict(list)
        for payment in payments:
            item = self._union_transit_item(payment)
            if item and not item.reconciled:
                by_amount[int(payment.amount)].append((payment, item))
        return by_amount

    def _union_clear_recorded_payments(self, fund=False):
        """Lines that clear a payment recorded before the statement: same amount, and
        the description holds its dues reference, its number or its payer's name
        (``fund``: an employer's 2% fund payment, its reference or employer's name)."""
        if not self:
            return self
        # the dues references name the member of a dues payment (not of a fund payment)
        references = {} if fund else self._union_references()
        dues = self._union_dues_by_reference(references) if references else {}
        by_amount = self._union_receipt_items(fund=fund)
        done = self.browse()
        used = set()
        for line in self:
            text = bank_rules.plain(f"{line.payment_ref or ''} {line.partner_name or ''}")
            members = {dues[ref].member_id for ref in references.get(line, ()) if ref in dues}
            compact_text = bank_rules.compact(text)
            for payment, item in by_amount.get(int(line.amount), []):
                if payment not in used and line._union_receipt_found(
                        payment, text, compact_text, members):
                    line._union_reconcile_with(item)
                    line.write(line._union_receipt_values(payment))
                    used.add(payment)
                    done |= line
                    break
        return done

    def _union_receipt_found(self, payment, text, compact_text, members):
        """Whether this incoming line names ``payment``, a receipt recorded on its bank
        journal (a dues payment, an employer's 2% fund payment, an allocation of the 2%
        fund received): ``text`` and ``compact_text`` are its description (and the
        bank's payer) as ``bank_rules.plain`` and ``bank_rules.compact`` give them,
        ``members`` the members its dues references name. The one rule of both
        directions: a statement line imported after the payment
        (``_union_clear_recorded_payments``) or before it (``_union_match_posted``)."""
        if payment._name == "union.fund.payment":
            # an employer's 2% fund transfer: its reference or the employer's name
            payers = {bank_rules.payer_key(payment.employer_id.name)} - {""}
            return bool((payment.reference and bank_rules.plain(payment.reference) in text)
                        or any(payer in text for payer in payers))
        if payment._name == "union.fund.allocation":
            # the 2% fund allocated by the upper level: its numbers or the upper level's name
            return self._union_key_in(payment._union_bank_match_keys(payment.move_id),
                                      compact_text)
        payers = {bank_rules.payer_key(payment.payer_name),
                  bank_rules.payer_key(payment.organization_id.name)} - {""}
        return bool((payment.member_id and payment.member_id in members)
                    or (payment.name and bank_rules.plain(payment.name) in text)
                    or any(payer in text for payer in payers))

    def _union_receipt_values(self, payment):
        """What an incoming line that clears ``payment`` (see ``_union_receipt_found``) is
        given: its state, and the payer or the dues payment it clears."""
        values = {"union_match_state": "cleared", "union_proposed_move_line_id": False}
        if payment._name == "union.fund.payment":
            values["partner_id"] = payment.employer_id.id
        elif payment._name == "union.fund.allocation":
            values["partner_id"] = payment.upper_organization_id.partner_id.id
        else:
            values["union_dues_payment_id"] = payment.id
        return values

    def _union_pay_dues(self):
        """Lines whose description holds the dues references of one member: a bank
        dues payment is created and posted for each (it settles the member's dues,
        oldest month first) and the line clears its money-in-transit item."""
        if not self:
            return self
        references = self._union_references()
        dues = self._union_dues_by_reference(references)
        matched, vals_list = [], []
        for line in self:
            found = [dues[ref] for ref in references[line] if ref in dues]
            members = {due.member_id for due in found}
            if len(members) != 1:
                continue  # none, or several members in one transfer: the accountant decides
            due = found[0]
            matched.append(line)
            vals_list.append({
                "kind": "bank", "organization_id": due.organization_id.id,
                "member_id": due.member_id.id, "journal_id": line.journal_id.id,
                "amount": int(line.amount), "date": line.date,
                "description": (line.payment_ref or "")[:200] or self.env._("Union dues"),
                "import_key": f"STL:{line.id}",
            })
        if not matched:
            return self.browse()
        payments = self.env["union.dues.payment"].create(vals_list)
        # each payment is cleared by the line it comes from, just below
        payments.with_context(union_skip_statement_match=True).action_post()
        matched = self.browse([line.id for line in matched])
        items = self._union_transit_items(payments)
        matched._union_reconcile_items([items[payment] for payment in payments])
        for line, payment in zip(matched, payments):
            line.union_dues_payment_id = payment
        matched.union_match_state = "dues"
        return matched

    def _union_propose_fund(self):
        """Lines of an employer's 2% fund: an open contribution of the same amount whose
        employer is named in the description. The partner and the item are set; the
        accountant confirms in the reconciliation screen."""
        if not self:
            return self
        contributions = self.env["union.fund.contribution"].search([
            ("state", "=", "posted"), ("company_id", "in", self.company_id.ids),
            ("amount_residual", "in", list(set(self.mapped(lambda line: int(line.amount)))))],
            order="month, id")
        by_amount = defaultdict(list)
        for contribution in contributions:
            by_amount[int(contribution.amount_residual)].append(contribution)
        proposed = self.browse()
        # a declaration is proposed to one transfer (the oldest month first), also across
        # the batches and statements: not one already proposed to a line still open
        already = self.search([
            ("union_proposed_move_line_id", "in", contributions.move_line_id.ids),
            ("is_reconciled", "=", False)]).union_proposed_move_line_id
        used = set(contributions.filtered(lambda c: c.move_line_id in already).ids)
        for line in self:
            text = bank_rules.plain(f"{line.payment_ref or ''} {line.partner_name or ''}")
            for contribution in by_amount.get(int(line.amount), []):
                employer = bank_rules.payer_key(contribution.employer_id.name)
                if contribution.id not in used and employer and employer in text:
                    used.add(contribution.id)
                    line.write({"partner_id": contribution.employer_id.id,
                                "union_proposed_move_line_id": contribution.move_line_id.id,
                                "union_match_state": "proposed"})
                    proposed |= line
                    break
        return proposed

    def _union_apply_models(self):
        """Lines booked by an automatic reconciliation model (bank fees, interest)."""
        if not self:
            return self
        self.with_context(union_statement_import=False)._auto_reconcile()
        booked = self.filtered("is_reconciled")
        booked.union_match_state = "model"
        return booked

    def _union_transit_item(self, payment):
        """The money-in-transit item of a posted dues or fund payment or of an allocation
        received (its one debit line, on the receipt account of its journal)."""
        return self._union_transit_items(payment)[payment]

    def _union_transit_items(self, payments):
        """{payment: its money-in-transit item} (see ``_union_transit_item``)."""
        found = {}
        Mixin = self.env["union.payment.mixin"]
        for payment in payments:
            account = Mixin._union_receipt_account(payment.journal_id, getattr(payment, "kind", None))
            found[payment] = payment.move_id.line_ids.filtered(
                lambda aml, a=account: aml.account_id == a and aml.debit)[:1]
        return found

    # ------------------------------------------------------- outgoing transfers

    def _union_outgoing_sources(self):
        """(model, field of its payment entry) of the payments the union records on a bank
        journal before the statement shows them: each model has
        ``_union_bank_match_keys(move)`` (the numbers and payee names a description may
        hold). Override to add one."""
        return [("union.remittance", "payment_move_id"), ("union.welfare.request", "move_id"),
                ("union.dues.refund", "move_id"), ("union.fund.allocation", "upper_move_id")]

    def _union_outgoing_items(self):
        """Open items on the outstanding payments account (1132, money in transit) of the
        lines' bank journals (a transfer is debited on the account it was ordered from),
        of the lines' amounts, oldest first, with what their description may hold:
        {amount: [(item, {compact key})]}. One query for the items, one a source model."""
        Mixin = self.env["union.payment.mixin"]
        accounts = self.env["account.account"]
        for journal in self.journal_id.filtered(lambda j: j.type == "bank"):
            try:
                accounts |= Mixin._union_payment_account(journal)
            except UserError:
                continue  # no outstanding payments account: nothing can wait on it
        amounts = list({-int(line.amount) for line in self})
        if not accounts or not amounts:
            return {}
        items = self.env["account.move.line"].search([
            ("account_id", "in", accounts.ids), ("company_id", "in", self.company_id.ids),
            ("journal_id", "in", self.journal_id.ids),
            ("parent_state", "=", "posted"), ("reconciled", "=", False),
            ("credit", ">", 0), ("balance", "in", [-amount for amount in amounts])],
            order="date, id")
        if not items:
            return {}
        keys = self._union_outgoing_keys(items.move_id)
        by_amount = defaultdict(list)
        for item in items:
            by_amount[-int(item.balance)].append((item, keys[item.move_id]))
        return by_amount

    def _union_outgoing_keys(self, moves):
        """{payment entry: {compact key}}: what the bank's description of the transfer of
        each of ``moves`` (payment entries on a bank journal) may hold: the entry's number,
        and the numbers and payee names its source record gives
        (``_union_bank_match_keys``). One query a source model; the one rule of both
        directions (a statement line imported after the payment or before it)."""
        keys = defaultdict(set)
        for move in moves:
            keys[move] |= self._union_match_keys({"numbers": [move.name]})
        for model, field in self._union_outgoing_sources():
            # sudo: the statement is the company's bank account; a payment recorded on it
            # is cleared whoever recorded it (an accountant may manage some of the company's
            # units only); only the payees' names and numbers are read, to match
            for record in self.env[model].sudo().search([(field, "in", moves.ids)]):
                keys[record[field]] |= self._union_match_keys(
                    record._union_bank_match_keys(record[field]))
        return keys

    def _union_match_keys(self, keys):
        """{compact text} of ``keys`` ({"numbers": [...], "names": [...]}) as a bank's
        description may hold them: without diacritics, case, spaces or punctuation (names
        without the leading "Công đoàn" and what is in parentheses)."""
        found = {bank_rules.compact(number) for number in keys.get("numbers", ()) if number}
        found |= {bank_rules.compact(bank_rules.payer_key(name))
                  for name in keys.get("names", ()) if name}
        return {key for key in found if len(key) >= UNION_MATCH_KEY_MIN}

    def _union_key_in(self, keys, compact_text):
        return any(key in compact_text for key in self._union_match_keys(keys))

    def _union_clear_recorded_outgoing(self):
        """Outgoing lines that clear a payment recorded before the statement on the bank
        journal (waiting on money in transit, 1132): same amount, and the description
        holds the payment's number or its payee's name (mangled as banks do). The line's
        suspense item becomes the 1132 item's account and partner and both are
        reconciled (``_union_reconcile_items``): the bank account moves once, by the
        statement line."""
        if not self:
            return self
        by_amount = self._union_outgoing_items()
        if not by_amount:
            return self.browse()
        matched, found, used = [], [], set()
        for line in self:
            text = bank_rules.compact(f"{line.payment_ref or ''} {line.partner_name or ''}")
            for item, keys in by_amount.get(-int(line.amount), []):
                if item.id not in used and any(key in text for key in keys):
                    used.add(item.id)
                    matched.append(line.id)
                    found.append(item)
                    break
        if not matched:
            return self.browse()
        done = self.browse(matched)
        done._union_reconcile_items(found)
        by_partner = defaultdict(list)
        for line, item in zip(done, found):
            by_partner[item.partner_id.id].append(line.id)
        for partner_id, line_ids in by_partner.items():
            self.browse(line_ids).write({"union_match_state": "cleared", "partner_id": partner_id})
        return done

    def _union_reconcile_with(self, item):
        self.ensure_one()
        self._union_reconcile_items([item])

    def _union_reconcile_items(self, items):
        """Replace each line's suspense item by the account and partner of its item in
        ``items`` (same order), and reconcile each pair: the bank account moves once,
        by the statement line. One write per account and partner (the statement
        lines' own entries: their counterpart is set as account_reconcile_oca's edit
        mode sets it) and one reconciliation plan for the whole batch."""
        pairs = defaultdict(list)
        plan = []
        for line, item in zip(self, items):
            _liquidity, suspense, _other = line._seek_for_lines()
            pairs[(item.account_id.id, item.partner_id.id)].append(suspense)
            plan.append((suspense, item))
        AML = self.env["account.move.line"]
        for (account_id, partner_id), suspense_items in pairs.items():
            AML.union(*suspense_items).with_context(
                skip_account_move_synchronization=True, skip_readonly_check=True,
            ).write({"account_id": account_id, "partner_id": partner_id})
        AML._reconcile_plan([suspense | item for suspense, item in plan])

    # ------------------------------------------------- the statement before the payment

    def _union_recorded_sources(self):
        """(model, field of its entry) of everything the union records on a bank journal
        that waits on money in transit until a statement line clears it: the payments out
        (1132, ``_union_outgoing_sources``) and the receipts (1131: dues paid by transfer
        or check-off, an employer's 2% fund, an allocation of the 2% fund received)."""
        return self._union_outgoing_sources() + [
            ("union.dues.payment", "move_id"), ("union.fund.payment", "move_id"),
            ("union.fund.allocation", "move_id")]

    @api.model
    def _union_match_posted(self, records):
        """The statement before the payment: ``records`` (of one model of
        ``_union_recorded_sources``, just posted) wait on money in transit (1131/1132) of
        their bank journal; each is matched with the open statement line of that journal
        already imported that names it, by the rules of a line imported after the payment
        (``_union_receipt_found``, ``_union_outgoing_keys``): same amount and sign, the
        description holding its number or payee. Only a line that is the one candidate of
        one item is matched (two candidate lines, or one line two items could take: the
        accountant decides); a line proposed for another open item, dated in a locked
        period or hash-locked is left alone. The line's suspense item takes the transit
        item's account and partner and both are reconciled (``_union_reconcile_items``:
        the bank account moves once, by the line), and the record's chatter names the line.
        One search of statement lines for the whole batch. Returns the lines matched."""
        if not records or self.env.context.get("union_skip_statement_match"):
            return self.browse()
        pairs = self._union_transit_pairs(records)
        if not pairs:
            return self.browse()
        AML = self.env["account.move.line"]
        items = AML.union(*[item for _record, item in pairs])
        # sudo: the statement is the company's bank account; the user who posts a payment on
        # it (an officer recording a check-off sheet may not read the bank statement) has the
        # line that names it cleared, within the payment's own journal and company
        lines = self.sudo().search([
            ("journal_id", "in", items.journal_id.ids), ("company_id", "in", items.company_id.ids),
            ("state", "=", "posted"), ("is_reconciled", "=", False),
            ("amount", "in", list({int(item.balance) for item in items}))], order="date, id")
        locks = {journal: journal.company_id._get_user_fiscal_lock_date(journal)
                 for journal in lines.journal_id}
        lines = lines.filtered(lambda line: line.date > locks[line.journal_id]
                               and not line.move_id.inalterable_hash
                               # proposed for an employer's declaration still open
                               and not (line.union_proposed_move_line_id
                                        and not line.union_proposed_move_line_id.reconciled))
        if not lines:
            return self.browse()
        by_key = defaultdict(list)
        texts = {}
        for line in lines:
            by_key[line.journal_id.id, int(line.amount)].append(line)
            text = bank_rules.plain(f"{line.payment_ref or ''} {line.partner_name or ''}")
            texts[line] = (text, bank_rules.compact(text))
        members = defaultdict(set)
        if records._name == "union.dues.payment":
            references = lines._union_references()
            dues = lines._union_dues_by_reference(references)
            for line, refs in references.items():
                members[line] = {dues[ref].member_id for ref in refs if ref in dues}
        keys = self._union_outgoing_keys(items.filtered("credit").move_id)
        claims = defaultdict(list)
        for record, item in pairs:
            candidates = []
            for line in by_key.get((item.journal_id.id, int(item.balance)), ()):
                text, compact_text = texts[line]
                if item.credit:
                    found = any(key in compact_text for key in keys[item.move_id])
                else:
                    found = line._union_receipt_found(record, text, compact_text, members[line])
                if found:
                    candidates.append(line)
            if len(candidates) == 1:
                claims[candidates[0]].append((record, item))
        matched = [(line, *claim[0]) for line, claim in claims.items() if len(claim) == 1]
        if not matched:
            return self.browse()
        done = self.sudo().browse([line.id for line, _record, _item in matched])
        done._union_reconcile_items([item for _line, _record, item in matched])
        for line, record, item in matched:
            values = {"union_match_state": "cleared", "union_proposed_move_line_id": False,
                      "partner_id": item.partner_id.id} if item.credit \
                else line._union_receipt_values(record)
            line.write(values)
            self._union_note_matched(record, line, item)
        return done

    @api.model
    def _union_note_matched(self, record, line, item):
        """The chatter of ``record`` (of a 2% fund payment, which has none: its
        declaration's) says which statement line cleared its money in transit."""
        target = record.contribution_id if record._name == "union.fund.payment" else record
        target.message_post(body=self.env._(
            "Matched with the bank statement line of %(date)s, %(amount)s (%(description)s), "
            "imported before it was recorded: the money in transit (%(account)s) is cleared.",
            date=line.date.strftime("%d/%m/%Y"), amount=format_vnd(self.env, abs(line.amount)),
            description=line.payment_ref or "", account=item.account_id.code or item.account_id.name))

    @api.model
    def _union_transit_pairs(self, records):
        """[(record, item)]: the open money-in-transit items of ``records``' entries on a bank
        journal (a debit on its outstanding receipts account, 1131, or a credit on its
        outstanding payments account, 1132)."""
        Mixin = self.env["union.payment.mixin"]
        fields_ = [field for model, field in self._union_recorded_sources() if model == records._name]
        accounts, pairs = {}, []
        for record in records:
            for move in (record[field] for field in fields_):
                journal = move.journal_id
                if not move or move.state != "posted" or journal.type != "bank":
                    continue
                kind = getattr(record, "kind", None)
                if (journal, kind) not in accounts:
                    try:
                        receipt = Mixin._union_receipt_account(journal, kind)
                    except UserError:
                        receipt = None  # no money-in-transit account: nothing waits there
                    if receipt == journal.default_account_id:
                        receipt = None  # cash received in the till, not in transit
                    try:
                        payment = Mixin._union_payment_account(journal)
                    except UserError:
                        payment = None
                    accounts[journal, kind] = (receipt, payment)
                receipt, payment = accounts[journal, kind]
                for item in move.line_ids:
                    if not item.reconciled and (
                            (item.debit and item.account_id == receipt)
                            or (item.credit and item.account_id == payment)):
                        pairs.append((record, item))
        return pairs
