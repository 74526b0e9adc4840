from odoo import api, models


class UnionGovernanceTrainingDemo(models.AbstractModel):
    """The demo's congress in preparation gets its event: its participants are attendees with
    a badge code (skipped when union_governance's demo congress is not there)."""
    _name = "union.governance.training.demo"
    _description = "Demo Congress Event Generator"

    @api.model
    def _load_demo(self):
        congress = self.env.ref("union_governance.demo_congress_preparation", raise_if_not_found=False)
        if not congress or congress.event_id:
            return False
        congress.sudo().with_context(tracking_disable=True).action_create_event()
        return True
