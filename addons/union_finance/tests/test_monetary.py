"""Issue 19: every amount is ``fields.Monetary`` in the company currency (VND), and the
migration from the integer columns changes no value."""
import os
from datetime import date

from odoo.modules.migration import load_script
from odoo.tests import tagged
from odoo.tools import SQL

from .common import UnionFinanceCommon

MIGRATION = os.path.join(os.path.dirname(os.path.dirname(__file__)),
                         "migrations", "18.0.1.3.0", "pre-migrate.py")

# names that say "money" on the suite's models (counts, rates, days... do not)
MONEY_WORDS = ("amount", "salary", "payroll", "collected", "upward", "kept", "surplus")
NOT_MONEY = {("union.dues.line", "rate"), ("union.share.rule", "dues_kept_percent"),
             ("union.share.rule", "fund_kept_percent")}


def _column_type(cr, table, column):
    cr.execute("""SELECT data_type FROM information_schema.columns
                   WHERE table_schema = current_schema() AND table_name = %s AND column_name = %s""",
               [table, column])
    row = cr.fetchone()
    return row and row[0]


@tagged("post_install", "-at_install")
class TestMonetary(UnionFinanceCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.migration = load_script(MIGRATION, "union_finance_pre_migrate_18_0_1_3_0")

    def _union_models(self):
        return [model for name, model in self.env.registry.items()
                if name.startswith("union.") and not model._abstract]

    def test_no_integer_or_float_money_field(self):
        """No field of the suite whose name says money is an Integer or a Float."""
        wrong = [f"{model._name}.{name} ({field.type})"
                 for model in self._union_models() for name, field in model._fields.items()
                 if field.type in ("integer", "float") and (model._name, name) not in NOT_MONEY
                 and any(word in name for word in MONEY_WORDS)
                 and not name.endswith(("_percent", "_count", "_multiple"))]
        self.assertFalse(wrong, "money fields that are not Monetary")
        for model, names in (
                ("union.dues.line", ("base_salary", "base_amount", "cap", "amount", "amount_residual",
                                     "amount_paid", "amount_surplus")),
                ("union.fund.contribution", ("payroll_fund", "amount_due", "amount_kept")),
                ("union.remittance", ("collected_dues", "collected_fund", "dues_upward", "amount")),
                ("union.dues.rule", ("fixed_amount",)), ("union.base.salary", ("amount",)),
                ("union.welfare.kind", ("default_amount",)), ("union.member", ("dues_amount_due",)),
                ("union.organization", ("dues_amount_due",))):
            for name in names:
                self.assertEqual(self.env[model]._fields[name].type, "monetary", f"{model}.{name}")

    def test_every_stored_amount_is_migrated(self):
        """Every stored Monetary column of union_finance's own tables is in the migration's
        list (a column left out would be emptied by Odoo's type change), and is numeric."""
        listed = set(self.migration.MONEY_COLUMNS)
        for model in self._union_models():
            if not model._auto:
                continue
            for name, field in model._fields.items():
                if field.type != "monetary" or not field.store or field.inherited \
                        or "union_finance" not in (field._module or ""):
                    continue
                self.assertIn((model._table, name), listed, f"{model._name}.{name}")
                self.assertEqual(_column_type(self.env.cr, model._table, name), "numeric")

    def test_currency_costs_no_new_record_per_amount(self):
        """Monetary's insert (convert_to_column_insert) builds a new record for each value when
        the currency is related through a field given in the create values (company_id,
        member_id...): 5,000 dues bases took 4 times as long. The currencies of stored amounts
        are computed, or related through a field nobody writes."""
        slow = []
        for model in self._union_models():
            for name, field in model._fields.items():
                if field.type != "monetary" or not field.store:
                    continue
                currency = model._fields[field.get_currency_field(model)]
                if currency.related:
                    head = model._fields[currency.related.split(".")[0]]
                    if not head.compute and not head.related:
                        slow.append(f"{model._name}.{name}: {currency.name} related to {currency.related}")
        self.assertFalse(slow)

    def test_migration_keeps_values(self):
        """An int8 amount above 2^31 (and an int4 one) come out of the migration with the same
        value, numeric; the ORM reads them as they were; a second run changes nothing."""
        cr = self.env.cr
        big = 6_543_210_987  # a province's monthly dues: more than an int4 holds
        salary = self.env["union.base.salary"].create({"date_start": date(2099, 1, 1), "amount": big})
        self.env.flush_all()
        # the table as it was before 18.0.1.3.0 (VndAmount: int8; Integer: int4)
        cr.execute("ALTER TABLE union_base_salary ALTER COLUMN amount TYPE int8 USING amount::int8")
        cr.execute("""CREATE TABLE union_money_probe (id serial PRIMARY KEY, big int8, small int4,
                                                      label varchar)""")
        cr.execute("""INSERT INTO union_money_probe (big, small, label)
                      VALUES (%s, 2147483647, 'a'), (-%s, -150000, 'b'), (NULL, 0, 'c')""", [big, big])
        self.assertEqual(_column_type(cr, "union_base_salary", "amount"), "bigint")

        columns = [("union_money_probe", "big"), ("union_money_probe", "small"),
                   ("union_money_probe", "label"), ("union_money_probe", "missing")]
        converted = self.migration.columns_to_numeric(cr, columns)
        self.assertEqual(converted, [("union_money_probe", "big"), ("union_money_probe", "small")])
        self.migration.migrate(cr, "18.0.1.2.0")
        self.assertEqual(_column_type(cr, "union_money_probe", "big"), "numeric")
        self.assertEqual(_column_type(cr, "union_money_probe", "small"), "numeric")
        self.assertEqual(_column_type(cr, "union_money_probe", "label"), "character varying")
        self.assertEqual(_column_type(cr, "union_base_salary", "amount"), "numeric")
        # exact values, compared in PostgreSQL (no float in between)
        cr.execute(SQL("""SELECT label, big = %s::numeric, big = -%s::numeric, big IS NULL,
                                 small::text FROM union_money_probe ORDER BY label""", big, big))
        self.assertEqual(cr.fetchall(), [("a", True, False, False, "2147483647"),
                                         ("b", False, True, False, "-150000"),
                                         ("c", None, None, True, "0")])
        cr.execute("SELECT amount::text FROM union_base_salary WHERE id = %s", [salary.id])
        self.assertEqual(cr.fetchone()[0], str(big))
        salary.invalidate_recordset()
        self.assertEqual(salary.amount, big)
        # run again: nothing left to convert
        self.assertEqual(self.migration.columns_to_numeric(cr, columns), [])

    def test_amounts_in_vnd_are_whole(self):
        """VND has no decimals: the companies' amounts round to one đồng, the rules' amounts
        are in đồng whatever the company, and a whole amount reads as before (1500 == 1500.0)."""
        vnd = self.env.ref("base.VND")
        self.assertEqual((vnd.rounding, vnd.decimal_places), (1.0, 0))
        rule = self.env["union.dues.rule"].search([], limit=1)
        self.assertEqual(rule.currency_id, vnd)
        self.assertEqual(self.env["union.base.salary"].search([], limit=1).currency_id, vnd)
        base = self.env["union.member.dues.base"].search([("member_id", "=", self.member_a1.id)])
        self.assertEqual(base.currency_id, self.member_a1.company_id.currency_id)
        self.assertEqual(base.amount, 17_600_000)
        self.assertEqual(self.member_a1.dues_current_base, 17_600_000)
        self.assertEqual(self.member_a1.dues_currency_id, self.member_a1.company_id.currency_id)
        self.assertEqual(self.unit_a.dues_currency_id, self.unit_a.company_id.currency_id)

    def test_views_carry_the_currency(self):
        """Every form and list of the suite showing an amount also reads its currency, so that
        the web client writes VND without decimals (a monetary field without its currency
        falls back to two decimals)."""
        views = self.env["ir.ui.view"].search([
            ("model", "=like", "union.%"), ("type", "in", ("form", "list")), ("mode", "=", "primary")])
        missing = []
        for view in views:
            if view.model not in self.env:
                continue
            info = self.env[view.model].get_view(view.id, view.type)
            for model_name, field_names in info["models"].items():
                fields_ = self.env[model_name]._fields
                for name in field_names:
                    field = fields_.get(name)
                    if field is not None and field.type == "monetary":
                        currency = field.get_currency_field(self.env[model_name])
                        if currency not in field_names:
                            missing.append(f"{view.xml_id or view.name}: {model_name}.{name} "
                                           f"without {currency}")
        self.assertFalse(missing)
