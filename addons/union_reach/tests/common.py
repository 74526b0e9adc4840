from odoo.tests import new_test_user

from odoo.addons.union_membership.tests.common import UnionCommon


class ReachCommon(UnionCommon):
    """The membership test province, with an employer routed to unit A and one without a union."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.vietnam = cls.env.ref("base.vn")
        cls.employer_a = Partner.create({"name": "Trường THPT A", "is_company": True})
        cls.employer_new = Partner.create({"name": "Công ty TNHH May Sao Mai", "is_company": True})
        Route = cls.env["union.reach.route"]
        Route.create({"employer_id": cls.employer_a.id, "organization_id": cls.unit_a.id, "sequence": 1})
        Route.create({"organization_id": cls.upper.id, "sequence": 99})
        cls.workplace = cls.env["union.reach.workplace"].create({
            "name": "Công ty TNHH May Sao Mai", "employer_id": cls.employer_new.id,
            "organization_id": cls.upper.id, "user_id": cls.user_upper.id,
            "headcount": 320, "members_elsewhere": 12})
        cls.user_upper_other = new_officer(cls, "t_upper_other", "group_union_upper_officer", cls.federation)

    @classmethod
    def _application(cls, **vals):
        values = {"name": "Phạm Minh Tuấn", "birth_date": "1995-04-12", "gender": "male",
                  "nationality_id": cls.env.ref("base.vn").id, "id_document_type": "citizen_id",
                  "id_document_number": "067095001234", "employer_id": cls.employer_a.id,
                  "employer_name": "Trường THPT A", "email": "tuan.pm@example.vn", "phone": "0912345678",
                  "organization_id": cls.unit_a.id}
        values.update(vals)
        return cls.env["union.reach.application"].create(values)


def new_officer(cls, login, group, units):
    user = new_test_user(cls.env, login=login, groups=f"base.group_user,union_membership.{group}", name=login)
    user.union_organization_ids = [(6, 0, units.ids)]
    return user
