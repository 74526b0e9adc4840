from odoo.tests import TransactionCase, tagged

from odoo.addons.union_membership.tests.test_translation import VietnameseLabelsMixin


@tagged("post_install", "-at_install")
class TestVietnameseLabels(VietnameseLabelsMixin, TransactionCase):
    """Every field label and choice of union_training in Vietnamese (see the mixin)."""

    _translation_module = "union_training"
