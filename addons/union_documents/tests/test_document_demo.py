from datetime import date

from odoo.tests import tagged

from ..rules import numbering
from .common import UnionDocumentsCommon


@tagged("post_install", "-at_install")
class TestDocumentDemo(UnionDocumentsCommon):
    """The demo year, built on this test's small province (named as the demo province's units)."""

    def test_demo_year_is_numbered_distributed_and_handled(self):
        records = [("demo_org_federation", self.federation), ("demo_org_sector", self.upper),
                   ("demo_org_school", self.unit_a), ("demo_user_upper", self.user_upper),
                   ("demo_user_officer", self.user_officer_a)]
        self.env["ir.model.data"]._update_xmlids([
            {"xml_id": f"union_membership.{name}", "record": record, "noupdate": True}
            for name, record in records])
        end = date(2026, 11, 23)
        result = self.env["union.document.demo"].with_context(
            tracking_disable=True, mail_create_nolog=True, lang="vi_VN")._generate_year(end)
        outgoing, incoming = result["outgoing"], result["incoming"]
        self.assertTrue(all(d.state == "released" for d in outgoing))
        dates = outgoing.mapped("document_date")
        self.assertEqual((min(dates) >= date(2025, 12, 1), max(dates) <= end), (True, True))

        # every register: numbers 1..n without gap, in date order, its last number the highest
        registers = (outgoing | incoming).register_id
        self.assertIn(True, registers.mapped("is_secret"), "the secret letter has its own register")
        for register in registers:
            docs = register.document_ids.sorted(lambda d: (d.number))
            self.assertEqual(docs.mapped("number"), list(range(1, len(docs) + 1)), register.name)
            self.assertEqual(register.last_number, len(docs))
            self.assertFalse(numbering.find_gaps(docs.mapped("number")))
            key = "document_date" if register.direction == "outgoing" else "date_received"
            self.assertEqual(docs.mapped(key), sorted(docs.mapped(key)), register.name)
            self.assertTrue(all(d[key].year == register.year for d in docs))
        # the sector union's series restarts at 01 on 1 January
        sector_out = outgoing.filtered(lambda d: d.organization_id == self.upper)
        first_2026 = sector_out.filtered(lambda d: d.document_date.year == 2026).sorted("number")[:1]
        self.assertEqual(first_2026.number_symbol, "01/KH-CĐN")
        self.assertEqual(first_2026.subject, "Kế hoạch hoạt động công đoàn năm 2026")
        letter = sector_out.filtered(lambda d: not d.type_id.abbreviation)[:1]
        self.assertRegex(letter.number_symbol, r"^\d{2}/CĐN-(ToC|VP)$")

        # distributed to each grassroots union, as a release does, with read receipts
        plan = sector_out.filtered(lambda d: d.type_id == self.type_plan)[:1]
        self.assertEqual(plan.distribution_ids.organization_id, self.unit_a | self.unit_b)
        copies = incoming.filtered(lambda c: c.source_document_id == plan)
        self.assertEqual(copies.organization_id, self.unit_a | self.unit_b)
        self.assertEqual(set(copies.mapped("number_symbol")), {plan.number_symbol})
        lines = sector_out.distribution_ids.filtered("organization_id")
        self.assertTrue(lines.filtered("read_date") and lines.filtered(lambda line: not line.read_date))
        self.assertTrue(self.env["union.document"].with_user(self.user_officer_b).search(
            [("source_document_id", "=", plan.id)]), "the sibling school's officer sees its copy")

        # letters from the federation and from outside are handled; a few are late
        handled = incoming.filtered(lambda c: c.organization_id == self.upper and c.lead_handler_id)
        self.assertTrue(handled.filtered(lambda c: c.state == "done"))
        overdue = self.env["union.document"].search([("id", "in", incoming.ids), ("is_overdue", "=", True)])
        self.assertTrue(overdue)
        self.assertTrue(all(d.activity_ids for d in overdue))
        self.assertTrue(incoming.filtered(lambda c: c.receive_channel == "paper" and c.organization_id == self.upper))
        # the school's reports went up to the sector union, and the sector union's reports answer
        # the federation's requests
        reports_up = incoming.filtered(lambda c: c.organization_id == self.upper
                                       and c.issuer_organization_id == self.unit_a)
        self.assertTrue(reports_up)
        answered = incoming.filtered("answer_document_id")
        self.assertTrue(answered and all(a.state == "done" and a.answer_document_id.reply_to_id == a
                                         for a in answered))

    def test_demo_follows_the_2025_timeline(self):
        """The education union writes until it ends (30 June 2025), the Lâm Đồng federation from
        the next day; no unit gets a document after it ended; the ended unit's registers close."""
        Org = self.env["union.organization"]
        successor = Org.create({"name": "Liên đoàn Lao động tỉnh Lâm Đồng", "code": "T-LD", "short_name": "LĐLĐ",
                                "level": "federation", "unit_kind": "province", "date_founded": date(2025, 7, 1)})
        Merge = self.env["union.organization.merge"]
        for source, target, on_date in ((self.upper, self.federation, date(2025, 6, 30)),
                                        (self.federation, successor, date(2025, 7, 1))):
            Merge.create({"mode": "merge", "source_ids": [(6, 0, source.ids)], "target_id": target.id,
                          "date": on_date, "decision_ref": f"T-{on_date}"}).action_confirm()
        commune = Org.create({"name": "Công đoàn phường Nam Gia Nghĩa", "code": "T-PNGN", "short_name": "CĐP",
                              "level": "upper", "unit_kind": "commune", "parent_id": successor.id,
                              "date_founded": date(2025, 7, 1)})
        records = [("demo_org_federation", successor), ("demo_org_sector", successor),
                   ("demo_org_education_union", self.upper), ("demo_org_commune", commune),
                   ("demo_org_school", self.unit_a), ("demo_user_upper", self.user_upper),
                   ("demo_user_officer", self.user_officer_a)]
        self.env["ir.model.data"]._update_xmlids([
            {"xml_id": f"union_membership.{name}", "record": record, "noupdate": True}
            for name, record in records])
        end = date(2026, 11, 23)
        result = self.env["union.document.demo"].with_context(
            tracking_disable=True, mail_create_nolog=True, lang="vi_VN")._generate_year(end, start=date(2025, 1, 1))
        outgoing, incoming = result["outgoing"], result["incoming"]
        by_unit = {unit: outgoing.filtered(lambda d, u=unit: d.organization_id == u).mapped("document_date")
                   for unit in (self.upper, self.federation, successor)}
        self.assertTrue(by_unit[self.upper] and max(by_unit[self.upper]) < date(2025, 6, 30))
        self.assertTrue(by_unit[self.federation] and max(by_unit[self.federation]) < date(2025, 7, 1))
        self.assertTrue(by_unit[successor] and min(by_unit[successor]) >= date(2025, 7, 1))
        # nothing received by a unit after it ended; the ended units' copies are all handled
        for unit in (self.upper, self.federation):
            copies = incoming.filtered(lambda c, u=unit: c.organization_id == u)
            self.assertTrue(copies)
            self.assertLess(max(copies.mapped("date_received")), unit.date_ended)
            self.assertEqual(set(copies.mapped("state")), {"done"}, unit.name)
        # the schools receive from the education union before, from the federation after
        def before(records, field, day):
            return records.filtered(lambda r: r[field] < day)

        def after(records, field, day):
            return records.filtered(lambda r: r[field] > day)

        school_copies = incoming.filtered(lambda c: c.organization_id == self.unit_a and c.source_document_id)
        self.assertEqual(before(school_copies, "date_received", date(2025, 6, 30)).issuer_organization_id, self.upper)
        self.assertEqual(after(school_copies, "date_received", date(2025, 7, 1)).issuer_organization_id, successor)
        # the federation writes to the commune union under it; the school reports to its upper unit at the date
        self.assertTrue(incoming.filtered(lambda c: c.organization_id == commune
                                          and c.issuer_organization_id == successor))
        reports = outgoing.filtered(lambda d: d.organization_id == self.unit_a)
        self.assertEqual(before(reports, "document_date", date(2025, 6, 30)).recipient_organization_ids, self.upper)
        self.assertEqual(after(reports, "document_date", date(2025, 7, 1)).recipient_organization_ids, successor)
        # the education union's registers of 2025 closed on its end date; its numbers stay valid
        closed = (outgoing | incoming).register_id.filtered(lambda r: r.organization_id == self.upper)
        self.assertEqual(set(closed.mapped("date_closed")), {date(2025, 6, 30)})
