from importlib import import_module
from inspect import getmembers

from odoo import models

from odoo.addons.account.models.ir_module import (
    templ,
    template_class,
    template_function,
    template_module,
)


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _compute_account_templates(self):
        """Offer the union chart (models/template_vn_union.py) among the charts of
        accounts. Odoo lists the templates of the modules of the category
        "Account Charts" only; union_finance stays in its own category."""
        res = super()._compute_account_templates()
        chart_template = self.env["account.chart.template"]
        for module in self.filtered(lambda m: m.name == "union_finance"):
            python_module = import_module("odoo.addons.union_finance.models")
            templates = {
                fct._l10n_template[0]: {
                    "name": values.get("name"),
                    "parent": values.get("parent"),
                    "sequence": values.get("sequence", 1),
                    "country": values.get("country", ""),
                    "visible": values.get("visible", True),
                    "installed": module.state == "installed",
                    "module": module.name,
                }
                for _name, mdl in getmembers(python_module, template_module)
                for _name, cls in getmembers(mdl, template_class)
                for _name, fct in getmembers(cls, template_function)
                if (values := fct(chart_template))
            }
            module.account_templates = {
                **(module.account_templates or {}),
                **{code: templ(self.env, code, **vals) for code, vals in templates.items()},
            }
        return res
