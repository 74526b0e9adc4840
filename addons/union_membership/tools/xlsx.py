"""The one way the suite writes XLSX files, and the one way it offers them for download.

- ``new_workbook``: an xlsxwriter workbook in which user text (names, subjects, descriptions,
  bank-transfer details) is always stored as text, never as a formula, a number or a link: a
  value starting with ``=``, ``+``, ``-`` or ``@`` never becomes a live formula.
- ``set_text``: the same for a cell of openpyxl (the error files of the imports).
- ``add_styles``: the suite's cell formats (title, header, text, money, dates, sections and
  subtotals), so that every report looks the same.
- ``print_setup``: the header rows frozen on screen and repeated on every printed page, A4
  landscape, fit to the page's width, page numbers (as the province's arrears report prints).
- ``download_action``: the one download URL, ``/web/content/<model>/<id>/<field>/<file name>``
  (with the MIME type);
  a file kept as an attachment is ``ir.attachment``'s ``datas`` field.

xlsxwriter writes 100,000 rows in seconds with ``constant_memory`` (rows flushed to temporary
files); OCA's ``report_xlsx`` wraps the same library in a report action, which the reports here
(wizards with their own options, files kept on the wizard) do not need.
"""
from urllib.parse import quote

import xlsxwriter

#: the MIME type of an XLSX file
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#: xlsxwriter options: ``write()`` of a str stores a string, whatever it starts with
TEXT_SAFE_OPTIONS = {"strings_to_formulas": False, "strings_to_numbers": False,
                     "strings_to_urls": False}

#: name -> xlsxwriter format properties, the same in every file of the suite
STYLES = {
    "title": {"bold": True, "font_size": 14},
    "head": {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True,
             "align": "center", "valign": "vcenter"},
    "text": {"border": 1},
    "wrap": {"border": 1, "text_wrap": True, "valign": "top"},
    "bold": {"border": 1, "bold": True},
    "number": {"border": 1},
    "money": {"num_format": "#,##0", "border": 1},
    "money_bold": {"num_format": "#,##0", "border": 1, "bold": True},
    "date": {"num_format": "dd/mm/yyyy", "border": 1},
    "section": {"bold": True, "bg_color": "#EDEDED", "border": 1},
    "subtotal_text": {"bold": True, "italic": True, "border": 1},
    "subtotal_money": {"bold": True, "italic": True, "border": 1, "num_format": "#,##0"},
}


def new_workbook(out, constant_memory=False):
    """An xlsxwriter workbook writing to ``out`` that stores every str as text.
    ``constant_memory``: rows are flushed to disk as they are written (100,000 rows; each
    sheet must then be written row after row)."""
    options = dict(TEXT_SAFE_OPTIONS)
    options["constant_memory" if constant_memory else "in_memory"] = True
    return xlsxwriter.Workbook(out, options)


def add_styles(workbook, **extra):
    """{name: format} of the suite's formats in ``workbook``, plus ``extra`` {name: properties}."""
    return {name: workbook.add_format(props) for name, props in {**STYLES, **extra}.items()}


def set_text(cell, value):
    """Store ``value`` in the openpyxl ``cell`` as a plain string (openpyxl would read a str
    starting with ``=`` as a formula)."""
    cell.value = None if value is None else str(value)
    if value is not None:
        cell.data_type = "s"
    return cell


def print_setup(env, sheet, header_row, columns=()):
    """A sheet that reads on screen and prints: rows up to ``header_row`` frozen and repeated on
    every page, A4 landscape, fit to the page's width, page numbers; ``columns``: (first, last,
    width) of the columns."""
    sheet.freeze_panes(header_row + 1, 0)
    sheet.repeat_rows(0, header_row)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    sheet.set_footer("&C" + env._("Page &P of &N"))
    for first, last, width in columns:
        sheet.set_column(first, last, width)


def download_action(record, field_name, filename, mimetype=XLSX_MIMETYPE):
    """The client action downloading the file in ``field_name`` of ``record``. The MIME type is
    given: otherwise Odoo guesses it from the file's first kilobyte, which cannot open an XLSX
    (a zip) and logs a warning."""
    record.ensure_one()
    return {
        "type": "ir.actions.act_url",
        "url": f"/web/content/{record._name}/{record.id}/{field_name}/{quote(filename)}"
               f"?download=true&mimetype={quote(mimetype, safe='')}",
        "target": "self",
    }


def attachment_download_action(env, record, filename, content):
    """Keep ``content`` as an attachment of ``record`` and return the action downloading it.
    The caller has read the data through the user's own access; the attachment is created as
    superuser because the user may not write ``record``'s model."""
    # sudo: the file holds only data the user has just read through their own access
    attachment = env["ir.attachment"].sudo().create({
        "name": filename, "raw": content, "res_model": record._name, "res_id": record.id,
        "mimetype": XLSX_MIMETYPE,
    })
    return download_action(attachment, "datas", filename)
