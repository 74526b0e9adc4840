from datetime import timedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import EmulationCommon


@tagged("post_install", "-at_install")
class TestMovementRegistration(EmulationCommon):

    def test_catalogue_titles_and_forms(self):
        Title = self.env["union.award.title"]
        titles = Title.search([("kind", "=", "title")])
        self.assertIn("Lao động tiên tiến", titles.mapped("name"))
        # QĐ 999/QĐ-TLĐ: the pre-2019 "vững mạnh" is history only (archived, not offered)
        self.assertNotIn("Công đoàn cơ sở vững mạnh", titles.mapped("name"))
        self.assertIn("Công đoàn cơ sở hoàn thành xuất sắc nhiệm vụ", titles.mapped("name"))
        self.assertFalse(self.env.ref("union_emulation.award_title_cdcs_vung_manh").active)
        self.assertEqual(self.title_ldtt.recipient_type, "individual")
        self.assertEqual(self.env.ref("union_emulation.award_title_cdcs_vung_manh").recipient_type, "collective")
        bang_khen = Title.search([("certificate_type", "=", "bang_khen")])
        self.assertEqual(set(bang_khen.mapped("grant_level")), {"federation", "national"})

    def test_movement_year_and_website(self):
        self.assertEqual(self.movement.state, "launched")
        self.assertTrue(self.movement.is_published)
        self.assertEqual(self.movement.website_url, f"/union/emulation/{self.movement.id}")
        self.assertTrue(self.movement.registration_open)
        self.assertIn(self.unit_a, self.movement._get_target_units())
        self.assertIn(self.group_a, self.movement._get_target_units())

    def test_movement_form_flow_and_bad_dates(self):
        with Form(self.env["union.emulation.movement"].with_user(self.user_upper)) as form:
            form.name = "Giỏi việc nước, đảm việc nhà"
            form.organization_id = self.upper
            form.kind = "thematic"
            form.date_start = self.today
            form.date_end = self.today + timedelta(days=300)
            form.registration_deadline = self.today + timedelta(days=30)
        movement = form.record
        self.assertEqual(movement.state, "draft")
        with self.assertRaises(ValidationError):
            movement.registration_deadline = self.today + timedelta(days=400)

    def test_officer_cannot_run_movement_of_upper_unit(self):
        movement = self.movement.with_user(self.user_officer_a)
        self.assertEqual(movement.name, "Hai tốt")   # launched: visible
        with self.assertRaises(AccessError):
            movement.write({"name": "Đổi tên"})

    def test_member_and_unit_registration(self):
        Reg = self.env["union.emulation.registration"]
        reg = Reg.with_user(self.user_officer_a).create({
            "movement_id": self.movement.id, "member_id": self.member_a2.id, "award_title_id": self.title_ldtt.id})
        self.assertEqual(reg.organization_id, self.group_a)
        self.assertEqual(reg.date_registered, self.today)
        unit_reg = Reg.with_user(self.user_officer_a).create({
            "movement_id": self.movement.id, "registrant_type": "unit", "organization_id": self.unit_a.id})
        self.assertEqual(self.movement.member_registration_count, 1)
        self.assertEqual(self.movement.unit_registration_count, 1)
        # each unit sees who of its members registered, not the other units' members
        seen_a = Reg.with_user(self.user_officer_a).search([("movement_id", "=", self.movement.id)])
        self.assertEqual(seen_a, reg | unit_reg)
        self.assertFalse(Reg.with_user(self.user_officer_b).search([("movement_id", "=", self.movement.id)]))
        self.assertEqual(Reg.with_user(self.user_upper).search_count([("movement_id", "=", self.movement.id)]), 2)

    def test_duplicate_registration_refused(self):
        Reg = self.env["union.emulation.registration"].with_user(self.user_officer_a)
        Reg.create({"movement_id": self.movement.id, "member_id": self.member_a1.id})
        with self.assertRefused(ValidationError, "already registered"):
            Reg.create({"movement_id": self.movement.id, "member_id": self.member_a1.id})

    def test_registration_after_deadline_refused(self):
        self.movement.registration_deadline = self.today - timedelta(days=1)
        self.assertFalse(self.movement.registration_open)
        Reg = self.env["union.emulation.registration"].with_user(self.user_officer_a)
        with self.assertRefused(ValidationError, "closed on"):
            # even a backdated registration is refused: the date is the day it is made
            Reg.create({"movement_id": self.movement.id, "member_id": self.member_a1.id,
                        "date_registered": self.today - timedelta(days=5)})
        self.assertFalse(self.env["union.emulation.registration"].search([("movement_id", "=", self.movement.id)]))

    def test_registration_outside_target_or_draft_refused(self):
        self.movement.target_organization_ids = self.unit_b
        Reg = self.env["union.emulation.registration"].with_user(self.user_officer_a)
        with self.assertRefused(ValidationError, "not covered"):
            Reg.create({"movement_id": self.movement.id, "member_id": self.member_a1.id})
        self.movement.action_reset_draft()
        with self.assertRefused(ValidationError, "not open"):
            self.env["union.emulation.registration"].create(
                {"movement_id": self.movement.id, "member_id": self.member_b1.id})

    def test_officer_cannot_register_other_unit_member(self):
        Reg = self.env["union.emulation.registration"].with_user(self.user_officer_b)
        with self.assertRaises(AccessError):
            Reg.create({"movement_id": self.movement.id, "member_id": self.member_a1.id})
        # naming their own unit does not help: the registration follows the member's unit
        with self.assertRaises(AccessError):
            Reg.create({"movement_id": self.movement.id, "member_id": self.member_a1.id,
                        "organization_id": self.unit_b.id})
        reg = self.env["union.emulation.registration"].with_user(self.user_officer_a).create(
            {"movement_id": self.movement.id, "member_id": self.member_a1.id})
        with self.assertRefused(ValidationError, "member's own unit"):
            reg.organization_id = self.group_a

    def test_portal_member_registers_self_only(self):
        """A member reads their own registrations; they register through the portal route only
        (test_registration_portal), never through the ORM."""
        Reg = self.env["union.emulation.registration"]
        reg = Reg.create({"movement_id": self.movement.id, "member_id": self.member_a1.id})
        Reg.create({"movement_id": self.movement.id, "member_id": self.member_b1.id})
        self.assertEqual(Reg.with_user(self.user_portal_a1).search([]), reg)
        for member in (self.member_a1, self.member_b1):
            with self.assertRaises(AccessError):
                Reg.with_user(self.user_portal_a1).create({"movement_id": self.movement.id, "member_id": member.id})

    def test_vietnamese_messages(self):
        """The refusals reach Vietnamese users in Vietnamese (i18n/vi.po)."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.movement.registration_deadline = self.today - timedelta(days=1)
        Reg = self.env["union.emulation.registration"].with_user(self.user_officer_a).with_context(lang="vi_VN")
        with self.assertRefused(ValidationError, "đã hết hạn đăng ký ngày"):
            Reg.create({"movement_id": self.movement.id, "member_id": self.member_a1.id})

    def test_bulk_registration_wizard(self):
        Wizard = self.env["union.emulation.register.wizard"].with_user(self.user_officer_a)
        wizard = Form(Wizard.with_context(active_model="union.member",
                                          active_ids=(self.member_a1 | self.member_a2).ids))
        wizard.movement_id = self.movement
        wizard.award_title_id = self.title_ldtt
        action = wizard.save().action_register()
        regs = self.env["union.emulation.registration"].search(action["domain"])
        self.assertEqual(regs.member_id, self.member_a1 | self.member_a2)
        self.assertEqual(set(regs.mapped("award_title_id")), {self.title_ldtt})
        # all or nothing: one member already registered refuses the whole batch
        regs.filtered(lambda r: r.member_id == self.member_a1).unlink()
        wizard = Wizard.create({"movement_id": self.movement.id,
                                "member_ids": [(6, 0, (self.member_a1 | self.member_a2).ids)]})
        with self.assertRefused(ValidationError, "already registered"):
            wizard.action_register()
        self.assertFalse(self.env["union.emulation.registration"].search([("member_id", "=", self.member_a1.id)]))

    def test_backend_views_open_for_each_role(self):
        """Every action of the addon renders its views and reads its first records for each role."""
        action_ids = self.env["ir.model.data"].search(
            [("module", "=", "union_emulation"), ("model", "=", "ir.actions.act_window")]).mapped("res_id")
        actions = self.env["ir.actions.act_window"].browse(action_ids)
        self.assertGreaterEqual(len(actions), 10)
        for user in (self.user_officer_a, self.user_upper, self.user_admin):
            for action in actions:
                Model = self.env[action.res_model].with_user(user)
                if not Model.has_access("read"):
                    continue
                views = Model.get_views([(False, mode) for mode in action.view_mode.split(",")])
                fields_spec = {name: {} for name in views["models"][action.res_model]["fields"]
                               if name in Model._fields and Model._fields[name].type not in
                               ("one2many", "many2many")}
                records = Model.search([], limit=3)
                self.assertEqual(len(records.web_read(fields_spec)), len(records))
