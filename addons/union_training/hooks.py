"""Install-time clean-up of the groups Odoo gave the union officers who already existed."""


def post_init_hook(env):
    """When website_slides or event is installed, Odoo gives every existing internal user the
    groups its "Default User Template" gains (eLearning / Manager, Events / Administrator):
    union officers created before this addon (the demo's, a database where training is added
    later) would then read and change every unit's courses and course attendees. Their reach is
    the union's record rules (readme: never Events or eLearning managers)."""
    env["res.users"]._union_training_drop_manager_groups()
