"""Share report options and the helpers every format needs."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rich.console import Console

from smartcity_audit.i18n import describe_problem, render, tr
from smartcity_audit.model import Evidence, Finding, Problem, Reason, Status

# C0 and C1 control characters except tab and newline, DEL, lone surrogates (from file names
# that are not UTF-8) and the non-characters U+FFFE/U+FFFF: never let them reach a terminal or
# a markup format, where they could rewrite the screen or make the file invalid.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """How to render: language, colour and width for the terminal."""

    lang: str = "id"
    color: bool = False
    width: int = 100


def text_console(options: ReportOptions | None = None) -> tuple[Console, io.StringIO]:
    """Return a rich console that renders into a buffer: no markup, no emoji, colour if asked."""
    options = options or ReportOptions()
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        color_system="standard" if options.color else None,
        no_color=not options.color,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    return console, buffer


def console_bytes(buffer: io.StringIO) -> bytes:
    """Return what a text console rendered, without the blanks that pad wrapped lines."""
    text = "\n".join(line.rstrip() for line in buffer.getvalue().splitlines())
    return (text + "\n").encode("utf-8")


def safe_line(text: str) -> str:
    """Like ``safe``, and also escape line breaks and tabs: for names that must stay one line."""
    return safe(text).replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def safe(text: str) -> str:
    """Replace control characters (ANSI escapes included) with visible ``\\xNN`` escapes."""
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def status_label(status: Status, lang: str) -> str:
    """Return the translated name of a status."""
    return tr(lang, f"status.{status.value}")


def reason_text(reason: Reason, lang: str) -> str:
    """Render a reason in ``lang``."""
    return render(reason, lang)


def problem_text(problem: Problem, lang: str) -> str:
    """Render a document problem in ``lang``."""
    return describe_problem(problem, lang)


def evidence_location(evidence: Evidence, lang: str) -> str:
    """Write where evidence is: ``path, p. 3``."""
    if evidence.page is None:
        return evidence.path
    return f"{evidence.path}, {tr(lang, 'label.page')} {evidence.page}"


def is_gap(finding: Finding) -> bool:
    """Tell whether a finding needs action (not complete and not waived)."""
    return finding.status not in (Status.COMPLETE, Status.WAIVED)


def next_steps(findings: Iterable[Finding]) -> list[Finding]:
    """Return the gaps in the order to work on them: severity, then weight, then rubric order."""
    gaps = [f for f in findings if is_gap(f)]
    order = {id(f): index for index, f in enumerate(gaps)}
    return sorted(
        gaps, key=lambda f: (-f.requirement.severity.rank, -f.requirement.weight, order[id(f)])
    )


def recommendation(finding: Finding, lang: str) -> str:
    """Say in one sentence what to do about a gap."""
    title = finding.requirement.title.get(lang)
    best = finding.candidates[0] if finding.candidates else None
    if finding.status is Status.MISSING:
        return tr(lang, "advice.missing", {"title": title})
    if finding.status is Status.UNREADABLE and best is not None:
        return tr(lang, "advice.unreadable", {"title": title, "path": best.path})
    if finding.status is Status.INCOMPLETE and best is not None:
        failed = [c.reason for c in best.checks if not c.passed]
        if failed:
            what = "; ".join(reason_text(r, lang) for r in failed)
            return tr(lang, "advice.incomplete", {"title": title, "path": best.path, "what": what})
        return tr(
            lang,
            "advice.more_documents",
            {"title": title, "count": finding.requirement.min_documents},
        )
    return ""
