"""Install-time clean-up of the groups Odoo gave the union officers who already existed."""


def post_init_hook(env):
    """When mass_mailing is installed (with this addon, or before it), Odoo gives every existing
    internal user its "Default User Template" group "Email Marketing / User": union officers
    created before this addon would keep it. Their reach is the union's record rules (readme)."""
    env["res.users"]._union_reach_drop_marketing_group()
