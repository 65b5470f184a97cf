"""`sckg report --pdf`: an A4 PDF through headless Chromium, charts as vectors, page breaks between
sections, and a clear error naming what to install when there is no engine."""

import re
from pathlib import Path

import pytest
from browser import require_browser
from typer.testing import CliRunner

from sckg import pdf
from sckg.cli import app


def pages(data: bytes) -> list[bytes]:
    """The MediaBox of every page object of a PDF (Chromium writes them uncompressed)."""
    return re.findall(rb"/Type /Page\b(?!s).*?/MediaBox \[([^\]]*)\]", data, re.S)


def test_report_pdf_is_a4_with_vector_charts(musterstadt_path: Path, tmp_path: Path) -> None:
    require_browser()
    out = tmp_path / "briefing.pdf"
    result = CliRunner().invoke(
        app, ["report", "-d", str(musterstadt_path), "-o", str(tmp_path), "--pdf", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"PDF: {out}"
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    boxes = {tuple(box.split()[2:]) for box in pages(data)}
    assert boxes == {(b"594.95996", b"841.91998")}  # A4 in points
    # page breaks: every top-level section starts a page (changes and key figures share the first)
    assert len(pages(data)) >= 9
    # the charts are SVG paths and text, and so is the static figure of the overall map (174 nodes,
    # every one labelled): no bitmap
    assert data.count(b"/Subtype /Image") == 0


@pytest.mark.parametrize("command", ["report", "present"])
def test_pdf_without_engine_says_what_to_install_before_writing_anything(
    musterstadt_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setenv("SCKG_CHROMIUM", str(tmp_path / "no-chromium"))
    monkeypatch.setattr(pdf, "CANDIDATES", ())
    out = tmp_path / "briefing.pdf"
    target = tmp_path if command == "report" else tmp_path / "deck.html"
    result = CliRunner().invoke(
        app, [command, "-d", str(musterstadt_path), "-o", str(target), "--pdf", str(out)]
    )
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: PDF output needs headless Chromium, but no Chromium found: install Chromium "
        "(Debian/Ubuntu: apt-get install chromium; or set SCKG_CHROMIUM to a Chromium or Chrome "
        "binary) and sckg's pdf extra (pip install 'sckg[pdf]': the playwright package; no "
        "'playwright install' needed)."
    ]
    assert sorted(tmp_path.iterdir()) == []  # checked first: nothing written


def test_pdf_without_playwright_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setattr(pdf, "chromium_path", lambda: "/usr/bin/chromium")
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)  # makes the import fail
    with pytest.raises(pdf.EngineError) as error:
        pdf.check_engine()
    assert str(error.value).startswith(
        "PDF output needs headless Chromium, but the playwright package is missing: install"
    )
    assert "pip install 'sckg[pdf]'" in str(error.value)
