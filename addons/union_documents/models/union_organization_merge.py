from odoo import api, fields, models
from odoo.exceptions import UserError

#: incoming documents still to be handled, petitions still open
OPEN_DOCUMENT_STATES = ("draft", "registered", "in_progress", "quarantine")
OPEN_PETITION_STATES = ("new", "accepted")


def _keep_deadlines(records, deadlines):
    """Put back a deadline that the change of unit recomputed: a merge keeps every deadline."""
    for record in records:
        if record.date_deadline != deadlines.get(record.id):
            record.date_deadline = deadlines.get(record.id)


class UnionDocumentRegister(models.Model):
    _inherit = "union.document.register"

    date_closed = fields.Date(
        string="Closed On", readonly=True, copy=False,
        help="The register's unit merged into another on this date: its numbers stay valid and "
             "searchable, no number is given any more (the surviving unit continues its own series).")


class UnionDocument(models.Model):
    _inherit = "union.document"

    @api.constrains("register_id")
    def _check_register_open(self):
        """No new number in a register closed by a merge (the documents it already numbered are
        not written again: their register stays). Checked on the document, after the register's
        row lock (``_take_next_numbers`` stays the first statement touching the register rows);
        the refusal rolls the release back, number included."""
        for doc in self:
            register = doc.register_id
            if register.date_closed:
                raise UserError(self.env._(
                    "The register %(register)s closed on %(date)s (its unit merged): number the document "
                    "in the surviving unit's register.", register=register.name,
                    date=register.date_closed.strftime("%d/%m/%Y")))


class UnionOrganization(models.Model):
    """A merge closes the closing units' registers on the merge date, and passes their open
    incoming documents and petitions to the surviving unit's handlers, deadlines unchanged."""
    _inherit = "union.organization"

    def _union_merge_open_records(self):
        Document = self.env["union.document"].with_context(active_test=False)
        documents = Document.search([("organization_id", "in", self.ids), ("direction", "=", "incoming"),
                                     ("state", "in", OPEN_DOCUMENT_STATES)])
        petitions = self.env["union.petition"].search([("organization_id", "in", self.ids),
                                                       ("state", "in", OPEN_PETITION_STATES)])
        return documents, petitions

    def _union_merge_preview(self, target, on_date):
        lines = super()._union_merge_preview(target, on_date)
        documents, petitions = self._union_merge_open_records()
        registers = self.env["union.document.register"].search_count([
            ("organization_id", "in", self.ids), ("year", ">=", on_date.year), ("date_closed", "=", False)])
        lines.append(self.env._(
            "%(documents)s open incoming document(s) and %(petitions)s open petition(s) passed to the "
            "surviving unit's handlers, deadlines unchanged; %(registers)s register(s) closed on the date "
            "(their numbers stay valid).", documents=len(documents), petitions=len(petitions),
            registers=registers))
        return lines

    def _union_merge_into(self, target, on_date, decision_ref):
        res = super()._union_merge_into(target, on_date, decision_ref)
        documents, petitions = self._union_merge_open_records()
        handler = target._get_managing_officers()[:1]
        for records, handler_field in ((documents, "lead_handler_id"), (petitions, "assignee_id")):
            if not records:
                continue
            deadlines = {record.id: record.date_deadline for record in records}
            vals = {"organization_id": target.id}
            if handler:
                vals[handler_field] = handler.id
            records.write(vals)
            _keep_deadlines(records, deadlines)
        body = self.env._("Passed from %(unit)s, merged on %(date)s (%(decision)s).",
                          unit=", ".join(self.mapped("name")), date=on_date.strftime("%d/%m/%Y"),
                          decision=decision_ref)
        for records in (documents, petitions):
            if records:
                records._message_log_batch({record.id: body for record in records})
        # sudo: a register is infrastructure of its unit (as in _get_registers); the merging
        # officer's access over the closing units was checked by the merge
        self.env["union.document.register"].sudo().search([
            ("organization_id", "in", self.ids), ("year", ">=", on_date.year), ("date_closed", "=", False),
        ]).write({"date_closed": on_date})
        return res

