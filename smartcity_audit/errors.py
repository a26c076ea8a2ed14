"""Define the one error hierarchy that the command line catches and reports.

Errors carry a message code and parameters rather than text, so the CLI can say them in the
user's language (see ``i18n``).
"""

from __future__ import annotations

from collections.abc import Mapping

from smartcity_audit.i18n import tr


class AuditError(Exception):
    """Report a problem the user can fix; the CLI prints it with its hint and exit code."""

    exit_code = 2

    def __init__(
        self,
        code: str,
        params: Mapping[str, object] | None = None,
        *,
        hint: str | None = None,
        hint_params: Mapping[str, object] | None = None,
        details: tuple[AuditError, ...] = (),
    ) -> None:
        self.code = code
        self.params = dict(params or {})
        self.hint = hint
        self.hint_params = dict(hint_params or {})
        self.details = details  # further errors found in the same file
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        """Render the message (and the messages of further errors) in ``lang``."""
        lines = [tr(lang, self.code, self.params)]
        lines.extend(detail.message(lang) for detail in self.details)
        return "\n".join(lines)

    def hint_text(self, lang: str) -> str | None:
        """Render the hint in ``lang``, if there is one."""
        return tr(lang, self.hint, self.hint_params) if self.hint else None


class RubricError(AuditError):
    """Signal an invalid, unknown or unreadable rubric."""


class ConfigError(AuditError):
    """Signal an invalid project configuration or command-line option."""


class UsageError(AuditError):
    """Signal a command-line argument that cannot be used (missing folder, bad date)."""


class ReportError(AuditError):
    """Signal a report that cannot be written or read back."""
