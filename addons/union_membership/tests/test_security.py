"""Issue 13, union_membership part: each test performs the attack as the attacker would
(a real user of the role, through the ORM with ``with_user``) and is refused."""
import base64
import io
import zipfile
from datetime import date
from unittest.mock import patch

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tools.discuss import Store

from .common import UnionCommon
from .test_import_export import xlsx


@tagged("post_install", "-at_install")
class TestMemberContacts(UnionCommon):
    """Points 1 and 2: a member's contact follows the member's access."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member_b1.partner_id.phone = "0909 000 003"
        cls.member_a1.partner_id.phone = "0909 000 001"
        cls.employer = cls.env["res.partner"].create({"name": "Công ty TNHH Thử nghiệm", "is_company": True,
                                                      "phone": "0263 000 000"})
        cls.partner_b1 = cls.member_b1.partner_id
        cls.partner_a1 = cls.member_a1.partner_id

    def test_officer_a_cannot_read_b_members_contact(self):
        Partner = self.env["res.partner"].with_user(self.user_officer_a)
        rows = Partner.search_read([("phone", "!=", False)], ["name", "phone", "email"])
        phones = {row["phone"] for row in rows}
        self.assertIn("0909 000 001", phones, "their own unit's members")
        self.assertIn("0263 000 000", phones, "employers and other contacts that are no member's")
        self.assertNotIn("0909 000 003", phones)
        self.assertFalse(Partner.search([("phone", "ilike", "0909 000 003")]))
        groups = Partner.read_group([("email", "!=", False)], ["email"], ["email"])
        self.assertNotIn("hoa.b1@example.vn", [group["email"] for group in groups])
        exported = Partner.search([]).export_data(["name", "phone", "email"])["datas"]
        self.assertNotIn("Lê Thị Hoa", [row[0] for row in exported])
        with self.assertRaises(AccessError):
            Partner.browse(self.partner_b1.id).read(["phone"])
        # nor through the members' one2many on the contact
        self.assertFalse(Partner.search([("union_member_ids.citizen_id", "=", "067190000003")]))

    def test_officer_a_cannot_change_or_delete_b_members_contact(self):
        Partner = self.env["res.partner"].with_user(self.user_officer_a)
        with self.assertRaises(AccessError):
            Partner.browse(self.partner_b1.id).write({"email": "attacker@example.com"})
        with self.assertRaises(AccessError):
            Partner.browse(self.partner_b1.id).write({"street": "1 Đường Giả"})
        with self.assertRaises(AccessError):
            Partner.browse(self.partner_b1.id).unlink()
        self.assertEqual(self.partner_b1.email, "hoa.b1@example.vn")
        self.assertTrue(self.member_b1.exists())

    def test_members_contact_is_never_deleted(self):
        # not by the officer of the member's own unit
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.user_officer_a).browse(self.partner_a1.id).unlink()
        # not even by the administrator: the member and their history stay
        with self.assertRaises(UserError):
            self.env["res.partner"].with_user(self.user_admin).browse(self.partner_a1.id).unlink()
        self.assertEqual(self.env["union.member"]._fields["partner_id"].ondelete, "restrict")
        self.assertTrue(self.member_a1.exists())
        # an officer still deletes a contact that is no member's (Odoo's own flows)
        self.env["res.partner"].with_user(self.user_officer_a).browse(self.employer.id).unlink()
        self.assertFalse(self.employer.exists())

    def test_history_is_never_deleted(self):
        events = self.member_a1.event_ids
        for user in (self.user_officer_a, self.user_upper, self.user_admin):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                events.with_user(user).unlink()
        self.assertEqual(self.env["union.member.event"]._fields["member_id"].ondelete, "restrict")
        with self.assertRaises(UserError):
            # the member (admin has the right to delete members) cannot take the history with it
            self.member_a1.with_user(self.user_admin).unlink()
        self.assertTrue(events.exists())

    def test_officer_reaches_what_they_need(self):
        Partner = self.env["res.partner"].with_user(self.user_officer_a)
        visible = Partner.search([("id", "in", (self.employer | self.unit_b.partner_id
                                                | self.user_officer_b.partner_id
                                                | self.user_officer_a.partner_id).ids)])
        self.assertEqual(len(visible), 4, "employers, units' contacts, colleagues, oneself")
        # a member of the unit below the officer's
        self.assertTrue(Partner.browse(self.member_a2.partner_id.id).read(["name"]))
        # the upper officer reaches both units' members, the administrator everyone
        for user in (self.user_upper, self.user_admin):
            self.assertTrue(self.env["res.partner"].with_user(user).browse(self.partner_b1.id).read(["phone"]))

    def test_internal_user_without_union_role_reaches_no_members_contact(self):
        plain = new_test_user(self.env, login="t_plain_contacts", groups="base.group_user,base.group_partner_manager")
        Partner = self.env["res.partner"].with_user(plain)
        self.assertFalse(Partner.search([("id", "in", (self.partner_a1 | self.partner_b1).ids)]))
        self.assertFalse(Partner.search_read([("phone", "like", "0909")], ["phone"]))
        with self.assertRaises(AccessError):
            Partner.browse(self.partner_b1.id).write({"email": "attacker@example.com"})
        self.assertEqual(Partner.search([("id", "=", self.employer.id)]), self.employer)

    def test_portal_users_email_change_is_logged_on_the_member(self):
        old_email = self.partner_a1.email
        self.partner_a1.with_user(self.user_officer_a).with_context(tracking_disable=False).write(
            {"email": "lan.moi@example.vn"})
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written at commit time
        tracking = self.member_a1.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "email")
        self.assertEqual((tracking.old_value_char, tracking.new_value_char),
                         (old_email, "lan.moi@example.vn"))
        self.assertEqual(tracking.mail_message_id.author_id, self.user_officer_a.partner_id)
        # officer B cannot rewrite it (account takeover through the password-reset mail)
        with self.assertRaises(AccessError):
            self.partner_a1.with_user(self.user_officer_b).write({"email": "attacker@example.com"})
        with self.assertRaises(AccessError):
            self.user_portal_a1.partner_id.with_user(self.user_officer_b).write({"email": "attacker@example.com"})
        self.assertEqual(self.user_portal_a1.email, "lan.moi@example.vn")


@tagged("post_install", "-at_install")
class TestReferences(UnionCommon):
    """Point 6: many2one/many2many to a member or unit only to what the user may read, with the
    destination of a transfer as the one exception."""

    def test_transfer_to_any_active_unit_is_the_exception(self):
        Event = self.env["union.member.event"].with_user(self.user_officer_a)
        Event.create({"member_id": self.member_a1.id, "event_type": "transfer",
                      "organization_id": self.unit_b.id, "reason": "Chuyển trường"})
        self.assertEqual(self.member_a1.organization_id, self.unit_b)
        self.assertEqual(self.member_a1.state, "active")
        # the B unit on a field that is not a transfer's destination: refused
        with self.assertRaises(AccessError):
            Event.create({"member_id": self.member_a2.id, "event_type": "admission",
                          "organization_id": self.unit_b.id})
        with self.assertRaises(AccessError):
            self.env["union.member.event.wizard"].with_user(self.user_officer_a).create(
                {"member_ids": [(6, 0, self.member_a2.ids)], "event_type": "recognition",
                 "organization_id": self.unit_b.id})
        wizard = self.env["union.member.event.wizard"].with_user(self.user_officer_a).create(
            {"member_ids": [(6, 0, self.member_a2.ids)], "event_type": "transfer",
             "organization_id": self.unit_b.id})
        wizard.action_confirm()
        self.assertEqual(self.member_a2.organization_id, self.unit_b)
        with self.assertRaises(AccessError):
            self.env["union.member.statistics"].with_user(self.user_officer_a).create(
                {"organization_id": self.unit_b.id})
        with self.assertRaises(AccessError):
            self.env["union.member.export.wizard"].with_user(self.user_officer_a).create(
                {"organization_ids": [(6, 0, self.unit_b.ids)]})
        with self.assertRaises(AccessError):
            self.env["union.member.transfer.wizard"].with_user(self.user_officer_a).create(
                {"from_organization_id": self.unit_b.id, "to_organization_id": self.unit_a.id})
        with self.assertRaises(AccessError):
            self.env["union.organization"].with_user(self.user_upper).create(
                {"name": "Đơn vị lạ", "code": "T-X", "parent_id": self.federation.id})

    def test_batch_creates_are_checked_too(self):
        stat = self.env["union.member.statistics"].with_user(self.user_officer_a).create(
            {"organization_id": self.unit_a.id})
        Line = self.env["union.member.statistics.line"].with_user(self.user_officer_a)
        with self.assertRaises(AccessError):
            Line.create([{"statistics_id": stat.id, "organization_id": self.unit_a.id},
                         {"statistics_id": stat.id, "organization_id": self.unit_b.id}])
        lines = Line.create([{"statistics_id": stat.id, "organization_id": unit.id}
                             for unit in (self.unit_a, self.group_a)])
        self.assertEqual(len(lines), 2)
        stat.action_compute()
        self.assertEqual(stat.line_ids.organization_id, self.unit_a | self.group_a)

    def test_transfer_destination_must_be_in_operation(self):
        ended = self.env["union.organization"].create({
            "name": "Công đoàn đã giải thể", "code": "T-END", "parent_id": self.upper.id,
            "state": "dissolved", "date_ended": date(2025, 6, 30)})
        with self.assertRaises(ValidationError):
            self.env["union.member.event"].with_user(self.user_officer_a).create({
                "member_id": self.member_a1.id, "event_type": "transfer", "organization_id": ended.id})
        self.assertEqual(self.member_a1.organization_id, self.unit_a)

    def test_b_member_cannot_be_pulled_or_referenced(self):
        Event = self.env["union.member.event"].with_user(self.user_officer_a)
        # "transfer" a B member into unit A: the member is not one officer A may read
        with self.assertRaises(AccessError):
            Event.create({"member_id": self.member_b1.id, "event_type": "transfer",
                          "organization_id": self.unit_a.id})
        with self.assertRaises(AccessError):
            self.env["union.member.change.request"].with_user(self.user_officer_a).create(
                {"member_id": self.member_b1.id, "new_name": "Tên khác"})
        with self.assertRaises(AccessError):
            self.env["union.member.event.wizard"].with_user(self.user_officer_a).create(
                {"member_ids": [(6, 0, self.member_b1.ids)], "event_type": "withdrawal"})
        with self.assertRaises(AccessError):
            self.env["union.member.data.request"].with_user(self.user_officer_a).create(
                {"member_id": self.member_b1.id, "kind": "access", "description": "x"})
        self.assertEqual(self.member_b1.organization_id, self.unit_b)

    def test_transfer_wizard_to_another_unit(self):
        wizard = self.env["union.member.transfer.wizard"].with_user(self.user_officer_a).create({
            "from_organization_id": self.unit_a.id, "include_subunits": False,
            "to_organization_id": self.unit_b.id, "reason": "Sáp nhập"})
        wizard.action_transfer()
        self.assertEqual(self.member_a1.organization_id, self.unit_b)
        self.assertEqual(self.member_a2.organization_id, self.group_a, "sub-units were left out")

    def test_destinations_offered_by_name_code_and_parent_only(self):
        Org = self.env["union.organization"].with_user(self.user_officer_a)
        self.assertFalse(Org.name_search("THCS B"), "outside a transfer, B is not offered")
        offered = dict(Org.with_context(union_transfer_destination=True).name_search(
            "THCS B", args=[("member_ids.citizen_id", "=", "067190000003")]))
        self.assertEqual(offered, {self.unit_b.id: "Công đoàn Trường THCS B [T-B] — Công đoàn ngành Giáo dục"})
        with self.assertRaises(AccessError):
            Org.browse(self.unit_b.id).read(["phone"])


@tagged("post_install", "-at_install")
class TestFollowersAfterTransfer(UnionCommon):
    """Point 8: followers follow the member's unit."""

    def test_old_units_officers_stop_following(self):
        self.unit_b.officer_ids = [(6, 0, self.user_officer_b.ids)]
        self.unit_a.officer_ids = [(6, 0, self.user_officer_a.ids)]
        self.member_a1.message_subscribe(partner_ids=(self.user_officer_a | self.user_upper).partner_id.ids)
        self.env["union.member.event"].with_user(self.user_officer_a).create({
            "member_id": self.member_a1.id, "event_type": "transfer", "organization_id": self.unit_b.id})
        followers = self.member_a1.message_partner_ids
        self.assertNotIn(self.user_officer_a.partner_id, followers)
        self.assertIn(self.user_officer_b.partner_id, followers)
        self.assertIn(self.user_upper.partner_id, followers, "the upper officer still manages unit B")
        # a group without officers: the officers of its grassroots unit follow
        self.env["union.member.event"].create({
            "member_id": self.member_a1.id, "event_type": "transfer", "organization_id": self.group_a.id})
        self.assertIn(self.user_officer_a.partner_id, self.member_a1.message_partner_ids)
        self.assertNotIn(self.user_officer_b.partner_id, self.member_a1.message_partner_ids)


