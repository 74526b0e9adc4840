from werkzeug.urls import url_encode

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.union_membership.controllers.portal import UnionPortal, portal_main_object


class UnionGovernancePortal(UnionPortal):

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "union_congress_count" in counters:
            member = self._union_get_member()
            values["union_congress_count"] = len(self._union_participations(member)) if member else 0
        return values

    def _union_prepare_values(self, member, **extra):
        values = super()._union_prepare_values(member, **extra)
        if member and "union_posts" not in values:
            # own posts (record rule of the member group), in one query: /my/union keeps its
            # query budget (union_membership's test_portal); the congresses have their own page
            values["union_posts"] = request.env["union.officer.post"].search_fetch(
                [("member_id", "=", member.id)], ["position_id", "organization_id", "term_id", "date_start",
                                                  "date_end"])
        return values

    def _union_participations(self, member):
        """The member's own participations in congresses not cancelled (record rule of the member group)."""
        return request.env["union.congress.participant"].search(
            [("member_id", "=", member.id), ("congress_id.state", "!=", "cancelled")])

    @http.route("/my/union/congresses", type="http", auth="user", website=True)
    def portal_union_congresses(self, **kw):
        member = self._union_get_member()
        if not member:
            return self._union_not_member()
        values = self._union_prepare_values(member, page_name="union_congresses", union_posts=None,
                                            union_participations=self._union_participations(member))
        return request.render("union_governance.portal_union_congresses", values)

    def _union_congress_participation(self, congress_id):
        """The logged-in user's own participation in a congress, or nothing.

        Searched as the system on the user's own partner, which is exactly what the member's
        record rule on participants says (``member_id.partner_id = user.partner_id``): a voter's
        first page in each worker would otherwise load and evaluate the record rules of the
        member and participant models (about ten queries) before the page itself.
        """
        Participant = request.env["union.congress.participant"]
        if not Participant.has_access("read"):  # e.g. a portal user no longer in the member group
            return Participant
        # sudo: restricted to the user's own partner in the domain itself (see above)
        return Participant.sudo().search(
            [("congress_id", "=", congress_id), ("member_id.partner_id", "=", request.env.user.partner_id.id)],
            order="id", limit=1)

    def _union_render_congress(self, participant):
        # sudo: the congress of the member's own participation, which they may read; read as the
        # system so that the record rule of the congress, its elections and candidates (a path
        # through every participant of the congress) is not evaluated in Python over all the
        # participants for each record read
        congress = participant.congress_id
        # sudo: the participant's own check-in code, shown as their QR code
        checkin_code = participant._get_checkin_code()
        qr_url = "/report/barcode/?" + url_encode(
            {"barcode_type": "QR", "value": checkin_code, "width": 240, "height": 240})
        elections = congress.election_ids
        # sudo: whether the member has voted in each election, for their own voter lines only
        voted = set(request.env["union.election.voter"].sudo().search([
            ("election_id", "in", elections.ids), ("participant_id", "=", participant.id),
            ("voted", "=", True)]).election_id.ids)
        # sudo: the documents the officers attached for the participants, with download tokens
        documents = congress.document_ids
        document_links = []
        for document in documents:
            token = document.access_token or document.generate_access_token()[0]
            document_links.append((document.name, f"/web/content/{document.id}?access_token={token}&download=true"))
        values = self._union_prepare_values(
            participant.member_id, page_name="union_congress", union_posts=None, congress=congress,
            participant=participant,
            qr_url=qr_url, elections=elections, voted_election_ids=voted, document_links=document_links)
        return request.render("union_governance.portal_union_congress", values)

    @http.route("/my/union/congress/<int:congress_id>", type="http", auth="user", website=True)
    def portal_union_congress(self, congress_id, **kw):
        participant = self._union_congress_participation(congress_id)
        if not participant:
            raise request.not_found()
        return self._union_render_congress(participant)

    def _union_election_participation(self, election_id):
        """``(election, participant)``: an election and the logged-in member's own participation
        in its congress, or not found. The election is read as the system: the member may read
        it because they take part in its congress, which their own participation proves, in one
        query instead of the record rule's Python evaluation over every participant of the
        congress."""
        # sudo: see above; nothing of the election is used before the participation is found
        election = request.env["union.election"].sudo().browse(election_id).exists()
        participant = self._union_congress_participation(election.congress_id.id) if election else None
        if not participant:
            raise request.not_found()
        return election, participant

    def _union_render_ballot(self, election, participant, **extra):
        """The ballot page: one election, its candidates and the form, nothing else."""
        # sudo: whether the member has voted, from their own voter line only
        voter = request.env["union.election.voter"].sudo().search_fetch(
            [("election_id", "=", election.id), ("participant_id", "=", participant.id)], ["voted"], order="id",
            limit=1)
        values = self._prepare_portal_layout_values()
        values.update({
            "page_name": "union_ballot", "main_object": portal_main_object(), "election": election,
            "congress": election.congress_id, "participant": participant, "voter": voter,
            "candidates": election.candidate_ids, **extra})
        return request.render("union_governance.portal_union_ballot", values)

    @http.route("/my/union/election/<int:election_id>", type="http", auth="user", website=True)
    def portal_union_ballot(self, election_id, **kw):
        """The voter's ballot: the page a voter opens when the poll opens (linked from the
        congress page), small so that a whole congress can open it in the same minute."""
        election, participant = self._union_election_participation(election_id)
        return self._union_render_ballot(election, participant)

    @http.route("/my/union/election/<int:election_id>/vote", type="http", auth="user", website=True,
                methods=["POST"])
    def portal_union_vote(self, election_id, **post):
        election, participant = self._union_election_participation(election_id)
        try:
            candidate_ids = [int(value) for value in request.httprequest.form.getlist("candidate_ids")]
        except ValueError:
            raise request.not_found()
        try:
            with request.env.cr.savepoint():
                # the vote is checked against the logged-in user's own voter line (env.user is
                # the voter under sudo too) and the ballot written as the ballot-box user
                receipt = election._cast_online_ballot(candidate_ids)
        except UserError as error:
            return self._union_render_ballot(election, participant, vote_error=error.args[0])
        # a small page: 500 voters in a minute each get their receipt without the whole
        # congress page (documents, QR code, every election) being rendered again
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "union_ballot", "congress": election.congress_id, "election": election,
                       "receipt": receipt, "main_object": portal_main_object()})
        return request.render("union_governance.portal_union_vote_cast", values)

    @http.route("/my/union/election/receipt", type="http", auth="user", website=True)
    def portal_union_receipt(self, code="", **kw):
        """Whether a ballot with this receipt code was counted: the only thing a receipt proves."""
        counted = request.env["union.election"]._check_receipt(code) if code else None
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "union_receipt", "code": code, "counted": counted,
                       "main_object": portal_main_object()})
        return request.render("union_governance.portal_union_receipt", values)

    def _union_checkin_participant(self, token):
        """The participant whose check-in code this is, as the logged-in user, or not found when
        the user may not check them in (only officers who manage the congress may)."""
        # sudo: find the participant by their code; the check-in itself runs as the officer
        participant = request.env["union.congress.participant"].sudo().search(
            [("checkin_token", "=", token)], limit=1)
        if not participant:
            raise request.not_found()
        participant = participant.with_user(request.env.user).sudo(False)
        try:
            participant.check_access("write")
        except AccessError:
            raise request.not_found() from None
        return participant

    def _union_render_checkin(self, participant, done=False, error=False):
        # sudo: the unit the participant represents, shown to the desk officer who may check them in
        unit = participant.sudo().origin_organization_id
        return request.render("union_governance.portal_union_checkin", {
            "participant": participant, "congress": participant.congress_id, "unit": unit, "done": done,
            "error": error, "main_object": portal_main_object()})

    @http.route("/union/congress/checkin/<string:token>", type="http", auth="user", website=True,
                methods=["GET"])
    def union_congress_checkin(self, token, **kw):
        """The registration desk scans a participant's QR code: the page shows who it is (name,
        unit, congress) and a button to check them in; opening the link changes nothing, so a
        participant who sends their link to an officer is not marked present by the click."""
        return self._union_render_checkin(self._union_checkin_participant(token))

    @http.route("/union/congress/checkin/<string:token>", type="http", auth="user", website=True,
                methods=["POST"])
    def union_congress_checkin_confirm(self, token, **post):
        """The desk officer confirms (Odoo checks the CSRF token of the form): the officer's own
        rights check the participant in."""
        participant = self._union_checkin_participant(token)
        try:
            with request.env.cr.savepoint():
                participant.action_check_in()
        except UserError as error:
            return self._union_render_checkin(participant, error=error.args[0])
        return self._union_render_checkin(participant, done=True)
