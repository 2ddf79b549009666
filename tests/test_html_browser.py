"""The HTML report, opened in a real browser (headless Chromium).

Checks that the rendered page shows every problem highlighted in place with
its message, and saves a screenshot under build/ for a person to look at.
Skipped when no Chromium is installed (.ci/run installs Debian's chromium).
"""
import shutil
import subprocess
from pathlib import Path

import pytest

from letterlint.cli import main
from letterlint.report import FORMATS

ROOT = Path(__file__).resolve().parents[1]
BAD = ("示交函[2024]12号\n关于商请协助开展道路安全检查的函\n\n示例市公安局:\n为做好道路安全检查工作，现商请贵局派员协助。\n"
       "请予函复。\n\n示例市交通运输局\n2024年05月06日\n")
CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed"),
              pytest.mark.skipif("html" not in FORMATS, reason="no html reporter")]


@pytest.fixture
def report(tmp_path, capsys):
    letter = tmp_path / "待改的函.txt"
    letter.write_text(BAD, encoding="utf-8")
    out = tmp_path / "report.html"
    code = main(["--format", "html", "--output", str(out), "--format", "html", str(letter)])
    capsys.readouterr()
    assert code == 1 and out.exists()
    import json

    main(["--format", "json", str(letter)])
    diags = json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]
    return out, diags


def browser(tmp_path, *args):
    profile = tmp_path / "profile"
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                          text=True, timeout=120)


def test_rendered_page_shows_every_problem(report, tmp_path):
    out, diags = report
    dom = browser(tmp_path, "--dump-dom", out.as_uri()).stdout
    assert dom.count("<mark") >= len(diags) > 0
    for d in diags:
        assert d["message"].replace("“", "").replace("”", "")[:8] in dom.replace("“", "").replace("”", ""), d
        assert d["rule"] in dom
    assert "http://" not in out.read_text(encoding="utf-8").replace("http://www.w3.org", "")


def test_screenshot(report, tmp_path):
    out, _ = report
    build = ROOT / "build"
    build.mkdir(exist_ok=True)
    shot = build / "html-report.png"
    browser(tmp_path, f"--screenshot={shot}", "--window-size=1280,1600", out.as_uri())
    assert shot.exists() and shot.stat().st_size > 10_000


def test_prints_on_a4_with_a_cjk_font(report, tmp_path):
    """Chromium's print follows @page: A4 is 595 × 842 points.  A font for Chinese must exist
    (fonts-noto-cjk in CI), else the screenshot above would show boxes."""
    fc_list = shutil.which("fc-list")
    if fc_list:
        fonts = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True).stdout
        assert fonts.strip(), "no CJK font installed (apt-get install fonts-noto-cjk)"
        page = report[0].read_text(encoding="utf-8")
        assert any(f'"{family.strip()}"' in page for line in fonts.splitlines() for family in line.split(","))
    out, _ = report
    pdf = tmp_path / "report.pdf"
    browser(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", out.as_uri())
    data = pdf.read_bytes()
    boxes = {tuple(round(float(x)) for x in m.split()) for m in
             __import__("re").findall(rb"/MediaBox\s*\[\s*([\d.\s]+?)\s*\]", data)}
    assert boxes == {(0, 0, 595, 842)}, boxes
