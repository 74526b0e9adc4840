import threading
from datetime import date
from unittest.mock import patch

from odoo import SUPERUSER_ID, api
from odoo.exceptions import ValidationError
from odoo.service.model import retrying
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import UnionDocumentsCommon


@tagged("post_install", "-at_install")
class TestDocumentNumbering(UnionDocumentsCommon):

    def test_document_types_seeded_from_decree_30(self):
        types = self.env["union.document.type"].search([("in_decree_30", "=", True)])
        by_abbr = {t.abbreviation: t.name for t in types if t.abbreviation}
        self.assertEqual(len(by_abbr), 27, "27 typed documents in Decree 30 plus công văn and thư công")
        self.assertEqual(by_abbr["QyĐ"], "Quy định")
        self.assertEqual(by_abbr["CTr"], "Chương trình")
        self.assertFalse(self.type_letter.abbreviation)

    def test_release_numbers_and_symbols(self):
        doc1 = self._release(self._draft())
        doc2 = self._release(self._draft(type_id=self.type_letter.id, department_code="ToC",
                                         subject="Về việc tổng kết năm học"))
        self.assertEqual(doc1.number_symbol, "01/KH-CĐN")
        self.assertEqual(doc2.number_symbol, "02/CĐN-ToC")
        self.assertEqual(doc1.register_id, doc2.register_id)
        self.assertEqual(doc1.register_id.last_number, 2)

    def test_secret_documents_have_their_own_series(self):
        normal = self._release(self._draft())
        secret = self._release(self._draft(secrecy="confidential", subject="Báo cáo tình hình nội bộ"))
        self.assertEqual(normal.number, 1)
        self.assertEqual(secret.number, 1)
        self.assertNotEqual(normal.register_id, secret.register_id)
        self.assertTrue(secret.register_id.is_secret)

    def test_numbers_reset_every_year(self):
        old = self._release(self._draft(document_date=date(2025, 12, 31)))
        new = self._release(self._draft(document_date=date(2026, 1, 1)))
        self.assertEqual(old.register_id.year, 2025)
        self.assertEqual(new.register_id.year, 2026)
        self.assertEqual((old.number, new.number), (1, 1))

    def test_hand_typed_duplicate_incoming_number_refused(self):
        Doc = self.env["union.document"].with_user(self.user_officer_a)
        vals = {"direction": "incoming", "organization_id": self.unit_a.id, "type_id": self.type_letter.id,
                "subject": "Công văn của Sở", "issuer_name": "Sở GD&ĐT", "number_symbol": "15/SGDĐT-VP",
                "date_received": date(2026, 3, 2)}
        first = Doc.create(dict(vals, number=7))
        first.action_register()
        self.assertEqual(first.number, 7)
        second = Doc.create(dict(vals, number=7, number_symbol="16/SGDĐT-VP"))
        with self.assertRaisesRegex(ValidationError, "7"):
            second.action_register()
        self.assertEqual(second.state, "draft", "nothing half-written")
        self.assertFalse(second.register_id)
        third = Doc.create(dict(vals, number_symbol="17/SGDĐT-VP"))
        third.action_register()
        self.assertEqual(third.number, 8, "the series goes on after the hand-typed number")


    def _executed(self, func):
        """Run ``func`` and return (result, SQL statements it executed)."""
        cr = self.env.cr
        statements = []
        execute = cr.execute

        def spy(query, params=None, log_exceptions=True):
            statements.append(str(query))
            return execute(query, params, log_exceptions)

        with patch.object(cr, "execute", spy):
            result = func()
        return result, statements

    def test_get_registers_inserts_only_missing_registers(self):
        Register = self.env["union.document.register"]
        key = (self.unit_a.id, "outgoing", 2031, False)
        created, statements = self._executed(lambda: Register._get_registers([key]))
        self.assertEqual(len(created[key]), 1)
        self.assertEqual(sum("INSERT" in q for q in statements), 1, "the first number of a year creates it")
        # an existing register (every release but the year's first) is only read: no INSERT,
        # no write to its row before _take_next_numbers locks it
        again, statements = self._executed(lambda: Register._get_registers([key, key]))
        self.assertEqual(again[key], created[key])
        self.assertFalse([q for q in statements if "INSERT" in q or "UPDATE" in q], statements)
        self.assertEqual(len(statements), 1, statements)
        # a mix: one query to read, one insert for the missing one, one read of it
        other = (self.unit_b.id, "incoming", 2031, True)
        both, statements = self._executed(lambda: Register._get_registers([key, other]))
        self.assertEqual(both[key], created[key])
        self.assertTrue(both[other].is_secret)
        self.assertEqual(sum("INSERT" in q for q in statements), 1)
        self.assertEqual(len(statements), 3, statements)

    def test_take_next_numbers_locks_and_counts_in_one_statement(self):
        Register = self.env["union.document.register"]
        keys = [(self.unit_a.id, "outgoing", 2032, False), (self.unit_b.id, "incoming", 2032, False)]
        regs = Register.browse([r.id for r in Register._get_registers(keys).values()])
        numbers, statements = self._executed(regs._take_next_numbers)
        self.assertEqual(numbers, dict.fromkeys(regs.ids, 1))
        self.assertEqual(len(statements), 1, statements)
        self.assertIn("FOR UPDATE NOWAIT", statements[0])
        self.assertEqual(regs._take_next_numbers(), dict.fromkeys(regs.ids, 2))
        self.assertEqual(regs.mapped("last_number"), [2, 2])


