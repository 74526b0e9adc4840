# Plain-Python rules of union_membership: no Odoo import here, so they are
# tested in milliseconds by tests/test_union_membership_rules_*.py.