class TestFollowersArePrivate(UnionCommon):
    """Who follows a member is the union's business: Odoo lets every internal user read every
    follower row; a union record's followers are read only by who may read the record."""

    def setUp(self):
        super().setUp()
        self.partner_b1 = self.member_b1.partner_id
        self.employer = self.env["res.partner"].create({"name": "Công ty TNHH Theo dõi", "is_company": True})
        self.member_b1.message_subscribe(partner_ids=(self.partner_b1 | self.user_officer_b.partner_id).ids)
        self.member_a1.message_subscribe(partner_ids=self.user_officer_a.partner_id.ids)
        self.rows_b = self.env["mail.followers"].search([
            ("res_model", "=", "union.member"), ("res_id", "=", self.member_b1.id)])
        self.assertEqual(len(self.rows_b), 2)
        self.plain = new_test_user(self.env, login="t_plain_followers",
                                   groups="base.group_user,base.group_allow_export")
        self.user_officer_a.groups_id += self.env.ref("base.group_allow_export")
        self.employer.message_subscribe(partner_ids=self.plain.partner_id.ids)

    def test_other_users_do_not_see_a_members_followers(self):
        for user in (self.plain, self.user_officer_a):
            Followers = self.env["mail.followers"].with_user(user)
            domain = [("res_model", "=", "union.member"), ("res_id", "=", self.member_b1.id)]
            self.assertFalse(Followers.search(domain), user.login)
            self.assertFalse(Followers.search_read([("partner_id", "=", self.partner_b1.id)], ["res_id"]))
            self.assertEqual(Followers.search_count(domain), 0)
            groups = Followers.read_group([("res_model", "=", "union.member")], ["res_id"], ["res_id"])
            self.assertNotIn(self.member_b1.id, [group["res_id"] for group in groups])
            with self.assertRaises(AccessError):
                Followers.browse(self.rows_b.ids).read(["partner_id", "email"])
            with self.assertRaises(AccessError):
                Followers.browse(self.rows_b.ids).export_data(["partner_id/name", "email"])
        self.assertFalse(self.env["mail.followers"].with_user(self.plain).search(
            [("res_model", "like", "union.")]))

    def test_who_reads_the_record_reads_its_followers(self):
        for user in (self.user_officer_b, self.user_upper, self.user_admin):
            Followers = self.env["mail.followers"].with_user(user)
            self.assertEqual(Followers.search([("res_id", "=", self.member_b1.id),
                                               ("res_model", "=", "union.member")]), self.rows_b, user.login)
            self.assertEqual(len(Followers.browse(self.rows_b.ids).read(["partner_id"])), 2)
        # the member's chatter as their officer sees it: followers listed, the officer among them
        store = Store()
        self.member_b1.with_user(self.user_officer_b)._thread_to_store(store, request_list=["followers"])
        thread = next(values for values in store.get_result()["mail.thread"] if values["id"] == self.member_b1.id)
        self.assertEqual(thread["followersCount"], 2)
        # followers of Odoo's other records are as Odoo has them
        Followers = self.env["mail.followers"].with_user(self.plain)
        self.assertTrue(Followers.search([("res_model", "=", "res.partner"), ("res_id", "=", self.employer.id)]))


