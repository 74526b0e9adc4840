from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.union_training.tests.common import TrainingCommon


@tagged("post_install", "-at_install")
class TestInvitation(TrainingCommon):

    def test_officer_prepares_the_invitation_of_their_class(self):
        self.env["union.training.seat"].create({
            "event_id": self.event_a.id, "organization_id": self.group_a.id, "places": 5})
        event = self.event_a.with_user(self.user_officer_a)
        action = event.action_union_prepare_invitation()
        document = self.env["union.document"].browse(action["res_id"])
        self.assertEqual(document.organization_id, self.unit_a)
        self.assertEqual(document.direction, "outgoing")
        self.assertEqual(document.type_id, self.env.ref("union_documents.union_document_type_giay_moi"))
        self.assertEqual(document.recipient_organization_ids, self.group_a)
        self.assertIn("Buổi 1", document.body)
        self.assertIn("5", document.body)
        self.assertEqual(event.action_union_prepare_invitation()["res_id"], document.id,
                         "prepared once")

    def test_officer_of_another_unit_cannot(self):
        with self.assertRaises(AccessError):
            self.event_b.with_user(self.user_officer_a).action_union_prepare_invitation()
