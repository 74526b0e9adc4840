"""Level names as the law in force at a date names them (DOMAIN.md §1).

Before Law 97/2025/QH15 the chain had a federation (provincial federation or central sector
union), an upper union directly over the grassroots and the grassroots unions; from 1 July 2025
there are three levels only: the VGCL, unions above the grassroots (công đoàn cấp trên cơ sở:
provincial federations, sector, industrial-zone and commune/ward unions) and grassroots-level
unions (công đoàn cấp cơ sở, nghiệp đoàn cơ sở included). History keeps the old names.
"""
from datetime import date

#: Law 97/2025/QH15 amending the Trade Union Law 50/2024, in force from this day
LAW_97_2025 = date(2025, 7, 1)

#: the label's key of each level before and from LAW_97_2025 (the keys are translated by the model)
LABELS = {
    "federation": ("federation_old", "above_grassroots"),
    "upper": ("upper_old", "above_grassroots"),
    "grassroots": ("grassroots_old", "grassroots_new"),
    "group": ("group", "group"),
}


def label_key(level, on_date):
    """The key of the name of ``level`` at ``on_date`` (None for an unknown level)."""
    if level not in LABELS:
        return None
    old, new = LABELS[level]
    return new if on_date >= LAW_97_2025 else old
