from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import ReachCommon


@tagged("post_install", "-at_install")
class TestNonUnionUserPrivacy(ReachCommon):
    """A school's staff member with an Odoo login and Odoo's "Email Marketing / User" group (which
    mass_mailing gives every internal user) but no union role reaches no union mailing, list,
    member contact, subscription, trace or link click: e-mail marketing stays theirs for what is
    no union's. The officers keep their own units' records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = new_test_user(cls.env, login="t_school_staff", name="Nhân viên văn phòng",
                                  groups="base.group_user,base.group_allow_export,"
                                         "mass_mailing.group_mass_mailing_user")
        # (new_test_user gave member A1's partner her portal login's e-mail: her own again)
        cls.member_a1.email = "lan.a1@example.vn"
        # unit A's union mailing, sent: its list holds member A1's contact, its trace her e-mail
        cls.union_mailing = cls.env["mailing.mailing"].with_user(cls.user_officer_a).create({
            "subject": "Thư gửi đoàn viên Trường THPT A", "union_organization_id": cls.unit_a.id,
            "body_html": "<p>Kính gửi đoàn viên</p>"})
        cls.union_mailing.action_launch()
        cls.env["mailing.mailing"].sudo()._process_mass_mailing_queue()
        cls.union_list = cls.union_mailing.sudo().contact_list_ids
        cls.union_contact = cls.env["mailing.contact"].search([("email", "=", cls.member_a1.email)])
        cls.union_trace = cls.env["mailing.trace"].search([("mass_mailing_id", "=", cls.union_mailing.id)])
        cls.union_click = cls.env["link.tracker.click"].create({
            "link_id": cls.env["link.tracker"].create({"url": "https://congdoan.example.vn/hoi-nghi"}).id,
            "mass_mailing_id": cls.union_mailing.id, "mailing_trace_id": cls.union_trace.id,
            "ip": "203.0.113.7"})
        # unit B's list (officer A must not see it)
        cls.list_b = cls.env["mailing.list"]._union_list_for(cls.unit_b)
        # the school's own newsletter: no union's
        cls.school_list = cls.env["mailing.list"].create({
            "name": "Bản tin phụ huynh", "contact_ids": [(0, 0, {"name": "Phụ huynh Trần Minh",
                                                               "email": "phuhuynh.minh@example.vn"})]})
        cls.school_contact = cls.school_list.contact_ids

    def _union_records(self):
        return {
            "mailing.mailing": self.union_mailing,
            "mailing.list": self.union_list,
            "mailing.contact": self.union_contact,
            "mailing.subscription": self.union_list.subscription_ids,
            "mailing.trace": self.union_trace,
            "link.tracker.click": self.union_click,
        }

    def test_fixture_is_a_union_mailing_with_a_member(self):
        self.assertEqual(self.union_list.union_organization_id, self.unit_a)
        self.assertEqual(self.union_contact.list_ids, self.union_list)
        self.assertEqual(self.union_trace.email, self.member_a1.email)
        self.assertTrue(self.union_list.subscription_ids)

    def test_staff_reads_no_union_mailing_record(self):
        for model, records in self._union_records().items():
            with self.subTest(model=model):
                self.assertTrue(records)
                Model = self.env[model].with_user(self.staff)
                self.assertFalse(Model.search_read([("id", "in", records.ids)], ["id"]))
                self.assertFalse(Model.search([("id", "in", records.ids)]).export_data(["id"])["datas"])
                groups = Model.read_group([("id", "in", records.ids)], ["id:count"], ["create_uid"])
                self.assertFalse(groups)
                self.assertFalse(Model.search_count([("id", "in", records.ids)]))
                with self.assertRaises(AccessError):
                    records.with_user(self.staff).read(["display_name"])
        # the members' names and e-mails are nowhere in what the staff member lists
        contacts = self.env["mailing.contact"].with_user(self.staff).search_read([], ["name", "email"])
        emails = {c["email"] for c in contacts}
        self.assertNotIn(self.member_a1.email, emails)
        self.assertNotIn(self.member_b1.email, emails)
        traces = self.env["mailing.trace"].with_user(self.staff).search_read([], ["email"])
        self.assertNotIn(self.member_a1.email, {t["email"] for t in traces})
        self.assertNotIn(self.union_mailing.subject, {
            m["subject"] for m in self.env["mailing.mailing"].with_user(self.staff).search_read([], ["subject"])})
        # nor in Odoo's mailing statistics (subject, sender and counts of each mailing)
        self.env.flush_all()
        stat_name = self.union_mailing.source_id.name
        self.assertIn(stat_name, self.env["mailing.trace.report"].search([]).mapped("name"))
        Report = self.env["mailing.trace.report"].with_user(self.staff)
        self.assertNotIn(stat_name, [r["name"] for r in Report.search_read([], ["name"])])
        self.assertFalse(Report.read_group([("name", "=", stat_name)], ["sent:sum"], ["name"]))

    def test_staff_changes_no_union_mailing_record(self):
        writes = {
            "mailing.mailing": {"subject": "Sửa thư của công đoàn"},
            "mailing.list": {"name": "Danh sách đổi tên"},
            "mailing.contact": {"name": "Tên giả"},
            "mailing.subscription": {"opt_out": True},
            "mailing.trace": {"trace_status": "open"},
        }
        for model, records in self._union_records().items():
            with self.subTest(model=model):
                if model in writes:
                    with self.assertRaises(AccessError):
                        records.with_user(self.staff).write(writes[model])
                    with self.assertRaises(AccessError):
                        records.with_user(self.staff).unlink()
                self.assertTrue(records.exists())
        self.assertEqual(self.union_mailing.subject, "Thư gửi đoàn viên Trường THPT A")
        self.assertEqual(self.union_contact.name, self.member_a1.name)

    def test_staff_cannot_attach_to_a_union_list(self):
        """A many2one/many2many set to the union's list is refused: no contact slipped into a
        unit's list, no subscription, no mailing pointed at it."""
        with self.assertRaises(AccessError):
            self.env["mailing.contact"].with_user(self.staff).create({
                "name": "Người lạ", "email": "nguoila@example.vn", "list_ids": [(4, self.union_list.id)]})
        with self.assertRaises(AccessError):
            self.env["mailing.subscription"].with_user(self.staff).create({
                "contact_id": self.school_contact.id, "list_id": self.union_list.id})
        with self.assertRaises(AccessError):
            self.env["mailing.mailing"].with_user(self.staff).create({
                "subject": "Thư gửi danh sách công đoàn", "body_html": "<p>x</p>",
                "contact_list_ids": [(6, 0, self.union_list.ids)]})
        self.assertEqual(self.union_list.contact_ids, self.union_contact)

    def test_staff_keeps_e_mail_marketing_for_what_is_no_unions(self):
        Contact = self.env["mailing.contact"].with_user(self.staff)
        rows = Contact.search_read([("id", "=", self.school_contact.id)], ["name", "email"])
        self.assertEqual(rows[0]["email"], "phuhuynh.minh@example.vn")
        self.school_list.with_user(self.staff).write({"name": "Bản tin phụ huynh 2026"})
        lists = self.env["mailing.list"].with_user(self.staff).search([])
        self.assertIn(self.school_list, lists)
        self.assertFalse(lists.filtered("union_organization_id"))
        new_list = self.env["mailing.list"].with_user(self.staff).create({
            "name": "Giáo viên hợp đồng", "contact_ids": [(0, 0, {"name": "Cô Mai", "email": "mai@example.vn"})]})
        self.assertEqual(new_list.contact_ids.with_user(self.staff).read(["email"])[0]["email"], "mai@example.vn")
        mailing = self.env["mailing.mailing"].with_user(self.staff).create({
            "subject": "Bản tin tháng 12", "body_html": "<p>Kính gửi quý phụ huynh</p>",
            "contact_list_ids": [(6, 0, self.school_list.ids)]})
        mailing.action_launch()
        self.env["mailing.mailing"].sudo()._process_mass_mailing_queue()
        traces = self.env["mailing.trace"].with_user(self.staff).search_read(
            [("mass_mailing_id", "=", mailing.id)], ["email"])
        self.assertEqual([t["email"] for t in traces], ["phuhuynh.minh@example.vn"])

    def test_staff_mailing_reaches_no_member(self):
        """Odoo's mailing job reads the recipients as the superuser: a mailing on Contacts with an
        empty domain, or on the contacts of a union list, would reach every member and show their
        e-mails in its traces. It goes to what its sender may read."""
        Mailing = self.env["mailing.mailing"].with_user(self.staff)
        on_partners = Mailing.create({
            "subject": "Thư gửi mọi liên hệ", "body_html": "<p>x</p>",
            "mailing_model_id": self.env["ir.model"]._get_id("res.partner"), "mailing_domain": "[]"})
        on_union_list = Mailing.create({
            "subject": "Thư gửi danh sách công đoàn", "body_html": "<p>x</p>",
            "mailing_model_id": self.env["ir.model"]._get_id("mailing.contact"),
            "mailing_domain": repr([("list_ids", "in", (self.union_list | self.list_b).ids)])})
        (on_partners | on_union_list).action_launch()
        self.assertEqual(on_partners.sudo().union_queued_by_id, self.staff)
        self.env["mailing.mailing"].sudo()._process_mass_mailing_queue()
        traces = self.env["mailing.trace"].sudo().search(
            [("mass_mailing_id", "in", (on_partners | on_union_list).ids)])
        members = self.member_a1 | self.member_a2 | self.member_b1
        self.assertFalse({self.member_a1.email, self.member_b1.email} & set(traces.mapped("email")))
        partner_traces = traces.filtered(lambda t: t.model == "res.partner")
        self.assertTrue(partner_traces, "the staff member's own contacts are still mailed")
        self.assertFalse(set(partner_traces.mapped("res_id")) & set(members.partner_id.ids))
        self.assertFalse(traces.filtered(lambda t: t.mass_mailing_id == on_union_list))

    def test_staff_naming_members_as_recipients_mails_none(self):
        """action_send_mail(res_ids) is public (RPC): Odoo would mail any id given and show the
        e-mails in the traces; only the records the caller may read are mailed."""
        mailing = self.env["mailing.mailing"].with_user(self.staff).create({
            "subject": "Thư gửi theo danh sách mã", "body_html": "<p>x</p>",
            "mailing_model_id": self.env["ir.model"]._get_id("res.partner"), "mailing_domain": "[]"})
        members = (self.member_a1 | self.member_b1).partner_id
        with self.assertRaises(UserError):
            mailing.action_send_mail(res_ids=members.ids)
        mailing.action_send_mail(res_ids=[*members.ids, self.staff.partner_id.id])
        traces = self.env["mailing.trace"].sudo().search([("mass_mailing_id", "=", mailing.id)])
        self.assertEqual(traces.mapped("res_id"), self.staff.partner_id.ids)

    def test_officers_keep_their_units_only(self):
        for officer, own, other in ((self.user_officer_a, self.union_list, self.list_b),
                                    (self.user_officer_b, self.list_b, self.union_list)):
            with self.subTest(officer=officer.login):
                lists = self.env["mailing.list"].with_user(officer).search([])
                self.assertIn(own, lists)
                self.assertNotIn(other, lists)
                self.assertNotIn(self.school_list, lists)
        officer_a = self.user_officer_a
        self.assertEqual(self.env["mailing.trace"].with_user(officer_a).search_read([], ["email"])[0]["email"],
                         self.member_a1.email)
        self.assertEqual(self.env["link.tracker.click"].with_user(officer_a).search_read(
            [("id", "=", self.union_click.id)], ["ip"])[0]["ip"], "203.0.113.7")
        self.assertFalse(self.env["link.tracker.click"].with_user(self.user_officer_b).search_read(
            [("id", "=", self.union_click.id)], ["ip"]))
        self.assertFalse(self.env["mailing.contact"].with_user(officer_a).search(
            [("email", "=", self.member_b1.email)]))
        self.assertTrue(self.env["link.tracker.click"].with_user(self.user_admin).search(
            [("id", "=", self.union_click.id)]))

    def test_officer_who_is_also_a_marketing_user(self):
        """Rules of two groups add up: the officer also sees what is no union's, still not unit B's."""
        officer_a = self.user_officer_a
        officer_a.groups_id = [(4, self.env.ref("mass_mailing.group_mass_mailing_user").id)]
        lists = self.env["mailing.list"].with_user(officer_a).search([])
        self.assertIn(self.school_list, lists)
        self.assertEqual(lists.union_organization_id, self.unit_a)
        contacts = self.env["mailing.contact"].with_user(officer_a).search_read([], ["email"])
        self.assertNotIn(self.member_b1.email, {c["email"] for c in contacts})
        self.assertFalse(self.env["mailing.mailing"].with_user(officer_a).search(
            [("union_organization_id", "=", self.unit_b.id)]))
        self.env.flush_all()
        stats = self.env["mailing.trace.report"].with_user(officer_a).search([])
        self.assertIn(self.union_mailing.source_id.name, stats.mapped("name"))
        self.assertEqual(stats.union_organization_id, self.unit_a)

    def test_new_internal_user_gets_no_marketing_or_website_group(self):
        user = self.env["res.users"].create({"name": "Cô Nguyễn Thu", "login": "t_new_teacher"})
        self.assertTrue(user.has_group("base.group_user"))
        self.assertFalse(user.has_group("mass_mailing.group_mass_mailing_user"))
        self.assertFalse(user.has_group("website.group_website_designer"))
        self.assertFalse(user.has_group("website.group_website_restricted_editor"))

    def test_unpublished_news_of_a_unit_stays_its_officers(self):
        """Odoo lets every employee read every blog post: a unit's draft is its officers' (and the
        units' above), published news and the blogs for everyone are everyone's."""
        Blog = self.env["blog.blog"]
        blog_a = Blog.create({"name": "Tin Công đoàn Trường THPT A", "union_organization_id": self.unit_a.id})
        blog_all = Blog.create({"name": "Tin chung của nhà trường"})
        Post = self.env["blog.post"]
        draft_a = Post.create({"name": "Dự thảo: hỗ trợ đoàn viên Nguyễn Thị Lan ốm đau", "blog_id": blog_a.id,
                               "is_published": False})
        published_a = Post.create({"name": "Ngày hội Đoàn viên 2026", "blog_id": blog_a.id,
                                   "is_published": True})
        draft_all = Post.create({"name": "Lịch họp phụ huynh (nháp)", "blog_id": blog_all.id,
                                 "is_published": False})
        posts = draft_a | published_a | draft_all
        for user in (self.staff, self.user_officer_b):
            with self.subTest(user=user.login):
                Model = Post.with_user(user)
                self.assertEqual(Model.search([("id", "in", posts.ids)]), published_a | draft_all)
                self.assertNotIn(draft_a.name, [r["name"] for r in Model.search_read([], ["name"])])
                self.assertFalse(Model.read_group([("id", "=", draft_a.id)], ["id:count"], ["blog_id"]))
                with self.assertRaises(AccessError):
                    draft_a.with_user(user).read(["name", "content"])
        exported = Post.with_user(self.staff).search([("id", "in", posts.ids)]).export_data(["name"])["datas"]
        self.assertEqual(sorted(exported), sorted([[published_a.name], [draft_all.name]]))
        for user in (self.user_officer_a, self.user_upper, self.user_admin):
            with self.subTest(user=user.login):
                self.assertEqual(Post.with_user(user).search([("id", "in", posts.ids)]), posts)
        # the officer still writes their own draft, and no other unit's post
        draft_a.with_user(self.user_officer_a).write({"name": "Hỗ trợ đoàn viên ốm đau"})
        with self.assertRaises(AccessError):
            published_a.with_user(self.user_officer_b).write({"name": "Sửa tin của đơn vị khác"})
        designer = new_test_user(self.env, login="t_web_designer",
                                 groups="base.group_user,website.group_website_designer")
        self.assertEqual(Post.with_user(designer).search([("id", "in", posts.ids)]), posts)

    def test_install_takes_the_marketing_group_from_officers(self):
        """mass_mailing gives its group to every internal user existing at its install: the union
        officers lose it again (they would read the whole blacklist and every non-union list);
        administrators and the school's staff keep it."""
        group = self.env.ref("mass_mailing.group_mass_mailing_user")
        users = self.user_officer_a | self.user_upper | self.user_admin | self.staff
        users.write({"groups_id": [(4, group.id)]})
        self.assertTrue(self.env["mail.blacklist"].with_user(self.user_officer_a).has_access("read"))
        dropped = self.env["res.users"]._union_reach_drop_marketing_group()
        self.assertEqual(dropped & users, self.user_officer_a | self.user_upper)
        self.assertFalse(self.user_officer_a.has_group("mass_mailing.group_mass_mailing_user"))
        self.assertFalse(self.user_upper.has_group("mass_mailing.group_mass_mailing_user"))
        self.assertTrue(self.user_admin.has_group("mass_mailing.group_mass_mailing_user"))
        self.assertTrue(self.staff.has_group("mass_mailing.group_mass_mailing_user"))
        self.assertFalse(self.env["mail.blacklist"].with_user(self.user_officer_a).has_access("read"))
        # the officer still sends their unit's mailings
        self.assertEqual(self.env["mailing.mailing"].with_user(self.user_officer_a).search([]), self.union_mailing)
