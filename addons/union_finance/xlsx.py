"""The one way union_finance writes XLSX: user text (names, descriptions, bank-transfer
details) is always stored as text, never as a formula, a number or a link (issue 13, point 9:
a description starting with ``=``, ``+``, ``-`` or ``@`` must not become a live formula)."""
import xlsxwriter

#: xlsxwriter options: ``write()`` of a str stores a string, whatever it starts with
TEXT_SAFE_OPTIONS = {"strings_to_formulas": False, "strings_to_numbers": False,
                     "strings_to_urls": False}


def new_workbook(out, constant_memory=False):
    """An xlsxwriter workbook writing to ``out`` that stores every str as text.
    ``constant_memory``: rows are flushed to disk as they are written (100,000 rows)."""
    options = dict(TEXT_SAFE_OPTIONS)
    options["constant_memory" if constant_memory else "in_memory"] = True
    return xlsxwriter.Workbook(out, options)


def set_text(cell, value):
    """Store ``value`` in the openpyxl ``cell`` as a plain string (openpyxl would read a str
    starting with ``=`` as a formula)."""
    cell.value = None if value is None else str(value)
    if value is not None:
        cell.data_type = "s"
    return cell
