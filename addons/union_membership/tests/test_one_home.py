"""One home for each concept (issue 19): "a current member" is said once (union.member.is_current,
from rules/lifecycle.py MEMBER_STATES) in every view, filter and domain; one QR drawer
(tools/qr.py) for the member card, the training check-in and the VietQR dues codes."""
import io

import qrcode
from lxml import etree

from odoo.tools.safe_eval import safe_eval

from odoo.addons.union_membership.rules.lifecycle import MEMBER_STATES
from odoo.addons.union_membership.tools.qr import qr_data_url, qr_png

from .common import UnionCommon


class TestOneHome(UnionCommon):

    def test_current_member_is_one_definition(self):
        Member = self.env["union.member"].with_context(active_test=False)
        current = Member.search([("state", "in", MEMBER_STATES)])
        former = Member.search([("state", "not in", MEMBER_STATES)])
        self.assertTrue(current)
        self.assertEqual(Member.search([("is_current", "=", True)]), current)
        self.assertEqual(Member.search([("is_current", "!=", False)]), current)
        self.assertEqual(Member.search([("is_current", "=", False)]), former)
        self.assertEqual(Member.search([("is_current", "!=", True)]), former)
        for member in (current | former)[:20]:
            self.assertEqual(member.is_current, member.state in MEMBER_STATES)
        # the member list's filters and the transfer wizard say it through that field
        arch = etree.fromstring(Member.get_view(view_type="search")["arch"])
        domains = {node.get("name"): safe_eval(node.get("domain")) for node in arch.iter("filter")
                   if node.get("domain")}
        self.assertEqual(Member.search(domains["filter_current"]), current)
        self.assertEqual(Member.search(domains["filter_former"]), former)
        # an officer reads it like any field, through their record rules
        officer = Member.with_user(self.user_officer_a)
        self.assertEqual(officer.search([("is_current", "=", True)]),
                         officer.search([("state", "in", MEMBER_STATES)]))

    def test_one_qr_drawer_draws_as_before(self):
        """The portal's VietQR code (box 4, border 2) is the PNG qrcode.make drew before."""
        payload = "00020101021238570010A000000727012700069704360113DOANPHI TEST5303704"
        out = io.BytesIO()
        qrcode.make(payload, box_size=4, border=2).save(out, format="PNG")
        self.assertEqual(qr_png(payload, box_size=4, border=2), out.getvalue())
        self.assertTrue(qr_data_url(payload).startswith("data:image/png;base64,iVBOR"))
        # the card's code is larger (box 8, border 1)
        self.assertGreater(len(qr_png("https://example.vn/v/1", box_size=8, border=1)),
                           len(qr_png("https://example.vn/v/1", box_size=2, border=1)))
