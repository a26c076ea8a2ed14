"""The HTML report: golden file, determinism, escaping, both languages, no network, charts.

The Chromium tests open the report as a reader would (``file://``) and are skipped with a
reason when no Chromium is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from audits import audit_example, hostile_result

from smartcity_audit.model import AuditResult
from smartcity_audit.reports import html
from smartcity_audit.reports._chart import (
    ChartItem,
    ChartKind,
    chart_kinds,
    render_png,
    render_svg,
)
from smartcity_audit.reports._common import ReportOptions

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="module")
def example() -> AuditResult:
    return audit_example()


@pytest.fixture(scope="module")
def example_html(example: AuditResult) -> str:
    return html.render(example, ReportOptions(lang="id")).decode("utf-8")


class _Elements(HTMLParser):
    """Collect start tags and their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def elements(text: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(text)
    return parser.tags


def test_golden(example_html: str, update_golden: bool) -> None:
    golden = GOLDEN / "contoh.html"
    if update_golden:
        golden.write_text(example_html, encoding="utf-8", newline="\n")
    # The charts are drawn by matplotlib: a new matplotlib may move a coordinate, and then the
    # golden needs --update-golden after a look at the report.
    assert example_html == golden.read_text(encoding="utf-8"), (
        "run pytest --update-golden after checking contoh.html in a browser"
    )


def test_same_result_same_bytes(example: AuditResult) -> None:
    for lang in ("id", "en"):
        options = ReportOptions(lang=lang)
        assert html.render(example, options) == html.render(example, options)


def test_indonesian_by_default_and_english_on_request(example: AuditResult) -> None:
    indonesian = html.render(example, ReportOptions()).decode("utf-8")
    english = html.render(example, ReportOptions(lang="en")).decode("utf-8")
    assert '<html lang="id">' in indonesian and '<html lang="en">' in english
    assert "Langkah berikutnya" in indonesian and "4 November 2024" in indonesian
    assert "What to do next" in english and "Overall score" in english and "2024-11-04" in english
    assert "Langkah berikutnya" not in english


def test_content(example_html: str) -> None:
    text = example_html
    # Header, summary, every requirement with its evidence, next steps, problems, waivers.
    assert "examples/contoh" in text and "starter 0.1" in text and "26.7%" in text
    for requirement in ("GOV-01", "GOV-02", "GOV-03", "GOV-04", "BRD-01", "SOC-01", "ENV-01"):
        assert f">{requirement}<" in text
    assert "Perbup_27_2022_Masterplan_SC.pdf" in text
    assert "Anggaran APBD 2024.xlsx" in text  # a document problem
    assert "Kepala Dinas Kominfo" in text  # the waiver
    assert "smartcity-audit 0.1.0" in text
    # Statuses are never colour alone: each badge has its symbol and its word.
    assert "✗</span> tidak ada" in text and "?</span> tak terbaca" in text
    # The waived dimension has no score: a dash, not 0%.
    assert re.search(r"Smart Branding</a></th>\s*<td class=\"num score\">—</td>", text)


def test_one_file_that_fetches_nothing(example_html: str) -> None:
    text = example_html
    assert re.findall(r"https?://", text) == []
    assert re.findall(r"url\((?!#)", text) == [] and "@import" not in text
    for tag, attributes in elements(text):
        assert tag not in ("script", "link", "iframe", "img", "object", "embed", "base"), tag
        for name in ("src", "href", "xlink:href", "action", "srcset"):
            value = attributes.get(name)
            if value is not None:
                assert value.startswith("#"), (tag, name, value)
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    assert text.count("<svg") == 1  # contoh has four dimensions: bars only, no radar


def test_print_stylesheet(example_html: str) -> None:
    assert "@media print" in example_html and "@page" in example_html
    assert re.search(r"\.dimension \{ break-before: page; \}", example_html)


def test_untrusted_text_stays_text(tmp_path: Path) -> None:
    text = html.render(hostile_result(tmp_path), ReportOptions()).decode("utf-8")
    assert "<script" not in text and "<img" not in text and "<i>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.pdf" in text
    assert "T &lt;img src=x onerror=alert(2)&gt;" in text
    assert "\x1b" not in text and "\x07" not in text and "merah\\x1b[31m\\x07.pdf" in text
    assert [tag for tag, _ in elements(text) if tag == "script"] == []


def test_seven_dimensions_draw_radar_and_bars() -> None:
    result = audit_example(rubric="gm100sc")
    text = html.render(result, ReportOptions()).decode("utf-8")
    assert text.count("<svg") == 2
    assert 'class="chart chart-radar"' in text and 'class="chart chart-bars"' in text
    ids = re.findall(r'\bid="([^"]+)"', text)
    assert len(ids) == len(set(ids)), "two inline SVGs must not share an id"


def test_chart_shows_no_score_as_a_gap_not_zero() -> None:
    items = [
        ChartItem("Smart Governance", 0.633),
        ChartItem("Smart Branding", None),
        ChartItem("Smart Economy", 0.0),
        ChartItem("Smart Living", 1.0),
        ChartItem("Smart Society <b>", 0.5),
    ]
    assert chart_kinds(items) == (ChartKind.RADAR, ChartKind.BARS)
    assert chart_kinds(items[:4]) == (ChartKind.BARS,)
    bars = render_svg(items, ChartKind.BARS)
    labels = re.findall(r">([^<>]+)</text>", bars)
    assert "—" in labels and "0.0%" in labels and "63.3%" in labels
    assert labels.count("0.0%") == 1  # the unscored dimension is not drawn as zero
    assert "Smart Society &lt;b&gt;" in bars
    radar = render_svg(items, ChartKind.RADAR)
    assert radar == render_svg(items, ChartKind.RADAR)
    assert radar.startswith("<svg") and "<metadata" not in radar and "Matplotlib" not in radar


def test_chart_png_is_reproducible_and_anonymous() -> None:
    items = [ChartItem("A", 0.5), ChartItem("B", None)]
    png = render_png(items, ChartKind.BARS)
    assert png.startswith(b"\x89PNG") and png == render_png(items, ChartKind.BARS)
    assert b"Software" not in png and b"matplotlib" not in png.lower()


def _chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(candidate)
        if found:
            return found
    return None


def _run_chromium(profile: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    chromium = _chromium()
    if chromium is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        # Belt and braces: even if the page asked for something, no name resolves.
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={profile}",
        *arguments,
    ]
    environment = {**os.environ, "HOME": str(profile)}
    return subprocess.run(
        command, capture_output=True, text=True, timeout=180, check=False, env=environment
    )


def test_chromium_screenshot(example: AuditResult, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_bytes(html.render(example, ReportOptions()))
    shot = tmp_path / "shot.png"
    completed = _run_chromium(
        tmp_path / "profile",
        f"--screenshot={shot}",
        "--window-size=1280,2000",
        "--hide-scrollbars",
        page.as_uri(),
    )
    assert shot.exists() and shot.stat().st_size > 10_000, completed.stderr[-2000:]


def test_chromium_prints_one_dimension_per_page(example: AuditResult, tmp_path: Path) -> None:
    from pypdf import PdfReader

    page = tmp_path / "report.html"
    page.write_bytes(html.render(example, ReportOptions()))
    pdf = tmp_path / "report.pdf"
    completed = _run_chromium(
        tmp_path / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()
    )
    assert pdf.exists(), completed.stderr[-2000:]
    pages = [p.extract_text() for p in PdfReader(pdf).pages]
    for dimension in example.dimensions:
        title = dimension.dimension.title.get("id")
        # Each dimension section starts a page: its title is near the top of some page.
        assert any(title in text[:200] for text in pages), title


def test_chromium_keeps_hostile_names_as_text(tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_bytes(html.render(hostile_result(tmp_path), ReportOptions()))
    completed = _run_chromium(tmp_path / "profile", "--dump-dom", page.as_uri())
    dom = completed.stdout
    assert "</html>" in dom, completed.stderr[-2000:]
    assert "<script" not in dom and "<img" not in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.pdf" in dom