class SimulatedFailure(Exception):
    """A release that fails after taking its numbers."""


@tagged("post_install", "-at_install")
class TestConcurrentNumbering(UnionDocumentsCommon):
    """Releases at the same moment from several database transactions (one cursor per thread),
    each retried on a lock conflict as Odoo's request layer does."""

    THREADS = 5

    def test_concurrent_releases_are_gap_and_duplicate_free(self):
        registry = self.env.registry
        # committed fixtures: other transactions cannot see the test's own transaction
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            sender = env["union.organization"].create({
                "name": "Công đoàn thử đồng thời", "code": "T-CONC-UP", "level": "upper", "short_name": "CĐTĐ"})
            receiver = env["union.organization"].create({
                "name": "CĐCS thử đồng thời", "code": "T-CONC-GR", "level": "grassroots", "short_name": "CĐCS",
                "parent_id": sender.id})
            org_ids = [sender.id, receiver.id]
            partner_ids = (sender | receiver).partner_id.ids
            type_id = env.ref("union_documents.union_document_type_thong_bao").id
            # committed when the block ends

        def cleanup():
            with registry.cursor() as cr:
                cr.execute("SELECT id FROM union_document WHERE organization_id = ANY(%s)", [org_ids])
                doc_ids = [row[0] for row in cr.fetchall()] or [0]
                for model, ids in (("union.document", doc_ids), ("union.organization", org_ids)):
                    cr.execute("DELETE FROM mail_message WHERE model = %s AND res_id = ANY(%s)", [model, ids])
                    cr.execute("DELETE FROM mail_followers WHERE res_model = %s AND res_id = ANY(%s)",
                               [model, ids])
                cr.execute("DELETE FROM union_document WHERE id = ANY(%s)", [doc_ids])
                cr.execute("DELETE FROM union_document_register WHERE organization_id = ANY(%s)", [org_ids])
                cr.execute("DELETE FROM union_organization WHERE id = ANY(%s)", [org_ids[::-1]])
                cr.execute("DELETE FROM res_partner WHERE id = ANY(%s)", [partner_ids])
        self.addCleanup(cleanup)

        barrier = threading.Barrier(self.THREADS)
        results, errors = {}, []

        def worker(index):
            try:
                with registry.cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})

                    def release():
                        doc = env["union.document"].create({
                            "direction": "outgoing", "organization_id": org_ids[0], "type_id": type_id,
                            "subject": f"Thông báo số {index}", "state": "approved", "signer_id": SUPERUSER_ID,
                            "document_date": date(2026, 6, 1), "body": "<p>Thông báo.</p>",
                            "recipient_organization_ids": [(6, 0, [org_ids[1]])]})
                        doc.action_release()
                        if index == 0:
                            # this release fails after taking its numbers: they must come back
                            raise SimulatedFailure()
                        return doc.number

                    barrier.wait(timeout=30)
                    try:
                        # retried on lock conflicts, then committed, as Odoo does for a request
                        results[index] = retrying(release, env)
                    except SimulatedFailure:
                        cr.rollback()
                        results[index] = None
            except Exception as err:  # noqa: BLE001 - reported by the assertion below
                errors.append(repr(err))

        threads = [threading.Thread(target=worker, args=(i,)) for i in range(self.THREADS)]
        with mute_logger("odoo.sql_db", "odoo.service.model"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=120)
        self.assertFalse(errors)
        self.assertEqual(len(results), self.THREADS)
        with registry.cursor() as cr:
            for org_id, direction in zip(org_ids, ("outgoing", "incoming")):
                cr.execute("""SELECT d.number, d.number_symbol, r.last_number
                                FROM union_document d JOIN union_document_register r ON r.id = d.register_id
                               WHERE d.organization_id = %s AND d.direction = %s ORDER BY d.number""",
                           [org_id, direction])
                rows = cr.fetchall()
                self.assertEqual([row[0] for row in rows], list(range(1, self.THREADS)),
                                 f"{direction}: no gap, no duplicate ({results}, {rows})")
                self.assertEqual({row[2] for row in rows}, {self.THREADS - 1},
                                 "the rolled-back numbers were given back")
                if direction == "outgoing":
                    self.assertEqual([row[1] for row in rows],
                                     [f"{n:02d}/TB-CĐTĐ" for n in range(1, self.THREADS)])
        self.assertEqual(sorted(n for n in results.values() if n), list(range(1, self.THREADS)))
