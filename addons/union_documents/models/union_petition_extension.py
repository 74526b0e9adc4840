from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import petition_deadline as deadline_rules


class UnionPetitionExtension(models.Model):
    """A recorded decision extending the time to settle a petition (a denunciation: once for a
    complex case, twice for an especially complex one, Denunciation Law 25/2018 art. 30)."""

    _name = "union.petition.extension"
    _description = "Petition Time Limit Extension"
    _order = "petition_id, date, id"

    petition_id = fields.Many2one("union.petition", required=True, index=True, ondelete="cascade")
    organization_id = fields.Many2one(related="petition_id.organization_id", store=True, index=True)
    date = fields.Date(string="Decision Date", required=True, default=fields.Date.context_today)
    decision_number = fields.Char(required=True)
    reason = fields.Text(required=True)
    days = fields.Integer(readonly=True, help="Days added by this extension (from the time limit rule).")
    date_deadline_before = fields.Date(string="Deadline Before", readonly=True)
    date_deadline_after = fields.Date(string="New Deadline", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        Petition = self.env["union.petition"]
        Deadline = self.env["union.petition.deadline"]
        for vals in vals_list:
            petition = Petition.browse(vals.get("petition_id")).exists()
            if not petition:
                raise UserError(self.env._("Choose the petition whose time limit is extended."))
            petition.check_access("write")
            if petition.state != "accepted" or not petition.date_deadline:
                raise UserError(self.env._(
                    "Only an accepted petition with a deadline can be extended (%(name)s).",
                    name=petition.name))
            rule = Deadline._get_rule(petition.kind, petition.date_accepted or petition.date_received)
            refusal = deadline_rules.extension_refusal(
                rule, len(petition.extension_ids), petition.is_complex, petition.is_especially_complex)
            if refusal:
                raise UserError(self._refusal_message(refusal, petition))
            before = petition.date_deadline
            after = fields.Date.add(before, days=rule["extension_days"])
            vals.update({"days": rule["extension_days"], "date_deadline_before": before,
                         "date_deadline_after": after})
            petition.date_deadline = after
            petition.message_post(body=self.env._(
                "Time limit extended by %(days)s days to %(date)s: decision %(number)s of %(decision_date)s.",
                days=rule["extension_days"], date=after.strftime("%d/%m/%Y"), number=vals["decision_number"],
                decision_date=fields.Date.to_date(vals.get("date") or fields.Date.context_today(self)
                                                  ).strftime("%d/%m/%Y")))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise UserError(self.env._("An extension decision is recorded once; record a new one instead."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("An extension decision is kept in the petition's history."))

    def _refusal_message(self, code, petition):
        if code == "none":
            return self.env._("The time limit of a %(kind)s cannot be extended.",
                              kind=dict(petition._fields["kind"]._description_selection(self.env))[petition.kind])
        if code == "not_complex":
            return self.env._("Mark %(name)s as a complex case before extending its time limit.",
                              name=petition.name)
        if code == "not_especially_complex":
            return self.env._("A second extension of %(name)s needs an especially complex case.",
                              name=petition.name)
        return self.env._("The time limit of %(name)s has been extended as many times as the law allows.",
                          name=petition.name)
