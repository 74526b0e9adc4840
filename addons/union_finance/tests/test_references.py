"""Issue 13, points 6 and 12: a many2one to a member, unit or employer accepts only what the
user may read (create, write and the form's onchange), and a member creating a welfare request
writes only the portal form's fields. Every test acts as the attacker does: a real user of
the group through the ORM (with_user) or over HTTP."""
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .common import UnionFinanceCommon


@tagged("post_install", "-at_install")
class TestFinanceReferences(UnionFinanceCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kind_sickness = cls.env.ref("union_finance.union_welfare_kind_sickness")
        cls.member_b1.partner_id.write({"street": "12 Lê Lợi", "city": "Gia Nghĩa",
                                        "phone": "0912000003"})
        cls.request_b = cls.env["union.welfare.request"].create({
            "member_id": cls.member_b1.id, "kind_id": cls.kind_sickness.id,
            "date": date(2025, 8, 1), "description": "Ốm nằm viện điều trị dài ngày",
            "amount": 500_000})
        cls.run_b = cls._run(cls.unit_b, date(2025, 7, 1))
        cls.run_a = cls._run(cls.unit_a, date(2025, 7, 1))
        cls.line_a1 = cls.run_a.line_ids.filtered(lambda line: line.member_id == cls.member_a1)

    def _welfare_vals(self, member, **extra):
        return {"member_id": member.id, "kind_id": self.kind_sickness.id, "date": date(2025, 8, 1),
                "description": "Ốm nằm viện điều trị dài ngày", "amount": 500_000, **extra}

    # --------------------------------------------------------------- welfare

    def test_officer_cannot_ask_care_for_another_units_member(self):
        Request = self.env["union.welfare.request"].with_user(self.user_officer_a)
        with self.assertRaises(AccessError):
            Request.create(self._welfare_vals(self.member_b1))
        with self.assertRaises(AccessError, msg="not even booked on the officer's own unit"):
            Request.create(self._welfare_vals(self.member_b1, organization_id=self.unit_a.id))
        request = Request.create(self._welfare_vals(self.member_a1))
        with self.assertRaises(AccessError):
            request.write({"member_id": self.member_b1.id})
        with self.assertRaises(AccessError):
            request.write({"organization_id": self.unit_b.id})
        self.assertEqual(request.member_id, self.member_a1)
        self.assertEqual(request.organization_id, self.unit_a)

    def test_form_never_shows_another_units_member(self):
        """The form's onchange computes the request's name and the payer's name and address as
        superuser (stored computed fields): it refuses another unit's member id."""
        Request = self.env["union.welfare.request"].with_user(self.user_officer_a)
        spec = {"name": {}, "partner_id": {"fields": {"display_name": {}}}, "member_id": {},
                "organization_id": {}}
        with self.assertRaises(AccessError):
            Request.onchange({"member_id": self.member_b1.id, "kind_id": self.kind_sickness.id},
                             ["member_id"], spec)
        with self.assertRaises(AccessError):
            Request.onchange({"member_id": {"id": self.member_b1.id}}, ["member_id"], spec)
        Payment = self.env["union.dues.payment"].with_user(self.user_accountant_b)
        with self.assertRaises(AccessError):
            Payment.onchange({"member_id": self.member_a1.id, "kind": "cash"}, ["member_id"],
                             {"payer_name": {}, "payer_address": {}, "member_id": {}})
        result = Request.onchange({"member_id": self.member_a1.id}, ["member_id"], spec)
        self.assertIn(self.member_a1.name, result["value"]["name"])

    def test_ids_of_another_units_requests_cannot_be_enumerated(self):
        Request = self.env["union.welfare.request"].with_user(self.user_officer_a)
        self.assertFalse(Request.search_read([("member_id", "=", self.member_b1.id)], ["name"]))
        self.assertFalse(Request.search_read([("member_id.name", "ilike", "Lê Thị Hoa")], ["name"]))
        self.assertFalse(Request.search_read([("partner_id.phone", "=", "0912000003")], ["name"]))
        self.assertFalse(Request.name_search("Lê Thị Hoa"))
        self.assertFalse(Request.read_group([], ["amount:sum"], ["member_id"]))
        self.assertFalse(Request.export_data(["member_id/name", "partner_id/street"])["datas"])
        with self.assertRaises(AccessError):
            self.request_b.with_user(self.user_officer_a).read(["name", "partner_id"])
        Member = self.env["union.member"].with_user(self.user_officer_a)
        self.assertFalse(Member.name_search("Lê Thị Hoa"))
        self.assertFalse(Member.search([("id", "=", self.member_b1.id)]))

    def test_dues_go_to_the_units_own_bank_account(self):
        other = self.env["res.partner.bank"].create({
            "acc_number": "9999000011112222", "partner_id": self.unit_b.partner_id.id})
        with self.assertRaises(ValidationError):
            self.unit_a.with_user(self.user_officer_a).dues_bank_account_id = other
        self.assertEqual(self.unit_a.dues_bank_account_id, self.bank_account)

    # --------------------------------------------------------------- payments

    def test_accountant_cannot_pay_for_another_units_member(self):
        Payment = self.env["union.dues.payment"].with_user(self.user_accountant_b)
        vals = {"kind": "cash", "organization_id": self.unit_b.id, "amount": 88_000}
        with self.assertRaises(AccessError):
            Payment.create(dict(vals, member_id=self.member_a1.id))
        with self.assertRaises(AccessError, msg="a check-off allocation names members too"):
            Payment.create(dict(vals, kind="checkoff", allocation={str(self.member_a1.id): 88_000}))
        with self.assertRaises(AccessError):
            Payment.create(dict(vals, organization_id=self.unit_a.id, member_id=self.member_b1.id))
        payment = Payment.create(dict(vals, member_id=self.member_b1.id))
        with self.assertRaises(AccessError):
            payment.write({"member_id": self.member_a1.id})
        with self.assertRaises(AccessError):
            payment.write({"allocation": {str(self.member_a1.id): 88_000}})
        with self.assertRaises(AccessError):
            payment.write({"dues_line_ids": [(4, self.line_a1.id)]})
        self.assertEqual(payment.member_id, self.member_b1)

    def test_other_finance_records_refuse_another_unit(self):
        accountant = self.user_accountant_b
        with self.assertRaises(AccessError):
            self.env["union.dues.run"].with_user(accountant).create(
                {"organization_id": self.unit_a.id, "month": date(2025, 9, 1)})
        with self.assertRaises(AccessError):
            self.env["union.dues.line"].with_user(accountant).create({
                "run_id": self.run_b.id, "member_id": self.member_a1.id,
                "organization_id": self.unit_b.id, "month": date(2025, 7, 1),
                "payment_reference": "DP-X-202507"})
        with self.assertRaises(AccessError):
            self.env["union.dues.exemption"].with_user(accountant).create({
                "member_id": self.member_a1.id, "reason": "unpaid_leave",
                "date_from": date(2025, 9, 1)})
        with self.assertRaises(AccessError):
            self.env["union.remittance"].with_user(accountant).create({
                "organization_id": self.unit_a.id, "date_from": date(2025, 7, 1),
                "date_to": date(2025, 9, 30)})
        with self.assertRaises(AccessError):
            self.env["union.dues.checkoff.import"].with_user(accountant).create({
                "organization_id": self.unit_a.id, "file": b"", "filename": "x.xlsx"})
        with self.assertRaises(AccessError):
            self.env["union.finance.xlsx.report"].with_user(accountant).create({
                "report_type": "arrears", "organization_id": self.unit_a.id})
        # the upper level of a remittance is one of the unit's own ancestors
        with self.assertRaises(UserError):
            self.env["union.remittance"].with_user(accountant).create({
                "organization_id": self.unit_b.id, "upper_organization_id": self.unit_a.id,
                "date_from": date(2025, 7, 1), "date_to": date(2025, 9, 30)})
        remittance = self.env["union.remittance"].with_user(accountant).create({
            "organization_id": self.unit_b.id, "date_from": date(2025, 7, 1),
            "date_to": date(2025, 9, 30)})
        self.assertEqual(remittance.sudo().upper_organization_id, self.upper)


@tagged("post_install", "-at_install")
class TestPortalWelfareFields(UnionFinanceCommon, HttpCase):
    """A member writes only the portal form's fields of a welfare request."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kind_sickness = cls.env.ref("union_finance.union_welfare_kind_sickness")

    def _check_plain(self, request):
        self.assertEqual(request.member_id, self.member_a1)
        self.assertEqual(request.organization_id, self.unit_a, "the member's unit, not the one sent")
        self.assertEqual(request.channel, "portal")
        self.assertEqual(request.amount, 0)
        self.assertIn(request.state, ("draft", "submitted"))
        self.assertFalse(request.approved_by_id)
        self.assertFalse(request.approval_date)
        self.assertFalse(request.move_id)

    def test_rpc_extra_fields_are_dropped(self):
        Request = self.env["union.welfare.request"].with_user(self.user_portal_a1)
        request = Request.create({
            "kind_id": self.kind_sickness.id, "date": date(2025, 8, 1),
            "description": "Ốm nằm viện điều trị dài ngày", "amount_requested": 300_000,
            "organization_id": self.unit_a.id, "amount": 5_000_000, "state": "approved",
            "approved_by_id": self.user_officer_a.id, "approval_date": date(2025, 8, 2),
            "channel": "officer", "payment_date": date(2025, 8, 3),
        })
        self._check_plain(request.sudo())
        self.assertEqual(request.sudo().amount_requested, 300_000)
        with self.assertRaises(AccessError, msg="a member asks for themselves only"):
            Request.create({"member_id": self.member_b1.id, "kind_id": self.kind_sickness.id,
                            "date": date(2025, 8, 1), "description": "Ốm nằm viện điều trị"})
        with self.assertRaises(AccessError, msg="a member never edits a request"):
            request.write({"amount": 5_000_000})

    def test_json_rpc_and_portal_form_extra_fields_are_dropped(self):
        self.authenticate("t_portal_a1", "t_portal_a1")
        result = self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": "union.welfare.request", "method": "create", "args": [{
                "kind_id": self.kind_sickness.id, "date": "2025-08-01",
                "description": "Ốm nằm viện điều trị dài ngày", "state": "approved",
                "amount": 9_000_000, "approved_by_id": self.user_officer_a.id,
                "organization_id": self.unit_b.id}], "kwargs": {}})
        self._check_plain(self.env["union.welfare.request"].browse(result))
        # the portal form: the posted extra fields are ignored
        response = self.url_open("/my/union/welfare", data={
            "csrf_token": self._csrf(), "kind": self.kind_sickness.code,
            "date": "2025-08-01", "description": "Nằm viện điều trị sốt xuất huyết",
            "amount": "200000", "organization_id": self.unit_b.id, "state": "approved",
            "amount_granted": "9000000", "approved_by_id": self.user_officer_a.id,
            "member_id": self.member_b1.id})
        self.assertEqual(response.status_code, 200)
        request = self.env["union.welfare.request"].search([
            ("description", "=", "Nằm viện điều trị sốt xuất huyết")])
        self.assertEqual(len(request), 1)
        self._check_plain(request)
        self.assertEqual(request.state, "submitted")

    def _csrf(self):
        page = self.url_open("/my/union/welfare")
        marker = 'name="csrf_token" value="'
        start = page.text.index(marker) + len(marker)
        return page.text[start:page.text.index('"', start)]
