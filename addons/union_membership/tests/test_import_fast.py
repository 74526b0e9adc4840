"""The import's batch creation of members (models/union_member_import.py, tools/bulk.py): the
same records as union.member.create, stored computed fields included, with or without the fast
path; the fallback policy; the record rules and constraints checked on the batch."""
import base64
from datetime import date
from unittest.mock import patch

from odoo import api, tools
from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Field
from odoo.models import BaseModel

from odoo.addons.union_membership.models.union_member import UnionMember as BaseMember
from odoo.addons.union_membership.models.union_member_import import UnionMember as FastMember
from odoo.addons.union_membership.tools import bulk

from .common import UnionCommon
from .test_import_export import HEADERS, xlsx

#: fields that differ between any two records by nature
OWN_FIELDS = {"id", "create_date", "write_date", "create_uid", "write_uid", "partner_id", "member_code",
              "citizen_id", "verify_token", "member_id", "display_name", "__last_update",
              "commercial_partner_id"}


class TestImportFast(UnionCommon):

    def row(self, index):
        return {"Họ và tên": " Đặng  Thị Thu ", "Giới tính": "Nữ", "Ngày sinh": "02/03/1988",
                "Số CCCD/Hộ chiếu": f"0011880{index:05d}", "Mã đơn vị": "T-A-T1", "Ngày vào công đoàn": "01/09/2012",
                "Dân tộc": "Tày", "Trình độ": "Thạc sĩ", "Chức vụ/Công việc": "Giáo viên",
                "Nơi làm việc": "Trường THPT A", "Đảng viên": "x", "Chức vụ công đoàn": "Tổ trưởng",
                "Điện thoại": "0912 345 678", "Email": "Thu.Dang@Example.vn", "Địa chỉ": "12 Lê Lợi"}

    def import_rows(self, rows, user=None):
        wizard = self.env["union.member.import.wizard"].with_user(user or self.user_officer_a).create({
            "file": base64.b64encode(xlsx(rows, headers=HEADERS)), "filename": "nhanh.xlsx"})
        wizard.action_import()
        self.assertEqual(wizard.state, "done", wizard.summary)
        return self.env["union.member"].search([("citizen_id", "in", [
            r["Số CCCD/Hộ chiếu"] for r in rows])], order="citizen_id")

    def reference(self):
        """The same person created by union.member.create, as the officer does in the form."""
        ethnicity = self.env["union.ethnicity"].search([("name", "=", "Tày")])
        return self.env["union.member"].with_user(self.user_officer_a).create({
            "name": "Đặng Thị Thu", "gender": "female", "birth_date": date(1988, 3, 2),
            "citizen_id": "001188099999", "organization_id": self.group_a.id, "date_joined": date(2012, 9, 1),
            "ethnicity_id": ethnicity.id, "education_level": "master", "job_title": "Giáo viên",
            "workplace": "Trường THPT A", "party_member": True, "union_position": "Tổ trưởng",
            "phone": "0912 345 678", "email": "Thu.Dang@Example.vn", "street": "12 Lê Lợi"})

    def stored_values(self, records):
        """{field: value} of every stored field (computed ones included) of one record."""
        self.env.flush_all()
        records.invalidate_recordset()
        names = [name for name, field in records._fields.items()
                 if field.store and name not in OWN_FIELDS and not field.inherited
                 and field.type not in ("one2many", "many2many", "binary")]
        values = records.sudo().read(names, load=None)[0]
        return {name: value for name, value in values.items() if name not in OWN_FIELDS}

    def assert_same_as_create(self, member):
        reference = self.reference()
        self.assertTrue(member.citizen_id and member.member_code and member.verify_token)
        self.assertEqual(self.stored_values(member), self.stored_values(reference))
        partner, ref_partner = member.partner_id, reference.partner_id
        self.assertEqual(self.stored_values(partner), self.stored_values(ref_partner))
        # the fields that point to the record itself
        self.assertEqual(partner.commercial_partner_id, partner)
        self.assertEqual(ref_partner.commercial_partner_id, ref_partner)
        self.assertEqual((partner.complete_name, partner.email_normalized, partner.phone_sanitized,
                          partner.partner_share, partner.display_name),
                         (ref_partner.complete_name, ref_partner.email_normalized, ref_partner.phone_sanitized,
                          ref_partner.partner_share, ref_partner.display_name))
        if "trust" in partner._fields:  # a company-dependent default (account)
            self.assertEqual(partner.trust, ref_partner.trust)
        event, ref_event = member.event_ids, reference.event_ids
        self.assertEqual(len(event), 1)
        self.assertEqual(self.stored_values(event), dict(self.stored_values(ref_event), reason=event.reason))
        self.assertTrue(event.reason)
        self.assertEqual((member.state, member.organization_id, member.company_id),
                         ("active", self.group_a, self.group_a.company_id))

    def test_fast_path_is_taken(self):
        self.assertTrue(self.env["union.member"]._union_fast_create_supported(),
                        "a create() override unknown to the import's fast path: check it and list it in "
                        "KNOWN_CREATE_OVERRIDES, or the import falls back to the slow create")
        created_by_orm = []

        def orm_create(model, data_list):
            created_by_orm.append(model._name)
            return orm_create.original(model, data_list)
        orm_create.original = BaseModel._create
        with patch.object(FastMember, "_union_fast_create", autospec=True,
                          side_effect=FastMember._union_fast_create) as fast, \
                patch.object(BaseMember, "create", autospec=True, side_effect=BaseMember.create) as slow, \
                patch.object(BaseModel, "_create", orm_create):
            members = self.import_rows([self.row(1), self.row(2)])
        self.assertEqual(fast.call_count, 1)
        slow.assert_not_called()  # no fallback to union.member.create
        # nor to the ORM's row insert (see insert_batch)
        self.assertFalse({"res.partner", "union.member", "union.member.event"} & set(created_by_orm),
                         created_by_orm)
        self.assertEqual(len(members), 2)
        self.assertEqual(len(set(members.mapped("verify_token"))), 2, "a token of its own for each member")
        self.assertEqual(len(set(members.mapped("member_code"))), 2)
        self.assert_same_as_create(members[0])

    def test_fallback_gives_the_same(self):
        with patch.object(FastMember, "_union_fast_create_supported", return_value=False), \
                patch.object(FastMember, "_union_fast_create", autospec=True) as fast:
            members = self.import_rows([self.row(3)])
        fast.assert_not_called()
        self.assert_same_as_create(members)

    def test_batch_create_respects_record_rules(self):
        """An officer's batch stays inside their units (the record rules are checked on the rows)."""
        vals = {"name": "Ngoài phạm vi", "citizen_id": "001188088888", "organization_id": self.unit_b.id}
        with self.assertRaises(AccessError):
            self.env["union.member"].with_user(self.user_officer_a)._union_import_create([vals], "x")

    def import_variants(self, first_index, fast=True):
        """Rows whose contact fields Odoo computes differently: no phone, a foreign phone, no
        e-mail, a name with spaces around; through the fast path or the ORM."""
        rows = [self.row(first_index + offset) for offset in range(4)]
        rows[0]["Điện thoại"] = None
        rows[1]["Điện thoại"] = "+33 6 12 34 56 78"
        rows[2]["Email"] = None
        rows[3]["Họ và tên"] = "  Lò   Văn Pó  "
        if fast:
            return self.import_rows(rows)
        with patch.object(FastMember, "_union_fast_create_supported", return_value=False):
            return self.import_rows(rows)

    def test_plain_contact_fields_computed_in_bulk(self):
        """The contact fields Odoo would compute after the insert are written by the insert
        itself (tools/bulk.py): Odoo's methods do not run for the new contacts, and the
        values are the ones the ORM's create gives, row by row."""
        supported = bulk.plain_contact_fields(self.env["res.partner"])
        self.assertTrue({"commercial_partner_id", "complete_name", "email_normalized", "phone_sanitized",
                         "partner_share"} <= set(supported), supported)
        computed = []
        real = Field.compute_value

        def compute_value(field, records):
            if field.model_name == "res.partner":
                computed.append((field.name, set(records.ids)))
            return real(field, records)
        with patch.object(Field, "compute_value", compute_value):
            fast = self.import_variants(11)
        new_ids = set(fast.partner_id.ids)
        again = {name for name, ids in computed if ids & new_ids}
        self.assertFalse(again & set(supported), "computed again by Odoo after the insert")
        orm = self.import_variants(21, fast=False)
        self.assertEqual(len(fast), 4)
        for member, reference in zip(fast, orm):
            partner, ref_partner = member.partner_id, reference.partner_id
            self.assertEqual(self.stored_values(partner), self.stored_values(ref_partner))
            self.assertEqual(partner.commercial_partner_id, partner)
        # (formatted when the phonenumbers library is there, as written otherwise: as Odoo does)
        self.assertEqual([bool(phone) for phone in fast.partner_id.mapped("phone_sanitized")],
                         [False, True, True, True])
        self.assertEqual(fast.partner_id.mapped("email_normalized"),
                         ["thu.dang@example.vn", "thu.dang@example.vn", False, "thu.dang@example.vn"])
        self.assertEqual(fast[3].partner_id.complete_name, fast[3].partner_id.name.strip())

    def test_overridden_method_left_to_odoo(self):
        """A module overriding one of the methods a value relies on: Odoo computes that field,
        the others are still filled by the insert; the records are the same."""
        owners = dict(bulk.METHOD_OWNERS)
        owners["complete_name"] = ("_compute_complete_name", {"_get_complete_name": "odoo.addons.some_module"})
        with patch.object(bulk, "METHOD_OWNERS", owners):
            self.assertNotIn("complete_name", bulk.plain_contact_fields(self.env["res.partner"]))
            self.assertIn("email_normalized", bulk.plain_contact_fields(self.env["res.partner"]))
            members = self.import_rows([self.row(31)])
        self.assert_same_as_create(members)

    def test_rows_not_plain(self):
        """A row that is not a plain contact (a company name): nothing is filled, Odoo computes."""
        partners = self.env["res.partner"]
        rows = [{"name": "A"}, {"name": "B", "company_name": "Trường THPT A"}]
        self.assertEqual(bulk.fill_plain_contacts(partners, rows, [1, 2]), [])
        self.assertNotIn("complete_name", rows[0])
        rows = [{"name": " A "}, {"name": "B", "email": "X@Y.vn"}]
        names = bulk.fill_plain_contacts(partners, rows, [7, 8])
        self.assertIn("complete_name", names)
        self.assertEqual([row["complete_name"] for row in rows], ["A", "B"])
        self.assertEqual([row["commercial_partner_id"] for row in rows], [7, 8])
        self.assertEqual(rows[1]["email_normalized"], "x@y.vn")

    def test_import_without_vietnamese_installed(self):
        """The nationality column reads Vietnamese country names only when vi_VN is installed:
        on a database without it (the benchmarks' province) the import still works."""
        self.env["res.users"].with_context(active_test=False).search([("lang", "=", "vi_VN")]).lang = "en_US"
        # as on a database where it was never loaded (the website's check on write does not apply)
        self.env.cr.execute("UPDATE res_lang SET active = (code = 'en_US') WHERE code IN ('en_US', 'vi_VN')")
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        self.assertFalse(self.env["res.lang"]._lang_get("vi_VN"))
        row = dict(self.row(61), **{"Quốc tịch": "Viet Nam"})
        members = self.import_rows([row])
        self.assertEqual(len(members), 1)
        self.assertEqual(members.nationality_id, self.env.ref("base.vn"))

    def test_email_normalized_as_odoo_does(self):
        """A plain address is lowercased without the e-mail parser; anything else goes through
        Odoo's own email_normalize: the same result either way."""
        for email in ("Thu.Dang@Example.vn", "a+b_c%d-e@sub.example.com.vn", "X@Y.vn", "a..b@x.vn",
                      ".a@x.vn", "a.@x.vn", "Thu <thu@x.vn>", "thu@x", "thu@@x.vn", "ĐẶNG@x.vn",
                      "thu@ĐẶNG.vn", "a b@x.vn", '"a"@x.vn', "a@x.vn, b@y.vn", "@x.vn", "", False, None):
            with self.subTest(email=email):
                self.assertEqual(bulk.email_normalize(email), tools.email_normalize(email, strict=False))

    def test_unexpected_error_falls_back_to_the_orm(self):
        """The fallback policy (tools/bulk.py): an error the fast path did not foresee (here its
        COPY breaks after the contacts went in) rolls back what it wrote, and the ORM's create
        does the work: the same members, once."""
        broken = []

        def copy_insert(cr, table, columns, rows):
            if table == "union_member":
                broken.append(table)
                raise RuntimeError("COPY protocol error")
            return real_copy(cr, table, columns, rows)
        real_copy = bulk.copy_insert
        partners_before = self.env["res.partner"].search_count([("name", "=", "Đặng Thị Thu")])
        with patch.object(bulk, "copy_insert", copy_insert), \
                patch.object(BaseMember, "create", autospec=True, side_effect=BaseMember.create) as slow, \
                self.assertLogs("odoo.addons.union_membership.tools.bulk", "WARNING") as logs:
            members = self.import_rows([self.row(41), self.row(42)])
        self.assertEqual(broken, ["union_member"])
        self.assertEqual(slow.call_count, 1)
        self.assertIn("the ORM path does the work", logs.output[0])
        self.assertEqual(len(members), 2)
        self.assertEqual(self.env["res.partner"].search_count([("name", "=", "Đặng Thị Thu")]),
                         partners_before + 2, "the contacts of the failed fast path were rolled back")
        self.assert_same_as_create(members[0])

    def test_verdicts_are_not_retried_by_the_orm(self):
        """A record rule or a constraint refusing rows is the answer: no second try."""
        vals = {"name": "Ngoài phạm vi", "citizen_id": "001188088887", "organization_id": self.unit_b.id}
        with patch.object(BaseMember, "create", autospec=True, side_effect=BaseMember.create) as slow, \
                self.assertRaises(AccessError):
            self.env["union.member"].with_user(self.user_officer_a)._union_import_create([vals], "x")
        slow.assert_not_called()

    def constraint(self, model_name, field_name, value):
        """A constraint added for the test only, as another module would add it: rows whose
        ``field_name`` is ``value`` are refused."""
        cls = type(self.env[model_name])

        @api.constrains(field_name)
        def _check_test_only(records):
            if any(record[field_name] == value for record in records):
                raise ValidationError(f"{field_name} {value} refused by a test constraint")
        return patch.object(cls, "_constraint_methods", [*self.env[model_name]._constraint_methods, _check_test_only])

    def test_constraints_of_every_written_model_are_checked_on_the_batch(self):
        """Every @api.constrains of the members and of their contacts holds for the batch:
        a constraint another module adds refuses the import, and nothing is written."""
        for model_name, field_name, value, cell in (
                ("union.member", "workplace", "Trường bị cấm", "Nơi làm việc"),
                ("res.partner", "street", "Phố bị cấm", "Địa chỉ"),
                ("union.member.event", "date", date(2015, 5, 5), "Ngày vào công đoàn")):
            with self.subTest(model=model_name):
                rows = [self.row(51), self.row(52)]
                rows[1][cell] = value.strftime("%d/%m/%Y") if isinstance(value, date) else value
                wizard = self.env["union.member.import.wizard"].with_user(self.user_officer_a).create({
                    "file": base64.b64encode(xlsx(rows, headers=HEADERS)), "filename": "rang_buoc.xlsx"})
                with self.constraint(model_name, field_name, value), \
                        patch.object(BaseMember, "create", autospec=True, side_effect=BaseMember.create) as slow, \
                        self.assertRaisesRegex(ValidationError, "refused by a test constraint"):
                    wizard.action_import()
                slow.assert_not_called()  # refused by the fast path itself, not by a fallback
                self.assertFalse(self.env["union.member"].search(
                    [("citizen_id", "in", [row["Số CCCD/Hộ chiếu"] for row in rows])]))

    def test_constraints_read_what_was_written(self):
        """The batch's constraints find in the cache the values just written of the fields they
        name (no read-back of the rows), exactly what reading the database gives."""
        rows = [self.row(61), self.row(62)]
        rows[1].update({"Ngày sinh": "", "Giới tính": "Nam", "Số CCCD/Hộ chiếu": "001088000062"})
        seen = {}
        original = BaseModel._validate_fields

        def check(records, field_names, excluded_names=()):
            if records._name in ("union.member", "union.member.event") and records:
                # the fields named by the constraints that run (a written field among theirs)
                named = {name for method in records._constraint_methods
                         if not set(field_names).isdisjoint(method._constrains) for name in method._constrains}
                for name in sorted(named):
                    field = records._fields[name]
                    if field.store and not field.compute and not field.company_dependent:
                        # a miss would raise CacheMiss here
                        seen[records._name, name] = [records.env.cache.get(record, field) for record in records]
            return original(records, field_names, excluded_names)

        with patch.object(BaseModel, "_validate_fields", check), \
                patch.object(BaseMember, "create", autospec=True, side_effect=BaseMember.create) as slow:
            members = self.import_rows(rows)
        slow.assert_not_called()
        self.assertEqual(len(members), 2)
        self.assertIn(("union.member", "citizen_id"), seen)
        self.assertIn(("union.member", "id_document_number"), seen, "a named field no row writes: NULL")
        self.env.invalidate_all()
        for (model_name, name), cached in seen.items():
            records = members if model_name == "union.member" else members.event_ids
            with self.subTest(field=name):
                stored = {record.id: record[name] for record in records.sudo()}
                field = records._fields[name]
                expected = [field.convert_to_cache(stored[record.id], records, validate=False)
                            if field.type != "many2one" else stored[record.id].id or None
                            for record in records.sorted("id")]
                self.assertEqual(cached, expected)

    def test_one_index_per_identifier_column(self):
        """A member's identifier columns have one index each, their unique constraint's: the
        plain index that earlier versions added beside it slowed every insert (issue 19)."""
        self.env.cr.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'union_member'")
        names = {row[0] for row in self.env.cr.fetchall()}
        for column in BaseMember.UNIQUE_INDEXED:
            self.assertIn(f"union_member_{column}_unique", names)
            self.assertNotIn(f"union_member__{column}_index", names)

    def test_chunks_inserted_while_the_next_are_made(self):
        """The rows go to PostgreSQL chunk by chunk, each made while the previous one is
        inserted (tools/bulk.py): one row a chunk here, the same members as create's."""
        with patch.object(bulk, "CHUNK", 1), \
                patch.object(BaseMember, "create", autospec=True, side_effect=BaseMember.create) as slow:
            members = self.import_rows([self.row(71), self.row(72), self.row(73)])
        slow.assert_not_called()
        self.assertEqual(len(members), 3)
        self.assertEqual(len(members.event_ids), 3)
        self.assert_same_as_create(members[1])
