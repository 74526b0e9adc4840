"""Kept for union_finance (union.dues.line._create_batch, union.dues.run._copy_items), which
imports these names from here: the bulk writes live in tools/bulk.py. Remove this file once
union_finance imports ``odoo.addons.union_membership.tools.bulk``."""
from .tools.bulk import allocate_ids, copy_rows, insert_rows

__all__ = ["allocate_ids", "copy_rows", "insert_rows"]
