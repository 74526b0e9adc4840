"""Helpers for the plain-Python tests of the addons' rule modules.

Rule modules (``addons/<addon>/rules/*.py``) import nothing from Odoo, so
they are loaded straight from their file and tested in milliseconds. Each
addon's ``rules`` folder is loaded as a package of its own, so that a rule
module may import a sibling (``from .lifecycle import MEMBER_STATES``)
exactly as it does inside Odoo.
"""
import importlib
import importlib.util
import sys
from pathlib import Path

ADDONS = Path(__file__).resolve().parent.parent / "addons"


def _load_package(addon):
    name = f"_union_rules_{addon}"
    if name not in sys.modules:
        folder = ADDONS / addon / "rules"
        spec = importlib.util.spec_from_file_location(
            name, folder / "__init__.py", submodule_search_locations=[str(folder)])
        package = importlib.util.module_from_spec(spec)
        sys.modules[name] = package
        spec.loader.exec_module(package)
    return name


def load_rule(addon, module):
    """Import ``addons/<addon>/rules/<module>.py`` without importing Odoo."""
    return importlib.import_module(f"{_load_package(addon)}.{module}")
