"""Draw the chart of dimension scores as SVG (for HTML) and PNG (for DOCX) with matplotlib.

The chart has a radar of the dimension scores (when there are at least three dimensions) beside
horizontal bars with the percentage written at each bar. A dimension without a score (every
requirement waived) is a gap in the radar and a "—" in the bars, never a zero.

Output is deterministic: the figure is built with ``matplotlib.figure.Figure`` (no pyplot, no
global figure registry), the font is the DejaVu Sans file bundled with matplotlib (not whatever
the machine has), SVG ids are salted with a fixed string and no date or software name is
written. The rcParams used at save time are set only inside ``matplotlib.rc_context``.
matplotlib is imported on first use, so formats without a chart do not pay for it.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from smartcity_audit.model import AuditResult
from smartcity_audit.reports._common import safe

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.projections.polar import PolarAxes

# Colours: a dark blue for scores, greys for the grid; text stays dark enough to print.
INK = "#1b2a3a"
ACCENT = "#1f4e79"
ACCENT_FILL = "#9db9d9"
GRID = "#c5ccd3"
MUTED = "#5b6670"
TRACK = "#eef1f4"

# Fixed salt for the ids matplotlib writes into SVG, so the same chart gives the same bytes.
SVG_HASH_SALT = "smartcity-audit-chart"
# Radar labels wrap at this many characters; bar labels at a few more.
_RADAR_WRAP = 16
_BAR_WRAP = 24
_MIN_RADAR_AXES = 5
_MIN_RADAR_SCORED = 3
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)
_NAMESPACES = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')
_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(url\(#|href="#)([^")]+)')


class ChartKind(str, Enum):
    """Which chart to draw: the radar needs three dimensions or more; bars always work."""

    RADAR = "radar"
    BARS = "bars"


@dataclass(frozen=True, slots=True)
class ChartItem:
    """One dimension on the chart: its label and its score from 0 to 1 (``None``: not scored)."""

    label: str
    score: float | None


def chart_items(result: AuditResult, lang: str) -> tuple[ChartItem, ...]:
    """Return the dimension scores of a result as chart items, labels made safe to draw."""
    # Scores as the reports print them (one decimal of a percent), so a chart drawn from a
    # saved JSON result is the same drawing.
    return tuple(
        ChartItem(
            safe(d.dimension.title.get(lang)),
            None if d.score is None else round(d.score * 100, 1) / 100,
        )
        for d in result.dimensions
    )


def chart_kinds(items: Sequence[ChartItem]) -> tuple[ChartKind, ...]:
    """Return the charts worth drawing: bars always, a radar from five dimensions, three scored.

    With fewer axes a radar is a line or a kite that says less than the bars beside it.
    """
    scored = sum(item.score is not None for item in items)
    if len(items) >= _MIN_RADAR_AXES and scored >= _MIN_RADAR_SCORED:
        return (ChartKind.RADAR, ChartKind.BARS)
    return (ChartKind.BARS,)


def percent_text(score: float | None, not_scored: str = "—") -> str:
    """Write a 0..1 score as ``63.3%``, or ``not_scored`` when there is none."""
    if score is None:
        return not_scored
    return f"{round(score * 100, 1):.1f}%"


def render_svg(items: Sequence[ChartItem], kind: ChartKind, *, not_scored: str = "—") -> str:
    """Return a chart as an ``<svg>`` element to inline in HTML.

    Text stays text (``svg.fonttype`` none), escaped by matplotlib's XML writer, so the chart is
    small, searchable and prints sharply. The XML declaration, DOCTYPE, metadata block and
    namespace declarations are removed: the HTML parser needs none of them, and the page then
    names no URL at all. The caller labels the chart for screen readers.
    """
    figure = _figure(items, kind, not_scored)
    buffer = io.StringIO()
    with _rc_context(kind, svg=True):
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = _METADATA.sub("", svg, count=1)
    svg = _NAMESPACES.sub("", svg)
    return _prefix_ids(svg, f"chart-{kind.value}-").strip() + "\n"


def _prefix_ids(svg: str, prefix: str) -> str:
    """Prefix every id and every reference to it, so two charts inlined in one page never clash.

    matplotlib numbers its groups (``figure_1``, ``axes_1`` ...) the same way in every figure.
    """
    ids = set(_ID.findall(svg))
    svg = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', svg)

    def reference(match: re.Match[str]) -> str:
        name = match.group(2)
        return f"{match.group(1)}{prefix}{name}" if name in ids else match.group(0)

    return _REFERENCE.sub(reference, svg)


def render_png(
    items: Sequence[ChartItem], kind: ChartKind, *, not_scored: str = "—", dpi: int = 200
) -> bytes:
    """Return a chart as PNG bytes without software or date entries, for Word reports."""
    figure = _figure(items, kind, not_scored)
    buffer = io.BytesIO()
    with _rc_context(kind, svg=False):
        figure.savefig(
            buffer,
            format="png",
            dpi=dpi,
            metadata={"Software": None},
            bbox_inches="tight",
            facecolor="white",
        )
    return buffer.getvalue()


def _rc_context(kind: ChartKind, *, svg: bool) -> Any:
    import matplotlib

    params: dict[str, Any] = {
        # One salt per chart kind: two charts inlined in one page never share an id.
        "svg.hashsalt": f"{SVG_HASH_SALT}-{kind.value}",
        "svg.fonttype": "none",
        "path.simplify": True,
        "axes.unicode_minus": False,
        "text.usetex": False,
    }
    if svg:
        # Browsers draw the text: offer the fonts readers have, with the layout font first.
        params["font.family"] = ["sans-serif"]
        params["font.sans-serif"] = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"]
    # cast: matplotlib's stubs type keys as a literal union that differs between versions.
    return matplotlib.rc_context(cast(Any, params))


@lru_cache(maxsize=2)
def _font(bold: bool = False) -> FontProperties:
    """Return the DejaVu Sans bundled with matplotlib, so layout never depends on the machine."""
    import matplotlib
    from matplotlib.font_manager import FontProperties

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return FontProperties(fname=str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name))


def _wrap(label: str, width: int) -> str:
    lines = textwrap.wrap(label, width=width, break_long_words=True) or [""]
    if len(lines) > 3:
        lines = [*lines[:2], textwrap.shorten(" ".join(lines[2:]), width=width, placeholder="…")]
    return "\n".join(lines)


def _figure(items: Sequence[ChartItem], kind: ChartKind, not_scored: str) -> Figure:
    from matplotlib.figure import Figure

    if kind is ChartKind.RADAR:
        figure = Figure(figsize=(5.6, 4.6), dpi=100, facecolor="white")
        radar = cast("PolarAxes", figure.add_subplot(1, 1, 1, projection="polar"))
        _draw_radar(radar, items, not_scored)
    else:
        height = max(1.5, 0.5 * len(items) + 0.8)
        figure = Figure(figsize=(5.6, height), dpi=100, facecolor="white")
        _draw_bars(figure.add_subplot(1, 1, 1), items, not_scored)
    return figure


def _text_kwargs(size: float, *, bold: bool = False, color: str = INK) -> dict[str, Any]:
    # parse_math=False: a "$" in a rubric title must stay a dollar sign, not start mathtext.
    return {"fontproperties": _font(bold), "fontsize": size, "color": color, "parse_math": False}


def _draw_radar(axes: PolarAxes, items: Sequence[ChartItem], not_scored: str) -> None:
    count = len(items)
    angles = [2 * math.pi * index / count for index in range(count)]
    axes.set_theta_zero_location("N")
    axes.set_theta_direction(-1)
    axes.set_ylim(0, 1)
    axes.set_yticks([0.25, 0.5, 0.75, 1.0])
    axes.set_yticklabels([])
    axes.set_xticks(angles)
    axes.set_xticklabels([])
    axes.grid(color=GRID, linewidth=0.8)
    axes.spines["polar"].set_color(GRID)
    axes.set_facecolor("white")
    for tick in (0.25, 0.5, 0.75, 1.0):
        axes.text(
            math.radians(360 / count / 2),
            tick,
            f"{int(tick * 100)}%",
            ha="center",
            va="center",
            **_text_kwargs(8.5, color=MUTED),
        )
    scores = [item.score for item in items]
    if all(score is not None for score in scores):
        closed = [*angles, 2 * math.pi]
        values = [score or 0.0 for score in scores]
        axes.fill(closed, [*values, values[0]], color=ACCENT_FILL, alpha=0.55, linewidth=0)
        axes.plot(closed, [*values, values[0]], color=ACCENT, linewidth=2)
    else:
        # An unscored dimension leaves a visible gap: each run of neighbouring scored
        # dimensions is filled as a fan from the centre, instead of pulling the outline to zero.
        for run in _scored_runs(scores):
            theta = [angles[index] for index in run]
            # Unwrap so that a run crossing the top (last -> first) keeps increasing angles.
            theta = [t + 2 * math.pi if t < theta[0] else t for t in theta]
            values = [scores[index] or 0.0 for index in run]
            axes.fill([0.0, *theta], [0.0, *values], color=ACCENT_FILL, alpha=0.55, linewidth=0)
            axes.plot(theta, values, color=ACCENT, linewidth=2)
    for angle, item in zip(angles, items, strict=True):
        if item.score is not None:
            axes.plot([angle], [item.score], marker="o", markersize=5, color=ACCENT)
        sine, cosine = math.sin(angle), math.cos(angle)
        align = "center" if abs(sine) < 0.2 else ("left" if sine > 0 else "right")
        vertical = "bottom" if cosine > 0.5 else ("top" if cosine < -0.5 else "center")
        label = f"{_wrap(item.label, _RADAR_WRAP)}\n{percent_text(item.score, not_scored)}"
        axes.text(angle, 1.1, label, ha=align, va=vertical, **_text_kwargs(11))


def _scored_runs(scores: Sequence[float | None]) -> list[list[int]]:
    """Split indexes into runs of neighbouring scored items, joining the last run to the first."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, score in enumerate(scores):
        if score is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(index)
    if current:
        if runs and runs[0][0] == 0:
            runs[0] = current + runs[0]
        else:
            runs.append(current)
    return runs


