from datetime import date

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoGenerator(TransactionCase):
    """The generator used by the demo database and the benchmarks builds a coherent province."""

    def test_small_province(self):
        result = self.env["union.membership.demo.province"].with_context(tracking_disable=True)._generate_province(
            grassroots=6, members=120, seed=7, prefix="TT")
        self.assertEqual(len(result["schools"]), 6)
        self.assertEqual(len(result["members"]), 120)
        self.assertTrue(all(result["schools"].mapped(lambda s: s.parent_id == result["sector"])))
        members = result["members"]
        self.assertEqual(len(set(members.mapped("citizen_id"))), 120)
        dissolved = result["dissolved"]
        self.assertEqual(dissolved.state, "dissolved")
        gone = members.filtered(lambda m: m.organization_id in dissolved._get_subtree())
        self.assertTrue(gone)
        self.assertEqual(set(gone.mapped("state")), {"left"})
        # before the 2025 reform they were members
        before = self.env["union.member"]._get_members_at(date(2025, 5, 31), dissolved)
        self.assertEqual(before, gone)
        self.assertGreater(result["sector"].member_count_total, 90)

    def test_enterprise_union_with_a_foreign_member(self):
        generator = self.env["union.membership.demo.province"].with_context(tracking_disable=True)
        result = generator._generate_province(grassroots=2, members=20, seed=7, prefix="TT")
        members = result["members"]
        self.assertTrue(all(members.mapped("date_employed")))
        self.assertTrue(all(m.date_employed <= m.date_joined for m in members))
        unit, foreigner = generator._generate_enterprise_union(result["federation"], prefix="TT")
        self.assertEqual((unit.funding_type, unit.level), ("enterprise", "grassroots"))
        self.assertEqual(foreigner.organization_id, unit)
        self.assertEqual(foreigner.state, "active")
        self.assertEqual(foreigner.nationality_id.code, "KR")
        self.assertEqual(foreigner.id_document_type, "passport")

    def test_the_2025_reorganisation(self):
        """The demo's timeline: fully state-funded schools end on 1 June 2025, the education union
        on 30 June 2025, the continuing schools pass to the Lâm Đồng federation or a commune/ward
        union; history before mid-2025 shows the education union as it was."""
        generator = self.env["union.membership.demo.province"].with_context(tracking_disable=True)
        result = generator._generate_province(grassroots=8, members=160, seed=7, prefix="TR", with_reform="2025")
        sector, successor, commune = result["sector"], result["successor"], result["commune"]
        dissolved = result["dissolved"]
        self.assertEqual(len(dissolved), 2)
        self.assertEqual(set(dissolved.mapped("date_ended")), {date(2025, 6, 1)})
        self.assertEqual((sector.state, sector.date_ended), ("merged", date(2025, 6, 30)))
        self.assertEqual((result["dak_nong"].state, result["dak_nong"].date_ended), ("merged", date(2025, 7, 1)))
        # ended units stay where they ended
        self.assertEqual(sector.parent_id, result["dak_nong"])
        self.assertEqual(dissolved.parent_id, sector)
        # the Lâm Đồng federation is their successor and keeps their archive
        self.assertEqual((sector.merged_into_id, result["dak_nong"].merged_into_id), (result["dak_nong"], successor))
        self.assertTrue(all(successor in unit.successor_ids for unit in sector | result["dak_nong"] | dissolved))
        continuing = result["schools"] - dissolved
        self.assertTrue(all(s.parent_id in (successor | commune) for s in continuing))
        self.assertTrue(commune.child_ids)
        self.assertEqual(commune.unit_kind, "commune")
        # members of the ended schools: no longer members from 1 June 2025, members before
        Member = self.env["union.member"]
        self.assertTrue(Member._get_members_at(date(2025, 5, 31), dissolved))
        self.assertFalse(Member._get_members_at(date(2025, 6, 1), dissolved))
        # the tree as at a date
        Org = self.env["union.organization"]
        school = continuing[0]
        self.assertEqual(Org._get_tree_at(date(2025, 5, 31))[school.id]["parent_id"], sector.id)
        self.assertIn(Org._get_tree_at(date(2026, 1, 1))[school.id]["parent_id"], (successor | commune).ids)
        self.assertNotIn(successor.id, Org._get_tree_at(date(2025, 6, 30)))
        # between the moves (July 2025) and the first later movements (September 2025)
        everyone = Member._get_members_at(date(2025, 7, 20), successor)
        self.assertEqual(everyone, Member._get_members_at(date(2025, 5, 31), continuing))
