from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, tagged

from odoo.addons.union_membership.tests.phone import PhonePortalMixin

from .common import ReachCommon


@tagged("post_install", "-at_install")
class TestNewsAndMailings(PhonePortalMixin, ReachCommon, HttpCase):
    """News per unit and mailings to a unit's members: each unit keeps its own to itself."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Blog = cls.env["blog.blog"]
        cls.blog_a = Blog.create({"name": "Tin Công đoàn Trường THPT A", "union_organization_id": cls.unit_a.id})
        cls.blog_b = Blog.create({"name": "Tin Công đoàn Trường THCS B", "union_organization_id": cls.unit_b.id})
        cls.blog_all = Blog.create({"name": "Tin chung"})
        cls.env["blog.post"].create({"name": "Thông báo của Công đoàn ngành", "blog_id": cls.blog_all.id,
                                     "website_published": True})
        cls.env["blog.post"].create({"name": "Hội nghị công đoàn Trường THCS B", "blog_id": cls.blog_b.id,
                                     "website_published": True})

    def test_officer_posts_in_own_unit_news_only(self):
        Post = self.env["blog.post"].with_user(self.user_officer_a)
        post = Post.create({"name": "Ngày hội Đoàn viên 2026", "blog_id": self.blog_a.id, "website_published": True})
        self.assertEqual(post.union_organization_id, self.unit_a)
        self.assertFalse(self.user_officer_a.has_group("website.group_website_designer"))
        with self.assertRaises(AccessError):
            Post.create({"name": "Tin giả", "blog_id": self.blog_b.id})
        with self.assertRaises(AccessError):
            Post.create({"name": "Tin giả", "blog_id": self.blog_all.id})
        other = self.env["blog.post"].search([("blog_id", "=", self.blog_b.id)])
        with self.assertRaises(AccessError):
            other.with_user(self.user_officer_a).write({"name": "Sửa tin của đơn vị khác"})
        with self.assertRaises(AccessError):
            other.with_user(self.user_officer_a).unlink()

    def test_officer_a_targeting_unit_b_fails(self):
        Mailing = self.env["mailing.mailing"].with_user(self.user_officer_a)
        with self.assertRaises(AccessError):
            Mailing.create({"subject": "Thư gửi đơn vị khác", "union_organization_id": self.unit_b.id,
                            "body_html": "<p>x</p>"})
        mailing = Mailing.create({"subject": "Thư gửi đoàn viên", "union_organization_id": self.unit_a.id,
                                  "body_html": "<p>Kính gửi đoàn viên</p>"})
        with self.assertRaises(AccessError):
            mailing.write({"union_organization_id": self.unit_b.id})
        with self.assertRaises(AccessError):
            mailing.write({"mailing_domain": "[]"})
        # unit B's list, contacts and traces stay out of reach
        self.env["mailing.list"]._union_list_for(self.unit_b)
        List = self.env["mailing.list"].with_user(self.user_officer_a)
        self.assertEqual(List.search([]).union_organization_id, self.unit_a)
        contacts = self.env["mailing.contact"].with_user(self.user_officer_a).search_read([], ["email"])
        self.assertNotIn("hoa.b1@example.vn", [c["email"] for c in contacts])
        self.assertFalse(self.env["mailing.contact"].with_user(self.user_officer_a).search(
            [("email", "=", "hoa.b1@example.vn")]).export_data(["email"])["datas"])

    def test_officer_writes_with_the_email_editor(self):
        """The officers' mailing form is Odoo's e-mail marketing editor (themes, building blocks)
        on the body; the recipients stay the unit's members: officer A cannot target unit B
        through the form either, and unit B's saved designs are not offered to A."""
        view = "union_reach.mailing_mailing_view_form_union"
        Mailing = self.env["mailing.mailing"].with_user(self.user_officer_a)
        arch = etree.fromstring(Mailing.get_views([(self.env.ref(view).id, "form")])["views"]["form"]["arch"])
        body = arch.xpath("//field[@name='body_arch']")[0]
        self.assertEqual(body.get("widget"), "mass_mailing_html")
        self.assertNotIn("dynamic_placeholder", body.get("options"))
        self.assertFalse(arch.xpath("//field[@name='mailing_domain' or @name='contact_list_ids']"),
                         "no recipients can be chosen on the officers' form")
        form = Form(Mailing, view=view)
        form.subject = "Thư gửi đơn vị khác"
        form.email_from = "congdoan.a@example.vn"
        form.union_organization_id = self.unit_b
        with self.assertRaises(AccessError):
            form.save()
        with Form(Mailing, view=view) as form:
            form.subject = "Thư mời dự Hội nghị đoàn viên"
            form.email_from = "congdoan.a@example.vn"
            form.union_organization_id = self.unit_a
            form.body_arch = '<div class="o_layout o_basic_theme"><p>Kính mời đoàn viên dự hội nghị.</p></div>'
        mailing = form.record
        self.assertIn("Kính mời đoàn viên", mailing.body_arch)
        self.assertEqual(mailing.contact_list_ids.union_organization_id, self.unit_a)
        with self.assertRaises(AccessError):
            with Form(mailing, view=view) as edit:
                edit.union_organization_id = self.unit_b
        self.assertEqual(mailing.union_organization_id, self.unit_a)
        # a design saved as favourite by unit B's officer is not among A's templates
        theirs = self.env["mailing.mailing"].with_user(self.user_officer_b).create({
            "subject": "Mẫu thư của đơn vị B", "union_organization_id": self.unit_b.id,
            "body_arch": "<p>Mẫu của B</p>"})
        theirs.sudo().favorite = True
        mailing.sudo().favorite = True
        favorites = Mailing.action_fetch_favorites()
        self.assertEqual([f["id"] for f in favorites], [mailing.id])

    def test_officer_who_is_a_member_cannot_target_the_parent_unit(self):
        """A member reads their own unit's parents; an officer who is also a member still
        reaches only the units they manage."""
        self.env["union.member"].create({
            "partner_id": self.user_officer_a.partner_id.id, "gender": "male", "birth_date": "1980-01-01",
            "organization_id": self.unit_a.id, "date_joined": "2010-01-01"})
        self.user_officer_a.invalidate_recordset()
        self.assertTrue(self.upper.with_user(self.user_officer_a).has_access("read"))
        with self.assertRaises(AccessError):
            self.env["mailing.mailing"].with_user(self.user_officer_a).create({
                "subject": "Thư gửi cả ngành", "union_organization_id": self.upper.id, "body_html": "<p>x</p>"})
        with self.assertRaises(AccessError):
            self.env["union.reach.national.import"].with_user(self.user_officer_a).create(
                {"organization_id": self.upper.id, "file": False})

    def test_recipients_are_the_unit_members_at_send_time(self):
        mailing = self.env["mailing.mailing"].with_user(self.user_officer_a).create({
            "subject": "Thư gửi đoàn viên", "union_organization_id": self.unit_a.id,
            "body_html": "<p>Kính gửi đoàn viên</p>"})
        # a member who joins unit A after the mailing was written still receives it
        self.member_a2.email = "hung.a2@example.vn"
        # someone sneaks unit B's member into the mailing's list as superuser: the send rebuilds it
        mailing.sudo().contact_list_ids.contact_ids = [(0, 0, {"name": "x", "email": "hoa.b1@example.vn"})]
        mailing.action_launch()
        mailing.sudo()._process_mass_mailing_queue()
        traces = self.env["mailing.trace"].sudo().search([("mass_mailing_id", "=", mailing.id)])
        self.assertEqual(set(traces.mapped("email")), {self.member_a1.email, "hung.a2@example.vn"})
        rows = self.env["mailing.trace"].with_user(self.user_officer_a).search_read([], ["email"])
        self.assertEqual(len(rows), 2)
        self.assertFalse(self.env["mailing.trace"].with_user(self.user_officer_b).search_read([], ["email"]))
        groups = self.env["mailing.trace"].with_user(self.user_officer_b).read_group([], ["email"], ["trace_status"])
        self.assertFalse(groups)

    def test_portal_home_shows_the_member_units_announcements(self):
        self.env["blog.post"].create({"name": "Tin vui Trường THPT A", "blog_id": self.blog_a.id,
                                      "website_published": True})
        self.authenticate(self.user_portal_a1.login, self.user_portal_a1.login)
        page = self.url_open("/my")
        self.assertIn("Tin vui Trường THPT A", page.text)
        self.assertIn("Thông báo của Công đoàn ngành", page.text)
        self.assertNotIn("Hội nghị công đoàn Trường THCS B", page.text)

    def test_portal_tour(self):
        self.env["blog.post"].create({"name": "Tin vui Trường THPT A", "blog_id": self.blog_a.id,
                                      "website_published": True})
        self.start_tour("/my", "union_reach_portal_tour", login=self.user_portal_a1.login)


@tagged("post_install", "-at_install")
class TestMailingEditorTour(ReachCommon, HttpCase):
    """An officer at a desk writes a mailing with Odoo's e-mail marketing editor."""

    def test_mailing_editor_tour(self):
        self.user_officer_a.email = "congdoan.a@example.vn"
        self.start_tour("/odoo/action-union_reach.mailing_mailing_action_union", "union_reach_mailing_tour",
                        login=self.user_officer_a.login)
        mailing = self.env["mailing.mailing"].search([("subject", "=", "Thư mời dự Hội nghị đoàn viên")])
        self.assertEqual(mailing.union_organization_id, self.unit_a)
        self.assertIn("o_basic_theme", mailing.body_arch)
        self.assertEqual(mailing.contact_list_ids.union_organization_id, self.unit_a)