def _draw_bars(axes: Axes, items: Sequence[ChartItem], not_scored: str) -> None:
    count = len(items)
    positions = list(range(count))
    values = [item.score or 0.0 for item in items]
    axes.barh(positions, [1.0] * count, color=TRACK, height=0.62, zorder=1)
    bars = [
        value if item.score is not None else 0.0 for value, item in zip(values, items, strict=True)
    ]
    axes.barh(positions, bars, color=ACCENT, height=0.62, zorder=2)
    for position, item in zip(positions, items, strict=True):
        text = percent_text(item.score, not_scored)
        axes.text(1.02, position, text, ha="left", va="center", **_text_kwargs(11, bold=True))
    axes.set_xlim(0, 1)
    axes.set_ylim(count - 0.5, -0.5)
    axes.set_yticks(positions)
    axes.set_yticklabels([_wrap(item.label, _BAR_WRAP) for item in items], **_text_kwargs(11))
    axes.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    axes.set_xticklabels(["0", "25", "50", "75", "100%"], **_text_kwargs(8.5, color=MUTED))
    axes.tick_params(axis="y", length=0, pad=6)
    axes.tick_params(axis="x", length=0, pad=4)
    axes.grid(axis="x", color="white", linewidth=1.2, zorder=3)
    axes.set_axisbelow(False)
    for side in ("top", "right", "bottom", "left"):
        axes.spines[side].set_visible(False)
