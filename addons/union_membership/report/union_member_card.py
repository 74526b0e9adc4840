from odoo import api, models
from odoo.tools.image import image_data_uri

from ..rules.lifecycle import MEMBER_STATES
from ..tools.qr import qr_data_url

#: cards on one A4 sheet (2 columns x 4 rows of ID-1 sized cards)
CARDS_PER_PAGE = 8
CARDS_PER_ROW = 2


class ReportUnionMemberCard(models.AbstractModel):
    _name = "report.union_membership.report_union_member_card"
    _description = "Union Member Card"

    @api.model
    def _get_report_values(self, docids, data=None):
        members = self.env["union.member"].browse(docids).exists()
        return self._prepare_card_sheet_values(members, "union.member", docids)

    @api.model
    def _get_card_lang(self):
        """The card is an official Vietnamese document: print it in Vietnamese when installed."""
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        return "vi_VN" if "vi_VN" in installed else self.env.lang

    @api.model
    def _prepare_card_sheet_values(self, members, doc_model, docids):
        # Printing goes through the caller's access rights: an officer prints only the
        # members of the units they manage, a member only their own card.
        members.check_access("read")
        cards = self._prepare_cards(members)
        pages = [cards[start:start + CARDS_PER_PAGE] for start in range(0, len(cards), CARDS_PER_PAGE)]
        return {
            "doc_ids": docids,
            "doc_model": doc_model,
            "docs": self.env[doc_model].browse(docids),
            "pages": [[page[start:start + CARDS_PER_ROW] for start in range(0, len(page), CARDS_PER_ROW)]
                      for page in pages],
            "card_lang": self._get_card_lang(),
        }

    @api.model
    def _prepare_cards(self, members):
        """One dict per card: only what is printed on it (batch reads, QR drawn in memory)."""
        # verify_token/verify_url are restricted to officers (they open the public page);
        # a member printing their own card from the portal needs them for the QR code, so
        # they are read as superuser here, after the access check on the members above.
        members_sudo = members.sudo()
        issues = self._card_issues(members_sudo)
        cards = []
        for member in members_sudo:
            issue = issues.get(member.id)
            cards.append({
                "id": member.id,
                "name": member.name,
                "member_code": member.member_code,
                "card_number": member.card_number or "",
                # the card names the grassroots union, also for a member of one of its groups
                "unit": member.organization_id._get_grassroots().name or "",
                "issue_date": issue.date if issue else False,
                "issuer": issue.organization_id._get_grassroots().name if issue else "",
                "date_joined": member.date_joined,
                # a foreign member's card says their nationality (Law 50/2024); no document number
                "nationality": member.nationality_id.name if member._union_is_foreign() else "",
                "photo": image_data_uri(member.image_128) if member.image_128 else False,
                "qr": qr_data_url(member.verify_url, box_size=8, border=1),
                "verify_url": member.verify_url,
            })
        return cards

    @api.model
    def _card_issues(self, members):
        """{member id: the member's latest card event} (date and issuing unit), in one query."""
        if not members:
            return {}
        events = self.env["union.member.event"].sudo().search(
            [("member_id", "in", members.ids), ("event_type", "=", "card")], order="date desc, id desc")
        issues = {}
        for event in events:
            issues.setdefault(event.member_id.id, event)
        return issues




class ReportUnionOrganizationMemberCard(models.AbstractModel):
    _name = "report.union_membership.report_union_organization_member_card"
    _inherit = "report.union_membership.report_union_member_card"
    _description = "Member Cards of a Union Unit"

    @api.model
    def _get_report_values(self, docids, data=None):
        units = self.env["union.organization"].browse(docids).exists()
        units.check_access("read")
        members = self._get_unit_members(units)
        return self._prepare_card_sheet_values(members, "union.organization", docids)

    @api.model
    def _get_unit_members(self, units):
        """Current members of these units and of the groups below them, in one query."""
        if not units:
            return self.env["union.member"]
        return self.env["union.member"].search(
            [("organization_id", "child_of", units.ids), ("state", "in", MEMBER_STATES)],
            order="organization_id, name, id")
