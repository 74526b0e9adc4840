from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.union_documents.tests.common import UnionDocumentsCommon
from odoo.addons.union_reach.tests.common import ReachCommon


@tagged("post_install", "-at_install")
class TestFoundingDocument(ReachCommon, UnionDocumentsCommon):
    """The recognition decision of a new union is a released document of the upper level."""

    def test_founding_takes_the_decision_from_the_document(self):
        self._application(employer_id=self.employer_new.id, organization_id=self.upper.id,
                          workplace_id=self.workplace.id, email=False)
        decision = self._draft(type_id=self.type_decision.id,
                               subject="Quyết định công nhận Công đoàn Công ty TNHH May Sao Mai")
        workplace = self.workplace.with_user(self.user_upper)
        workplace.action_propose_founding()
        workplace.write({"founded_name": "Công đoàn Công ty TNHH May Sao Mai", "founded_code": "T-SM",
                         "decision_document_id": decision.id})
        with self.assertRaises(UserError):
            workplace.action_found()  # not released yet
        self._release(decision)
        workplace.action_found()
        member = workplace.application_ids.member_id
        self.assertEqual(member.organization_id, workplace.founded_organization_id)
        self.assertIn(decision.number_symbol, member.event_ids.decision_ref)
        self.assertEqual(workplace.founded_organization_id.date_founded, decision.document_date)
