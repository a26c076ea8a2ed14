"""Render an ``AuditResult`` in one format per module, behind one ``Reporter`` protocol.

A reporter's module is imported the first time its format is asked for: the DOCX and HTML
reporters bring in python-docx, Jinja2 and matplotlib, which a scan writing JSON never needs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping

from smartcity_audit.model import AuditResult
from smartcity_audit.reports._common import ReportOptions

Reporter = Callable[[AuditResult, ReportOptions], bytes]


class _Reporters(Mapping[str, Reporter]):
    """Format name -> the ``render`` function of its module, imported on first use."""

    def __init__(self, modules: dict[str, str]) -> None:
        self._modules = modules

    def __getitem__(self, name: str) -> Reporter:
        module = importlib.import_module(f"{__name__}.{self._modules[name]}")
        render: Reporter = module.render
        return render

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


REPORTERS: Mapping[str, Reporter] = _Reporters(
    {
        "terminal": "terminal",
        "json": "json",
        "markdown": "markdown",
        "csv": "csv",
        "github": "github",
        "junit": "junit",
        "sarif": "sarif",
        "html": "html",
        "docx": "docx",
    }
)

__all__ = ["REPORTERS", "ReportOptions", "Reporter"]
