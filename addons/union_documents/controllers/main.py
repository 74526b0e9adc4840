from odoo import http
from odoo.http import request

PAGE_SIZE = 20


class UnionPetitionPublic(http.Controller):

    @http.route(["/hoi-dap", "/hoi-dap/page/<int:page>"], type="http", auth="public", website=True, sitemap=True)
    def union_public_questions(self, page=1, search="", **kw):
        domain = [("is_published", "=", True)]
        search = (search or "").strip()
        if search:
            domain += ["|", ("public_question", "ilike", search), ("public_answer", "ilike", search)]
        # sudo: the public reads only published, anonymised questions and answers, and only the
        # public fields below (never the submitter or the internal answer)
        Petition = request.env["union.petition"].sudo()
        total = Petition.search_count(domain)
        pager = request.website.pager(url="/hoi-dap", total=total, page=page, step=PAGE_SIZE,
                                      url_args={"search": search} if search else None)
        items = Petition.search_read(domain, ["public_question", "public_answer", "date_published", "kind"],
                                     order="date_published desc, id desc", limit=PAGE_SIZE,
                                     offset=pager["offset"])
        return request.render("union_documents.union_public_questions", {
            "items": items, "search": search, "pager": pager, "total": total,
        })
