from odoo import api, fields, models


class UnionReachRoute(models.Model):
    """Where an online application goes (routing as data).

    An application for an employer listed on a route goes to that route's unit (the employer's
    grassroots union). Otherwise the route of the employer's province applies (the upper-level
    union of that area or sector), and last the route with neither employer nor province.
    """

    _name = "union.reach.route"
    _description = "Routing of Online Applications"
    _inherit = ["union.reference.check.mixin"]
    _order = "sequence, id"
    _union_checked_references = ("organization_id",)

    sequence = fields.Integer(default=10)
    employer_id = fields.Many2one(
        "res.partner", string="Employer", index=True,
        help="Applications naming this employer go to the unit of this route.")
    state_id = fields.Many2one(
        "res.country.state", string="Province",
        help="Without an employer: applications from workplaces in this province go to this unit.")
    sector = fields.Char(help="The sector the upper-level unit is responsible for (shown to officers).")
    organization_id = fields.Many2one(
        "union.organization", string="Unit", required=True, index=True, ondelete="cascade",
        domain="[('state', '=', 'active')]")
    active = fields.Boolean(default=True)

    @api.model
    def _route(self, employer, state):
        """The unit for an application (employer and province may be empty), or an empty unit."""
        # sudo: the public join form routes the application; routes are configuration
        routes = self.sudo().search([("organization_id.state", "=", "active")])
        for route in routes:
            if employer and route.employer_id == employer:
                return route.organization_id
        for route in routes:
            if not route.employer_id and state and route.state_id == state:
                return route.organization_id
        for route in routes:
            if not route.employer_id and not route.state_id:
                return route.organization_id
        return self.env["union.organization"]

    @api.model
    def _public_employers(self):
        """Employers shown on the public form: those with a route or a workplace record."""
        # sudo: names of employers only, for the visitor's choice
        employers = self.sudo().search([("employer_id", "!=", False)]).employer_id
        employers |= self.env["union.reach.workplace"].sudo().search([]).employer_id
        return employers.sorted("name")
