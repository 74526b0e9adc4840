"""The union's own face: no sample texts of Odoo's, printing without the layout wizard, the
login page and the landing app of officers, pages that work offline, and roles without
technical or accounting-administration rights.

These tests never depend on demo data. They check two things separately:
* with the data the suite ships (no demo), the pages it renders carry none of Odoo's sample
  texts (the website's footer, header and contact page of a fresh database would show
  "+1 555-555-5556" and "info@yourcompany.example.com");
* the demo's face (demo/union_face_demo.xml): its values are the union's, and once loaded the
  same pages show the union's name, phone and e-mail.
"""
import base64
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree, html

from odoo import Command
from odoo.modules.module import get_module_path
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import convert_file, file_open, file_path

# Odoo's sample texts that must never show (issue 14): the sample company, logo, phone, e-mail,
# people, and the website builder's footer links "Products" / "Services" (in Vietnamese too)
PLACEHOLDERS = ("YourCompany", "YourLogo", "555-555-5556", "info@yourcompany", "Mitchell Admin",
                "Marc Demo", "3575 Fake Buena Vista", "Company name", "Tên công ty")
PLACEHOLDER_LINKS = ("Products", "Services", "Sản phẩm", "Dịch vụ")
FACE_DEMO = "demo/union_face_demo.xml"
UNION_NAME = "Liên đoàn Lao động tỉnh Lâm Đồng"
TIMEOUT = 120  # the first page of a fresh database compiles its asset bundles


def placeholders_in(page):
    """The sample texts found in an HTML page (footer links by their exact text)."""
    found = [text for text in PLACEHOLDERS if text in page]
    found += [text for text in PLACEHOLDER_LINKS if re.search(r">\s*%s\s*<" % re.escape(text), page)]
    return found


def demo_values(path):
    """The texts and attribute values of an XML data file, without its comments."""
    tree = etree.parse(str(path))
    parts = []
    for node in tree.iter():
        if not isinstance(node.tag, str):
            continue  # a comment (it may name the sample texts it replaces)
        parts += [node.text or "", node.tail or "", *node.attrib.values()]
    return "\n".join(parts)


