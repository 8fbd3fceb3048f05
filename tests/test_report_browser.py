"""The HTML report in a real browser (headless Chromium at 1400x900): the picture opens
whole with its legend in view, pans and zooms, and the cards say what bears on each claim
and what it bears on."""

from __future__ import annotations

import shutil
import struct
import time

import pytest
from browser import Browser
from conftest import HARBOUR, require, run

pytestmark = pytest.mark.slow  # a real tool: `-m "not slow"` leaves it out

TEXT_PX = """(function () {
  var texts = [...document.querySelectorAll('.figure svg g.node text')]
    .filter(function (t) {
      return t.getAttribute('font-size') === '12.00' && t.textContent.trim() !== '';
    });
  return Math.min.apply(null, texts.map(function (t) { return t.getBoundingClientRect().height; }));
})()"""


@pytest.fixture(scope="module")
def report(tmp_path_factory, dot_program):
    chromium = require(
        shutil.which("chromium") or shutil.which("chromium-browser"),
        "Chromium",
        "apt-get install chromium",
    )
    path = tmp_path_factory.mktemp("report") / "report.html"
    result = run(*["export", str(HARBOUR), "--eval", "-o", str(path)])
    assert result.exit_code == 0, result.output
    browser = Browser(chromium)
    browser.open(path.as_uri(), 1400, 900)
    browser.wait_for(
        "document.querySelector('.figure') && document.querySelector('.figure').dataset.scale"
    )
    yield browser, path
    browser.close()


def _key(browser: Browser, key: str) -> None:
    typed = {"text": key} if len(key) == 1 else {}
    browser.page("Input.dispatchKeyEvent", type="keyDown", key=key, **typed)
    browser.page("Input.dispatchKeyEvent", type="keyUp", key=key)
    time.sleep(0.05)


INSIDE = """(function () {
  var f = document.querySelector('.figure').getBoundingClientRect();
  var ok = function (r) { return r.left >= f.left - 1 && r.right <= f.right + 1 &&
                                 r.top >= f.top - 1 && r.bottom <= f.bottom + 1; };
  var legend = [...document.querySelectorAll('.figure svg g.node')]
    .find(function (g) { return g.querySelector('title').textContent === 'legend'; });
  var svg = document.querySelector('.figure svg').getBoundingClientRect();
  return ok(svg) && ok(legend.getBoundingClientRect()) && f.bottom <= window.innerHeight;
})()"""

TOP_BOX_IN_VIEW = """(function () {
  var f = document.querySelector('.figure').getBoundingClientRect();
  var boxes = [...document.querySelectorAll('.figure svg g.node')]
    .filter(function (g) { return g.querySelector('title').textContent !== 'legend'; })
    .map(function (g) { return g.getBoundingClientRect(); });
  var top = boxes.reduce(function (a, b) { return b.top < a.top ? b : a; });
  return top.left >= f.left - 1 && top.right <= f.right + 1 && top.top >= f.top - 1;
})()"""


def test_the_picture_opens_readable_with_the_main_conclusion_in_view_and_zooms(report, tmp_path):
    browser, _ = report
    opened = float(browser.evaluate("document.querySelector('.figure').dataset.scale"))
    assert opened <= 1
    # Claim text opens at 11 px or more, the top box (the main conclusion) in the frame.
    assert browser.evaluate(TEXT_PX) >= 10.9
    assert browser.evaluate(TOP_BOX_IN_VIEW)
    _key(browser, "0")  # the whole map, its legend too, within the frame, on the screen
    assert browser.evaluate(INSIDE)
    assert float(browser.evaluate("document.querySelector('.figure').dataset.scale")) < opened
    _key(browser, "1")  # natural size: readable
    assert browser.evaluate("document.querySelector('.figure').dataset.scale") == "1.000"
    assert browser.evaluate(TEXT_PX) >= 10  # claim text, at natural size
    _key(browser, "+")
    assert browser.evaluate("document.querySelector('.figure').dataset.scale") == "1.250"
    _key(browser, "0")  # the whole map
    whole = float(browser.evaluate("document.querySelector('.figure').dataset.scale"))
    assert whole < 1
    box = browser.evaluate(
        "JSON.stringify(document.querySelector('.figure svg').getBoundingClientRect())"
    )
    assert '"width":' in box
    _key(browser, "1")
    assert browser.evaluate("document.querySelector('.figure').dataset.scale") == "1.000"
    before = browser.evaluate("document.querySelector('.canvas').style.transform")
    _key(browser, "ArrowLeft")
    assert browser.evaluate("document.querySelector('.canvas').style.transform") != before
    shot = tmp_path / "report.png"
    browser.screenshot(shot)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1400, 900)


def test_cards_say_what_bears_on_each_claim_and_what_it_bears_on(report):
    browser, path = report

    def card(ident: str) -> str:
        return browser.evaluate(f"document.getElementById('c-{ident}').innerText")

    first = card("open-at-night")
    assert "IN 0." in first
    assert "supported by queues-cost together with night-clears-peak" in first
    assert "supports fund-cranes" in first
    assert "ports-differ undercuts the link other-ports → night-clears-peak" in (
        card("night-clears-peak")
    )
    assert "undercuts the link other-ports → night-clears-peak" in card("ports-differ")
    assert "attacks demand-peaks" in card("demand-grows")
    legend = browser.evaluate("document.querySelector('.figure svg').textContent")
    assert "linked premises meet: they support only together" in legend
    html = path.read_text(encoding="utf-8")
    for fetch in ("<script src", "<link ", "<img ", "@import", "url(http"):
        assert fetch not in html  # nothing from the network
