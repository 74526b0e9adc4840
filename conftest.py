"""Project-wide pytest rules.

- A warning or error logged by Odoo during the tests fails the run, as in
  OCA's CI (a test that expects one mutes it with ``mute_logger``).
- A skipped test fails the run: CI must never count a skip as a pass.
"""
import logging

import pytest

_ODOO_PROBLEMS = []


class _OdooProblemHandler(logging.Handler):
    def emit(self, record):
        if record.name.startswith("odoo") and record.levelno >= logging.WARNING:
            _ODOO_PROBLEMS.append(self.format(record))


_handler = _OdooProblemHandler(level=logging.WARNING)
_handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))


def pytest_configure(config):
    if config.getoption("--odoo-database", default=None):
        # Odoo's test framework complains when imported outside test mode; pytest-odoo
        # turns test mode on only around each test module, after collection imported it.
        from odoo.tools import config as odoo_config

        previous = odoo_config["test_enable"]
        odoo_config["test_enable"] = True
        import odoo.tests  # noqa: F401
        odoo_config["test_enable"] = previous
    logging.getLogger().addHandler(_handler)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _ODOO_PROBLEMS:
        terminalreporter.section("Odoo logged warnings or errors")
        for line in _ODOO_PROBLEMS[:50]:
            terminalreporter.write_line(line[:2000])


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if (_ODOO_PROBLEMS or skipped) and session.exitstatus == 0:
        session.exitstatus = 1
        if reporter:
            if skipped:
                reporter.write_line(f"FAILED: {skipped} test(s) skipped; a skip is a failure here.")
            if _ODOO_PROBLEMS:
                reporter.write_line(f"FAILED: Odoo logged {len(_ODOO_PROBLEMS)} warning(s) or error(s).")