@tagged("post_install", "-at_install")
class TestUnitGovernance(UnionCommon):
    """Point 10: who manages a unit and how it is funded are set by the level above."""

    def test_grassroots_officer_cannot_govern_their_own_unit(self):
        intruder = new_test_user(self.env, login="t_intruder", groups="base.group_user")
        unit = self.unit_a.with_user(self.user_officer_a)
        company = self.env["res.company"].create({"name": "Pháp nhân khác"})
        for vals in ({"officer_ids": [(4, intruder.id)]}, {"funding_type": "enterprise"},
                     {"company_id": company.id}, {"state": "dissolved", "date_ended": date(2026, 1, 1)},
                     {"date_ended": date(2026, 1, 1)}, {"parent_id": self.federation.id}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                unit.write(vals)
        self.assertFalse(intruder in self.unit_a.officer_ids)
        self.assertEqual(self.unit_a.funding_type, "public_partial")
        unit.write({"phone": "0263 111 222"})  # their unit's own contact details they keep
        # the level above does it, and so does the administrator
        self.unit_a.with_user(self.user_upper).write({"funding_type": "non_public",
                                                      "officer_ids": [(4, intruder.id)]})
        self.assertIn(intruder, self.unit_a.officer_ids)
        self.unit_a.with_user(self.user_admin).write({"funding_type": "enterprise"})
        # the upper officer cannot govern their own unit either
        with self.assertRaises(AccessError):
            self.upper.with_user(self.user_upper).write({"funding_type": "enterprise"})


@tagged("post_install", "-at_install")
class TestImportSecurity(UnionCommon):
    """Points 13 and 4 for the member import."""

    def _import(self, data, user=None, lang=None):
        wizard = self.env["union.member.import.wizard"].with_user(user or self.user_officer_a).with_context(
            lang=lang or "en_US").create({"file": base64.b64encode(data), "filename": "doan_vien.xlsx"})
        wizard.action_import()
        return wizard

    def test_no_oracle_for_other_units_citizen_ids(self):
        row = {"Họ và tên": "Ai đó", "Số CCCD/Hộ chiếu": "067190000003", "Mã đơn vị": "T-A", "Giới tính": "Nữ"}
        wizard = self._import(xlsx([row]))
        self.assertEqual(wizard.state, "error")
        self.assertIn("This row cannot be imported. The union administrator can help.", wizard.summary)
        for secret in ("067190000003", "Lê Thị Hoa", "T-B", "do not manage", "belongs"):
            self.assertNotIn(secret, wizard.summary)
        # the same row for an unused citizen ID is imported: the refusal says nothing more
        row["Số CCCD/Hộ chiếu"] = "067190000099"
        self.assertEqual(self._import(xlsx([row])).created_count, 1)

    def test_personal_data_changed_by_import_is_tracked(self):
        row = {"Mã đoàn viên": self.member_a1.member_code, "Họ và tên": self.member_a1.name,
               "Số CCCD/Hộ chiếu": "067185000555", "Mã đơn vị": "T-A", "Đảng viên": "x"}
        wizard = self._import(xlsx([row]))
        self.assertEqual(wizard.updated_count, 1, wizard.summary)
        self.assertEqual(self.member_a1.citizen_id, "067185000555")
        note = self.member_a1.message_ids.filtered(lambda m: "XLSX import" in (m.body or ""))
        self.assertNotIn("067185000555", note.body, "personal data stays out of the note's text")
        values = {t.field_id.name: t for t in note.sudo().tracking_value_ids}
        self.assertEqual((values["citizen_id"].old_value_char, values["citizen_id"].new_value_char),
                         ("067185000001", "067185000555"))
        self.assertEqual((values["party_member"].old_value_integer, values["party_member"].new_value_integer),
                         (0, 1))
        self.assertEqual(note.author_id, self.user_officer_a.partner_id)
        # shown to the member's officers and the administrator only
        tracking = note.sudo().tracking_value_ids
        self.assertFalse(tracking._filter_has_field_access(self.env(user=self.user_portal_a1)))
        self.assertEqual(len(tracking._filter_has_field_access(self.env(user=self.user_admin))), 2)

    def test_zip_bomb_is_refused_before_openpyxl(self):
        good = xlsx([{"Họ và tên": "Ai đó", "Số CCCD/Hộ chiếu": "067190000099", "Mã đơn vị": "T-A"}])
        bomb = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(good)) as source, \
                zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                if item.filename != "xl/sharedStrings.xml":
                    target.writestr(item, source.read(item.filename))
            huge = b"<sst><si><t>" + b"A" * (120 * 1024 * 1024) + b"</t></si></sst>"
            target.writestr("xl/sharedStrings.xml", huge)
            del huge
        data = bomb.getvalue()
        self.assertLess(len(data), 1024 * 1024, "a small file")
        with patch.object(openpyxl, "load_workbook", side_effect=AssertionError("openpyxl opened it")), \
                self.assertRaises(UserError) as caught:
            self._import(data, lang="vi_VN")
        self.assertIn("doan_vien.xlsx", str(caught.exception))
        self.assertIn("giải nén", str(caught.exception))

    def test_upload_limits_are_system_parameters(self):
        ICP = self.env["ir.config_parameter"].sudo()
        for key, value in (("union_membership.upload_max_mb", "10"),
                           ("union_membership.upload_max_unpacked_mb", "100"),
                           ("union_membership.upload_max_entries", "10000"),
                           ("union_membership.upload_max_ratio", "100"),
                           ("union_membership.data_request_days", "30")):
            self.assertEqual(ICP.get_param(key), value, key)


