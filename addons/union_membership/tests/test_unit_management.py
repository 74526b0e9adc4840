from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import UnionCommon


@tagged("post_install", "-at_install")
class TestUnitManagement(UnionCommon):
    """union.organization._union_is_managed_by: the one answer to "does this user manage this unit"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # an upper-level officer who is also an officer of one of the grassroots unions below
        cls.user_both = new_test_user(
            cls.env, login="t_upper_and_a", name="t_upper_and_a",
            groups="base.group_user,union_membership.group_union_upper_officer")
        cls.user_both.union_organization_ids = [(6, 0, (cls.upper | cls.unit_a).ids)]

    def test_own_units_and_below(self):
        self.assertTrue(self.unit_a._union_is_managed_by(self.user_officer_a))
        self.assertTrue(self.group_a._union_is_managed_by(self.user_officer_a))
        self.assertFalse(self.upper._union_is_managed_by(self.user_officer_a))
        self.assertFalse(self.unit_b._union_is_managed_by(self.user_officer_a))
        self.assertTrue((self.unit_a | self.unit_b)._union_is_managed_by(self.user_upper))
        self.assertFalse((self.unit_a | self.unit_b)._union_is_managed_by(self.user_officer_a))
        self.assertFalse(self.env["union.organization"]._union_is_managed_by(self.user_upper))
        self.assertTrue(self.unit_a.with_user(self.user_officer_a)._union_is_managed_by())

    def test_strictly_above_and_never_self(self):
        self.assertTrue(self.unit_a._union_is_managed_by(self.user_upper, allow_self=False))
        self.assertFalse(self.upper._union_is_managed_by(self.user_upper, allow_self=False))
        self.assertFalse(self.unit_a._union_is_managed_by(self.user_officer_a, allow_self=False))
        self.assertTrue(self.group_a._union_is_managed_by(self.user_officer_a, allow_self=False))
        # an officer of the unit itself does not decide for it, even when they also manage above it
        self.assertFalse(self.unit_a._union_is_managed_by(self.user_both, allow_self=False))
        self.assertTrue(self.unit_b._union_is_managed_by(self.user_both, allow_self=False))

    def test_own_units_only(self):
        self.assertTrue(self.unit_a._union_is_managed_by(self.user_officer_a, below=False))
        self.assertFalse(self.group_a._union_is_managed_by(self.user_officer_a, below=False))
        self.assertFalse(self.unit_a._union_is_managed_by(self.user_upper, below=False))

    def test_own_officer_cannot_change_governed_fields_over_the_upper_path(self):
        with self.assertRaises(AccessError):
            self.unit_a.with_user(self.user_both).write({"funding_type": "enterprise"})
        self.unit_b.with_user(self.user_both).write({"funding_type": "enterprise"})
        self.assertEqual(self.unit_b.funding_type, "enterprise")
