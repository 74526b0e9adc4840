"""18.0.1.1.0: eligibility reasons stored as codes; chatter creation messages in the model's own words.

- Candidate lines kept the text of their eligibility reasons in the language of whoever pressed the
  button (often English). They now keep codes (``eligibility_reasons``) and the text is written in the
  reader's language. Only draft proposals can carry reasons (a proposal is submitted with eligible
  candidates only), so their eligibility is checked again, which stores the codes; the old text column
  is then dropped.
- Records created before carried "<English model name> được tạo" in their chatter; those messages get
  the Vietnamese words the models now use.
"""
from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError

#: model, English description, Vietnamese creation message (as in i18n/vi.po)
CREATION_MESSAGES = [
    ("union.emulation.movement", "Emulation Movement", "Đã tạo phong trào thi đua"),
    ("union.emulation.evaluation", "Yearly Evaluation of a Unit", "Đã tạo bản đánh giá, xếp loại năm"),
    ("union.award.proposal", "Commendation Proposal", "Đã tạo tờ trình đề nghị khen thưởng"),
    ("union.award.decision", "Commendation Decision", "Đã tạo quyết định khen thưởng"),
    ("union.contest", "Online Contest", "Đã tạo cuộc thi trực tuyến"),
]


def _column_exists(cr, table, column):
    cr.execute("SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
               (table, column))
    return bool(cr.fetchone())


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    if _column_exists(cr, "union_award_proposal_line", "eligibility_note"):
        cr.execute("""
            SELECT DISTINCT line.proposal_id
              FROM union_award_proposal_line line
              JOIN union_award_proposal proposal ON proposal.id = line.proposal_id
             WHERE line.eligibility_note IS NOT NULL AND proposal.state = 'draft'
        """)
        for proposal in env["union.award.proposal"].browse([row[0] for row in cr.fetchall()]):
            try:
                with cr.savepoint():
                    proposal.action_check_eligibility()
            except UserError:
                # e.g. no eligibility rule for its date any more: the officer checks it again
                proposal.line_ids.write({"eligible": False, "eligibility_reasons": False})
        cr.execute("ALTER TABLE union_award_proposal_line DROP COLUMN eligibility_note")
    for model, english, vietnamese in CREATION_MESSAGES:
        cr.execute("""
            UPDATE mail_message
               SET body = replace(body, %s, %s)
             WHERE model = %s AND body LIKE %s
        """, (f"{english} được tạo", vietnamese, model, f"%{english} được tạo%"))
