from datetime import date

from odoo import http
from odoo.tests import TransactionCase, new_test_user


class UnionCommon(TransactionCase):
    """A small province with users of every role; never depends on demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Odoo's map of static folders parses every addon manifest once per process; built here,
        # in the test's thread, the first request of a browser tour does not parse them in a server
        # thread while other threads compile code, which the Python 3.11.7 of this machine can
        # fail on ("SystemError: AST constructor recursion depth mismatch", a thread-safety bug
        # of CPython 3.11 fixed in later releases) and log as a server error
        cls.static_paths = http.root.statics
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Org = cls.env["union.organization"]
        cls.federation = Org.create({"name": "LĐLĐ tỉnh Thử nghiệm", "code": "T-LDLD",
                                     "level": "federation", "short_name": "LĐLĐ"})
        cls.upper = Org.create({"name": "Công đoàn ngành Giáo dục", "code": "T-CDN", "level": "upper",
                                "short_name": "CĐN", "parent_id": cls.federation.id})
        cls.unit_a = Org.create({"name": "Công đoàn Trường THPT A", "code": "T-A", "level": "grassroots",
                                 "short_name": "CĐCS", "parent_id": cls.upper.id,
                                 "funding_type": "public_partial"})
        cls.unit_b = Org.create({"name": "Công đoàn Trường THCS B", "code": "T-B", "level": "grassroots",
                                 "short_name": "CĐCS", "parent_id": cls.upper.id,
                                 "funding_type": "non_public"})
        cls.group_a = Org.create({"name": "Tổ Toán - Trường THPT A", "code": "T-A-T1", "level": "group",
                                  "parent_id": cls.unit_a.id})
        Member = cls.env["union.member"]
        cls.member_a1 = Member.create({
            "name": "Nguyễn Thị Lan", "gender": "female", "birth_date": date(1985, 3, 2),
            "citizen_id": "067185000001", "organization_id": cls.unit_a.id,
            "date_joined": date(2010, 9, 1), "date_employed": date(2008, 9, 1),
            "email": "lan.a1@example.vn", "job_title": "Giáo viên"})
        cls.member_a2 = Member.create({
            "name": "Trần Văn Hùng", "gender": "male", "birth_date": date(1979, 11, 20),
            "citizen_id": "067079000002", "organization_id": cls.group_a.id,
            "date_joined": date(2005, 9, 1), "date_employed": date(2003, 9, 1), "party_member": True})
        cls.member_b1 = Member.create({
            "name": "Lê Thị Hoa", "gender": "female", "birth_date": date(1990, 6, 15),
            "citizen_id": "067190000003", "organization_id": cls.unit_b.id,
            "date_joined": date(2015, 9, 1), "date_employed": date(2014, 8, 15), "email": "hoa.b1@example.vn"})

        def officer(login, group, units):
            user = new_test_user(cls.env, login=login, groups=f"base.group_user,union_membership.{group}",
                                 name=login)
            user.union_organization_ids = [(6, 0, units.ids)]
            return user

        cls.user_admin = new_test_user(cls.env, login="t_union_admin", name="Quản trị",
                                       groups="base.group_user,union_membership.group_union_admin")
        cls.user_upper = officer("t_upper", "group_union_upper_officer", cls.upper)
        cls.user_officer_a = officer("t_officer_a", "group_union_officer", cls.unit_a)
        cls.user_officer_b = officer("t_officer_b", "group_union_officer", cls.unit_b)
        cls.user_portal_a1 = new_test_user(
            cls.env, login="t_portal_a1", name=cls.member_a1.name,
            groups="base.group_portal,union_membership.group_union_member",
            partner_id=cls.member_a1.partner_id.id)
