"""Foreign members (Law 50/2024/QH15 on Trade Unions, art. 5): a foreign worker with a labour
contract of 12 months or more may join a union in Vietnam.

Plain Python, no database: what a foreign member's admission lacks, as codes.
"""
from datetime import timedelta

from .months import add_months

#: identity documents: the Vietnamese citizen id (CCCD), or a passport / work permit
DOCUMENT_TYPES = ("citizen_id", "passport", "work_permit")
FOREIGN_DOCUMENTS = ("passport", "work_permit")
MIN_CONTRACT_MONTHS = 12


def contract_long_enough(start, end, indefinite):
    """True for an indefinite contract or one of 12 months or more.

    ``end`` is the contract's last day: 01/01/2026 to 31/12/2026 is 12 months.
    """
    if indefinite:
        return True
    if not start or not end:
        return False
    return end + timedelta(days=1) >= add_months(start, MIN_CONTRACT_MONTHS)


def admission_problems(nationality_code, document_type, document_number, document_country,
                       contract_start, contract_end, contract_indefinite):
    """What keeps a person from being admitted, as codes (empty: nothing).

    ``no_nationality``: the nationality is unknown; for a foreigner (nationality other than
    VN): ``no_document`` (a passport or work permit with its number and issuing country),
    ``no_contract`` (no contract dates, not indefinite), ``contract_too_short``.
    """
    if not nationality_code:
        return ["no_nationality"]
    if nationality_code == "VN":
        return []
    problems = []
    if document_type not in FOREIGN_DOCUMENTS or not document_number or not document_country:
        problems.append("no_document")
    if not contract_indefinite and not (contract_start and contract_end):
        problems.append("no_contract")
    elif not contract_long_enough(contract_start, contract_end, contract_indefinite):
        problems.append("contract_too_short")
    return problems
