# Plain-Python rules of union_finance: no Odoo import here.
