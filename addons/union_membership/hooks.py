"""Install-time set-up of the union's face (data/union_face_data.xml holds the rest)."""
import base64

from odoo.tools import file_open

ODOO_SAMPLE_LOGO = "base/static/img/res_company_logo.png"  # the sample logo of a new company
UNION_LOGO = "union_membership/static/img/union_logo.png"


def post_init_hook(env):
    """Companies that still show Odoo's sample logo get a neutral union logo
    (the union uploads its own on the company); a logo the union already set is kept."""
    with file_open(ODOO_SAMPLE_LOGO, "rb") as sample, file_open(UNION_LOGO, "rb") as union:
        sample_logo, union_logo = sample.read(), union.read()
    partners = env["res.company"].search([]).partner_id
    with_sample = partners.filtered(lambda p: p.image_1920 and base64.b64decode(p.image_1920) == sample_logo)
    with_sample.write({"image_1920": base64.b64encode(union_logo)})