@tagged("post_install", "-at_install")
class TestPersonalData(UnionCommon, HttpCase):
    """'Also': sensitive data officer-only, changes traceable, requests about one's data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member_a1.sudo().write({"religion": "Phật giáo", "party_member": True,
                                    "ethnicity_id": cls.env["union.ethnicity"].search([], limit=1).id})

    def test_religion_ethnicity_party_as_the_citizen_id(self):
        fields_info = self.env["union.member"].with_user(self.user_portal_a1).fields_get()
        for name in ("citizen_id", "religion", "ethnicity_id", "party_member"):
            self.assertNotIn(name, fields_info, name)
            with self.subTest(name=name), self.assertRaises(AccessError):
                self.env["union.member"].with_user(self.user_portal_a1).browse(self.member_a1.id).read([name])
        Member = self.env["union.member"].with_user(self.user_officer_b)
        self.assertFalse(Member.search([("party_member", "=", True)]))
        self.assertFalse(Member.search_read([("religion", "!=", False)], ["religion"]))
        groups = Member.read_group([], ["party_member"], ["party_member"])
        self.assertEqual(sum(group["party_member_count"] for group in groups), 1, "only B's own member")
        with self.assertRaises(AccessError):
            Member.browse(self.member_a1.id).read(["party_member"])
        self.assertTrue(self.env["union.member"].with_user(self.user_officer_a).browse(
            self.member_a1.id).party_member)

    def _flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written at commit time

    def test_personal_data_changes_are_tracked_and_kept_in_the_unit(self):
        member = self.member_a1.with_user(self.user_officer_a).with_context(tracking_disable=False)
        old_email = self.member_a1.email
        member.write({"citizen_id": "067185000777", "birth_date": date(1985, 3, 3),
                      "email": "lan.khac@example.vn", "phone": "0911 222 333", "street": "12 Lê Lợi"})
        self._flush_tracking()
        self.env["union.member.event"].with_user(self.user_officer_a).with_context(tracking_disable=False).create({
            "member_id": self.member_a1.id, "event_type": "transfer", "organization_id": self.group_a.id})
        self._flush_tracking()
        messages = self.env["mail.message"].with_user(self.user_admin).search(
            [("model", "=", "union.member"), ("res_id", "=", self.member_a1.id)])
        tracking = messages.sudo().tracking_value_ids
        values = {t.field_id.name: (t.old_value_char, t.new_value_char) for t in tracking}
        self.assertEqual(values["citizen_id"], ("067185000001", "067185000777"))
        self.assertEqual(values["email"], (old_email, "lan.khac@example.vn"))
        self.assertEqual(values["phone"][1], "0911 222 333")
        self.assertEqual(values["street"][1], "12 Lê Lợi")
        self.assertEqual(values["organization_id"], (self.unit_a.display_name, self.group_a.display_name))
        self.assertIn("birth_date", {t.field_id.name for t in tracking})
        self.assertEqual(tracking.mail_message_id.author_id, self.user_officer_a.partner_id, "who")
        # the administrator sees them; the officer of another unit reaches none of it
        admin_env = self.env(user=self.user_admin)
        self.assertIn("citizen_id", tracking._filter_has_field_access(admin_env).field_id.mapped("name"))
        self.assertFalse(self.env["mail.message"].with_user(self.user_officer_b).search(
            [("model", "=", "union.member"), ("res_id", "=", self.member_a1.id)]))
        with self.assertRaises(AccessError):
            messages.with_user(self.user_officer_b).read(["body"])
        with self.assertRaises(AccessError):
            self.env["mail.tracking.value"].with_user(self.user_officer_b).search_read(
                [("mail_message_id", "in", messages.ids)], ["old_value_char"])
        # the member's own portal account does not show the officer-only values either
        portal_env = self.env(user=self.user_portal_a1)
        self.assertNotIn("citizen_id", tracking._filter_has_field_access(portal_env).field_id.mapped("name"))

    def test_data_request_on_the_portal(self):
        self.authenticate(self.user_portal_a1.login, self.user_portal_a1.login)
        page = self.url_open("/my/union")
        self.assertIn('action="/my/union/data-request"', page.text)
        res = self.url_open("/my/union/data-request", data={
            "csrf_token": http.Request.csrf_token(self), "kind": "deletion",
            "description": "Xin xóa số điện thoại cũ",
            # mass assignment: every other posted field is ignored
            "state": "done", "member_id": self.member_b1.id, "deadline": "2000-01-01",
            "answer": "Đã xong", "request_date": "2000-01-01"})
        self.assertEqual(res.status_code, 200)
        request = self.env["union.member.data.request"].search([("member_id", "=", self.member_a1.id)])
        self.assertEqual(len(request), 1)
        self.assertEqual((request.kind, request.state, request.answer), ("deletion", "new", False))
        self.assertEqual(request.request_date, date.today())
        self.assertEqual(request.deadline, date.today() + relativedelta(days=30))
        self.assertFalse(self.env["union.member.data.request"].search([("member_id", "=", self.member_b1.id)]))
        self.assertIn("Xin xóa số điện thoại cũ", self.url_open("/my/union").text)
        # without the CSRF token nothing is written
        with mute_logger("odoo.http"):
            res = self.url_open("/my/union/data-request", data={"kind": "access", "description": "CSRF"})
        self.assertNotEqual(res.status_code, 200)
        self.assertEqual(self.env["union.member.data.request"].search_count(
            [("member_id", "=", self.member_a1.id)]), 1)
        # over JSON-RPC the member writes only the portal form's fields
        made = self.make_jsonrpc_request("/web/dataset/call_kw/union.member.data.request/create", {
            "model": "union.member.data.request", "method": "create",
            "args": [{"member_id": self.member_a1.id, "kind": "access", "description": "RPC",
                      "state": "done", "answer": "x", "request_date": "2000-01-01"}], "kwargs": {}})
        made = self.env["union.member.data.request"].browse(made)
        self.assertEqual((made.state, made.answer, made.request_date), ("new", False, date.today()))
        with self.assertRaises(AccessError):
            self.env["union.member.data.request"].with_user(self.user_portal_a1).create(
                {"member_id": self.member_b1.id, "kind": "access", "description": "someone else's"})

    def test_data_request_handled_by_the_units_officers(self):
        self.env["ir.config_parameter"].sudo().set_param("union_membership.data_request_days", "10")
        request = self.env["union.member.data.request"].with_user(self.user_portal_a1).create(
            {"member_id": self.member_a1.id, "kind": "correction", "description": "Sai ngày sinh"})
        self.assertEqual(request.deadline, date.today() + relativedelta(days=10))
        with self.assertRaises(AccessError):
            request.with_user(self.user_officer_b).read(["description"])
        self.assertFalse(self.env["union.member.data.request"].with_user(self.user_officer_b).search([]))
        with self.assertRaises(AccessError):
            request.with_user(self.user_portal_a1).write({"state": "done"})
        mine = request.with_user(self.user_officer_a)
        with self.assertRaises(UserError):
            mine.write({"request_date": date(2030, 1, 1)})  # no moving the deadline
        mine.action_start()
        with self.assertRaises(UserError):
            mine.action_done()  # an answer first
        mine.answer = "Đã sửa ngày sinh theo CCCD"
        mine.action_done()
        self.assertEqual((request.state, request.handler_id), ("done", self.user_officer_a))