@tagged("post_install", "-at_install")
class TestUnionFace(HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Org = cls.env["union.organization"]
        cls.upper = Org.create({"name": "Công đoàn ngành Giáo dục Mặt Tiền", "code": "FACE-CDN",
                                "level": "upper", "short_name": "CĐN"})
        cls.unit = Org.create({"name": "Công đoàn Trường THPT Mặt Tiền", "code": "FACE-A",
                               "level": "grassroots", "short_name": "CĐCS", "parent_id": cls.upper.id})
        cls.member = cls.env["union.member"].create({
            "name": "Hoàng Thị Mặt", "gender": "female", "birth_date": "1986-04-12",
            "citizen_id": "068186007001", "organization_id": cls.unit.id, "date_joined": "2011-09-01",
            "email": "face.member@example.vn"})
        cls.officer = new_test_user(cls.env, login="t_face_officer", name="Cán bộ Mặt Tiền",
                                    groups="base.group_user,union_membership.group_union_officer")
        cls.officer.union_organization_ids = [Command.set(cls.unit.ids)]
        cls.portal = new_test_user(cls.env, login="t_face_portal", name=cls.member.name,
                                   groups="base.group_portal,union_membership.group_union_member",
                                   partner_id=cls.member.partner_id.id)
        cls.has_website = "website" in cls.env
        cls.vi = cls.env["res.lang"]._lang_get("vi_VN")

    # ------------------------------------------------------------------ pages

    def _pages(self):
        """(label, url, login) of the pages people open, as far as the installed addons serve them."""
        pages = [("login", "/web/login", None), ("portal home", "/my", "t_face_portal"),
                 ("backend (company switcher, session info)", "/odoo", "t_face_officer")]
        if self.has_website:
            pages += [("home page", "/", None), ("contact page", "/contactus", None)]
            for url in ("/about-us", "/hoi-dap", "/union/emulation"):
                if self.env["website.page"].search_count([("url", "=", url)]) or self._route_exists(url):
                    pages.append((url, url, None))
        return pages

    def _route_exists(self, url):
        return self.url_open(url, allow_redirects=False, timeout=TIMEOUT).status_code == 200

    def _get(self, url, login=None):
        self.authenticate(login, login) if login else self.authenticate(None, None)
        response = self.url_open(url, timeout=TIMEOUT)
        self.assertEqual(response.status_code, 200, f"{url} answers")
        return response.text

    def test_pages_show_no_sample_texts(self):
        """With the suite's data alone, no page shows Odoo's sample company, people or contacts."""
        for label, url, login in self._pages():
            with self.subTest(page=label):
                self.assertEqual(placeholders_in(self._get(url, login)), [], f"sample texts on {label} ({url})")

    def test_no_sample_logo(self):
        """Odoo's "YourLogo" picture is replaced at install by a neutral union logo."""
        with file_open("base/static/img/res_company_logo.png", "rb") as sample:
            sample_logo = sample.read()
        for company in self.env["res.company"].search([]):
            with self.subTest(company=company.name):
                self.assertNotEqual(base64.b64decode(company.logo or b""), sample_logo)
        self.assertNotEqual(self.url_open("/web/binary/company_logo", timeout=TIMEOUT).content, sample_logo)

    def test_company_switcher_shows_no_sample_company(self):
        self.authenticate("t_face_officer", "t_face_officer")
        response = self.url_open("/web/session/get_session_info", data=json.dumps({}),
                                 headers={"Content-Type": "application/json"})
        info = response.json()["result"]
        companies = info["user_companies"]["allowed_companies"]
        self.assertTrue(companies)
        for company in companies.values():
            self.assertEqual(placeholders_in(company["name"]), [])
        self.assertEqual(placeholders_in(json.dumps(info, ensure_ascii=False)), [])

    def test_pages_work_offline(self):
        """No stylesheet, script or font is fetched from another host (a school may be offline)."""
        own_host = urlsplit(self.base_url()).netloc
        for label, url, login in self._pages():
            with self.subTest(page=label):
                page = self._get(url, login)
                tree = html.fromstring(page)
                external = []
                for node in tree.iter("link", "script"):
                    if node.tag == "link" and (node.get("rel") or "") in ("canonical", "alternate"):
                        continue  # the page's own address, nothing is fetched
                    target = node.get("href") if node.tag == "link" else node.get("src")
                    if target and urlsplit(target).scheme in ("http", "https", "") and urlsplit(target).netloc \
                            and urlsplit(target).netloc != own_host:
                        external.append(target)
                self.assertEqual(external, [], f"{label} ({url}) loads from other hosts")
                for sheet in tree.xpath("//link[@rel='stylesheet']/@href"):
                    if sheet.startswith("/web/assets/"):
                        css = self.url_open(sheet, timeout=TIMEOUT).text
                        self.assertNotIn("fonts.googleapis.com", css, f"{sheet} imports Google Fonts")
                        self.assertNotIn("fonts.gstatic.com", css, f"{sheet} loads Google Fonts")

    def test_login_field_says_login_or_email(self):
        if not self.vi:
            self.env["res.lang"]._activate_lang("vi_VN")
            self.env["ir.module.module"].search([("name", "=", "union_membership")])._update_translations(
                filter_lang=["vi_VN"])
        view = self.env.ref("union_membership.login_field_label")
        arch_vi = view.with_context(lang="vi_VN").arch_db
        self.assertIn("Tên đăng nhập hoặc email", arch_vi)
        self.assertIn("Login or e-mail", view.with_context(lang="en_US").arch_db)
        page = self.url_open("/web/login", headers={"Cookie": "frontend_lang=vi_VN"}, timeout=TIMEOUT).text
        self.assertIn("Tên đăng nhập hoặc email", page)

    # ------------------------------------------------------------------ the demo's face

    def test_demo_face_is_the_union(self):
        """The demo file's values are the Lâm Đồng federation's, and once loaded the pages show them."""
        path = Path(get_module_path("union_membership")) / FACE_DEMO
        tree = etree.parse(str(path))
        company = tree.find(".//record[@id='base.main_partner']")
        values = {field.get("name"): (field.text or field.get("ref") or field.get("file") or field.get("eval"))
                  for field in company.iter("field")}
        self.assertEqual(values["name"], UNION_NAME)
        self.assertIn("Đà Lạt", values["street2"])
        finance_path = get_module_path("union_finance", display_warning=False)
        countries = [record.find("field[@name='country_id']").get("ref")
                     for demo_file in sorted(Path(finance_path or path.parent).glob("demo/*.xml"))
                     for record in etree.parse(str(demo_file)).iterfind(".//record[@id='base.main_partner']")
                     if record.find("field[@name='country_id']") is not None]
        self.assertIn(countries, ([], ["base.vn"]), "the company is in Việt Nam")
        self.assertTrue(values["email"].endswith("@ldld.lamdong.vn"))
        self.assertTrue(values["phone"].startswith("0263"), "a Lâm Đồng phone number")
        logo = file_path("union_membership/static/img/ldld_lamdong_logo.png")
        base_logo = file_path("base/static/img/res_company_logo.png")
        with open(logo, "rb") as mine, open(base_logo, "rb") as odoo_logo:
            data = mine.read()
            self.assertTrue(data.startswith(b"\x89PNG"), "the logo is a PNG")
            self.assertNotEqual(data, odoo_logo.read(), "not Odoo's YourLogo")
        # no sample text in any demo file of the suite
        for module in ("union_membership", "union_finance", "union_documents", "union_emulation"):
            module_path = get_module_path(module, display_warning=False)
            for demo_file in sorted(Path(module_path).glob("demo/*.xml")) if module_path else []:
                self.assertEqual(placeholders_in(demo_values(demo_file)), [], str(demo_file))

        # loaded (in this test's transaction), the pages are the union's
        convert_file(self.env, "union_membership", FACE_DEMO, {}, mode="init", noupdate=True, kind="demo")
        main = self.env.ref("base.main_company")
        self.assertEqual(main.name, UNION_NAME)
        self.assertEqual(self.env.ref("base.partner_admin").name, "Đỗ Quang Vinh")
        if self.has_website:
            website_demo = "demo/union_website_demo.xml"
            if self.env["ir.module.module"].search([("name", "=", "union_emulation"), ("state", "=", "installed")]):
                convert_file(self.env, "union_emulation", website_demo, {}, mode="init", noupdate=True,
                             kind="demo")
            for url in ("/", "/contactus", "/about-us"):
                with self.subTest(url=url):
                    page = self._get(url)
                    self.assertIn(UNION_NAME, page)
                    self.assertIn(main.phone, page, "the union's phone")
                    self.assertIn(main.email, page, "the union's e-mail")
                    self.assertEqual(placeholders_in(page), [])
        self.authenticate("t_face_officer", "t_face_officer")
        info = self.url_open("/web/session/get_session_info", data=json.dumps({}),
                             headers={"Content-Type": "application/json"}).json()["result"]
        names = [c["name"] for c in info["user_companies"]["allowed_companies"].values()]
        self.assertIn(UNION_NAME, names, "the company switcher shows the union")

    # ------------------------------------------------------------------ printing

    def test_printing_never_opens_the_layout_wizard(self):
        """Every company has a layout and A4 paper, a new one too; printing the card returns the
        report, also for a settings administrator (the only one Odoo would send to the wizard)."""
        self.assertFalse(self.env["res.company"].search([("external_report_layout_id", "=", False)]),
                         "every company has a document layout")
        company = self.env["res.company"].create({"name": "Công đoàn Doanh nghiệp Mới"})
        self.assertTrue(company.external_report_layout_id, "a new company gets a layout")
        self.assertEqual(company.paperformat_id, self.env.ref("base.paperformat_euro"), "A4")
        admin = new_test_user(self.env, login="t_face_sysadmin", name="Quản trị Công ty Mới",
                              groups="base.group_system,union_membership.group_union_admin",
                              company_id=company.id, company_ids=[Command.set(company.ids)])
        officer = new_test_user(self.env, login="t_face_new_officer", name="Cán bộ Công ty Mới",
                                groups="base.group_user,union_membership.group_union_officer",
                                company_id=company.id, company_ids=[Command.set(company.ids)])
        unit = self.env["union.organization"].create({"name": "Công đoàn Doanh nghiệp Mới", "code": "FACE-NEW",
                                                      "level": "grassroots", "company_id": company.id})
        member = self.env["union.member"].create({
            "name": "Đinh Văn Mới", "gender": "male", "birth_date": "1990-02-02",
            "citizen_id": "068090007002", "organization_id": unit.id, "date_joined": "2020-01-01"})
        officer.union_organization_ids = [Command.set(unit.ids)]
        report = self.env.ref("union_membership.action_report_union_member_card")
        for user in (officer, admin):
            with self.subTest(user=user.login):
                action = report.with_user(user).with_company(company).report_action(member.with_user(user))
                self.assertEqual(action["type"], "ir.actions.report", "the report, not the layout wizard")
                self.assertNotEqual(action.get("res_model"), "base.document.layout")

    # ------------------------------------------------------------------ landing and roles

    def test_officer_lands_on_the_union_app(self):
        officer = new_test_user(self.env, login="t_face_lander", name="Cán bộ Mới Vào",
                                groups="base.group_user,union_membership.group_union_officer")
        menus = self.env["ir.ui.menu"].with_user(officer).load_menus(False)
        first_app = menus[menus["root"]["children"][0]]
        self.assertEqual(first_app["xmlid"], "union_membership.union_menu_root",
                         "the web client opens the first app when the user has no home action")
        self.authenticate("t_face_lander", "t_face_lander")
        info = self.url_open("/web/session/get_session_info", data=json.dumps({}),
                             headers={"Content-Type": "application/json"}).json()["result"]
        home = info.get("home_action_id")
        if home:  # a home action, when one is set, opens the union app too
            action = self.env["ir.actions.act_window"].browse(home)
            self.assertTrue(action.exists() and (action.res_model or "").startswith("union."))

    def test_officer_roles_have_no_technical_or_admin_rights(self):
        forbidden = [self.env.ref(xmlid, raise_if_not_found=False) for xmlid in (
            "account.group_account_manager", "website.group_website_designer", "base.group_no_one",
            "base.group_system", "base.group_erp_manager")]
        forbidden = [group for group in forbidden if group]
        roles = ["union_membership.group_union_officer", "union_membership.group_union_upper_officer",
                 "union_finance.group_union_accountant", "union_documents.group_union_document_secret"]
        for xmlid in roles:
            group = self.env.ref(xmlid, raise_if_not_found=False)
            if not group:
                continue
            with self.subTest(role=xmlid):
                implied = group | group.trans_implied_ids
                self.assertEqual([g.name for g in forbidden if g in implied], [])
        # a user created in Settings starts from the default user template: no admin rights there
        template = self.env.ref("base.default_user", raise_if_not_found=False)
        if template:
            self.assertEqual([g.name for g in forbidden if g in template.groups_id], [],
                             "the default user template gives no administration or technical rights")
            for xmlid in ("website.group_website_restricted_editor", "base.group_sanitize_override",
                          "account.group_account_invoice"):
                group = self.env.ref(xmlid, raise_if_not_found=False)
                if group:  # (website comes with union_emulation)
                    self.assertNotIn(group, template.groups_id, xmlid)
        # a school officer created today: no technical features, no app store
        self.assertFalse(self.officer.has_group("base.group_no_one"))
        menus = self.env["ir.ui.menu"].with_user(self.officer).load_menus(False)
        xmlids = {menu.get("xmlid") for menu in menus.values() if isinstance(menu, dict)}
        self.assertNotIn("base.menu_management", xmlids, "no Apps menu")
        self.assertNotIn("base.menu_administration", xmlids, "no Settings menu")
        # settings administrators keep the technical features
        self.assertIn(self.env.ref("base.group_no_one"), self.env.ref("base.group_system").trans_implied_ids)
