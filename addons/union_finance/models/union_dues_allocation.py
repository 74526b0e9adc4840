from collections import defaultdict

from odoo import api, fields, models


class UnionDuesAllocation(models.Model):
    """The union's own subledger of dues money, member by member: which part
    of which payment settles which dues line.

    The journal entries book dues per unit (one receivable item per unit and
    month, the unit as partner); what each member paid for each month lives
    here. A row with a dues line is money applied to that line; a row without
    one is the member's credit (an overpayment, or a downward adjustment of an
    earlier month), applied to the member's next dues, oldest month first, by
    the next run (``_apply_credits``).

    Dues lines posted before this subledger existed keep their own member
    receivable item (``union.dues.line.move_line_id``) and are still settled
    by reconciliation; no row here points at them.
    """

    _name = "union.dues.allocation"
    _description = "Dues Payment Allocation"
    _order = "date, id"
    _check_company_auto = True

    payment_id = fields.Many2one("union.dues.payment", string="Payment", index=True,
                                 ondelete="restrict", check_company=True)
    source_line_id = fields.Many2one(
        "union.dues.line", string="Credit from Adjustment", index="btree_not_null",
        ondelete="cascade",
        help="The downward adjustment whose amount is this credit (no payment).")
    line_id = fields.Many2one("union.dues.line", string="Dues Line", index="btree_not_null",
                              ondelete="restrict")
    member_id = fields.Many2one("union.member", string="Member", required=True, index=True,
                                ondelete="restrict")
    organization_id = fields.Many2one("union.organization", string="Unit", required=True,
                                      index=True)
    company_id = fields.Many2one("res.company", required=True, index=True)
    # computed, not related: Monetary's insert looks a related currency up through a new
    # record per value when the related path's first field is in the create values
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id", compute_sudo=True)
    amount = fields.Monetary(string="Amount (VND)", required=True, aggregator="sum")
    date = fields.Date(required=True, index=True)
    month = fields.Date(related="line_id.month", string="Dues Month")

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "An allocated amount must be positive."),
        ("one_source", "CHECK(payment_id IS NOT NULL OR source_line_id IS NOT NULL)",
         "An allocation comes from a payment or from a downward adjustment."),
    ]

    @api.depends("company_id.currency_id")
    def _compute_currency_id(self):
        for rec in self:
            rec.currency_id = rec.company_id.currency_id

    @api.model
    def _allocate(self, member_amounts, date, company, payment=None, source_lines=None,
                  organization=None):
        """Apply ``member_amounts`` ({member id: VND}) to the members' open
        dues lines (those booked per unit), oldest month first; the rest of
        each member's amount is their credit. Return the created rows.

        ``payment`` or ``source_lines`` ({member id: negative dues line}) is
        where the money comes from. One search for all the members' open lines."""
        if not member_amounts:
            return self.browse()
        Line = self.env["union.dues.line"]
        open_lines = Line.search([
            ("member_id", "in", list(member_amounts)),
            ("payment_state", "in", ("unpaid", "partial")), ("move_line_id", "=", False),
        ], order="month, id")
        by_member = defaultdict(list)
        for line in open_lines:
            by_member[line.member_id.id].append(line)
        vals_list = []
        for member_id, amount in member_amounts.items():
            source = {"payment_id": payment.id if payment else False,
                      "source_line_id": source_lines[member_id].id if source_lines else False,
                      "member_id": member_id, "company_id": company.id, "date": date}
            for line in by_member.get(member_id, []):
                if amount <= 0:
                    break
                part = min(amount, line.amount_residual)
                if part > 0:
                    vals_list.append(dict(source, line_id=line.id, amount=part,
                                          organization_id=line.organization_id.id))
                    amount -= part
            if amount > 0:
                unit = organization or (source_lines[member_id].organization_id if source_lines
                                        else self.env["union.member"].browse(member_id).organization_id)
                vals_list.append(dict(source, line_id=False, amount=amount,
                                      organization_id=unit.id))
        return self.create(vals_list)

    @api.model
    def _apply_credits(self, member_ids, date):
        """Apply the open credits (rows without a dues line) of these members
        to their open new-style dues lines, oldest credit and oldest month
        first: each credit row gives up what it applies to a row of the same
        source with the line. Return the rows created."""
        credits = self.search([("member_id", "in", list(member_ids)), ("line_id", "=", False)],
                              order="date, id")
        if not credits:
            return self.browse()
        open_lines = self.env["union.dues.line"].search([
            ("member_id", "in", credits.member_id.ids),
            ("payment_state", "in", ("unpaid", "partial")), ("move_line_id", "=", False),
        ], order="month, id")
        residual = {line.id: line.amount_residual for line in open_lines}
        by_member = defaultdict(list)
        for line in open_lines:
            by_member[line.member_id.id].append(line)
        vals_list, to_unlink = [], self.browse()
        for credit in credits:
            left = credit.amount
            for line in by_member.get(credit.member_id.id, []):
                part = min(left, residual[line.id])
                if part <= 0:
                    continue
                residual[line.id] -= part
                left -= part
                vals_list.append({
                    "payment_id": credit.payment_id.id, "source_line_id": credit.source_line_id.id,
                    "line_id": line.id, "member_id": credit.member_id.id, "amount": part,
                    "organization_id": line.organization_id.id,
                    "company_id": credit.company_id.id, "date": date})
                if not left:
                    break
            if not left:
                to_unlink |= credit
            elif left != credit.amount:
                credit.amount = left
        to_unlink.unlink()
        return self.create(vals_list)
