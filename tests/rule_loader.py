"""Helpers for the plain-Python tests of the addons' rule modules.

Rule modules (``addons/<addon>/rules/*.py``) import nothing from Odoo, so
they are loaded straight from their file and tested in milliseconds.
"""
import importlib.util
import sys
from pathlib import Path

ADDONS = Path(__file__).resolve().parent.parent / "addons"


def load_rule(addon, module):
    """Import ``addons/<addon>/rules/<module>.py`` without importing Odoo."""
    name = f"_union_rules_{addon}_{module}"
    if name in sys.modules:
        return sys.modules[name]
    path = ADDONS / addon / "rules" / f"{module}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod
