"""The HTML digest in a real browser: headless Chromium (Debian's ``chromium``, which
``make test`` installs when it is missing) at 1200 and 375 px wide.

The browser is driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``:
JSON messages ending in a NUL byte on file descriptors 3 and 4), which sets the viewport
exactly (a headless window is never narrower than 500 px), runs the measurement in the
page without changing the digest, and takes full-height screenshots, saved under
``data/screenshots/``.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import repo_rules_sections
from digest_archive import EXPORT_HISTORY, SOURCES_YAML, STORIES, WEEK, add_official, build_archive, week_of
from monitor.config import load_config
from monitor.digest import build_digest, write_digest
from monitor.models import Item
from monitor.store import Store, item_id

REPO = Path(__file__).resolve().parent.parent
SCREENSHOTS = REPO / "data" / "screenshots"
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)
BROWSER_TIMEOUT = 120  # seconds without an answer before the browser counts as hung

#: Runs in the page: the layout width, every element sticking out of it, the visible text, the
#: box of every link, and the boxes and page height with every link made a plain inline link.
MEASURE = """(() => {
  const root = document.documentElement, width = root.clientWidth, overflow = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)) {
      overflow.push(`${el.tagName} ${Math.round(r.left)}..${Math.round(r.right)}: ${(el.textContent || "").trim().slice(0, 80)}`);
    }
  }
  const rtl = [...document.querySelectorAll("[dir=auto]")].filter(el => el.matches(":dir(rtl)"))
    .map(el => (el.textContent || "").trim().slice(0, 40));
  const urdu = [...document.querySelectorAll("[dir=auto]")].filter(el => el.matches(":dir(rtl)"))
    .map(el => el.querySelector("[lang=ur]") || el).map(el => { const style = getComputedStyle(el); return {
      text: (el.textContent || "").trim().slice(0, 40), lang: el.matches(":lang(ur)"), font: style.fontFamily,
      size: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize)}; });
  const boxes = () => [...document.querySelectorAll("a")].map(a => { const r = a.getBoundingClientRect(); return {
    text: (a.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40), left: r.left, top: r.top, right: r.right, bottom: r.bottom,
    fontSize: parseFloat(getComputedStyle(a).fontSize)}; });
  const links = boxes(), height = root.scrollHeight;
  // the same page with every link a plain inline link, to tell what the tap targets add
  const styles = [...document.querySelectorAll("a")].map(a => [a, a.getAttribute("style")]);
  for (const [a] of styles) { a.style.display = "inline"; a.style.padding = "0"; a.style.minHeight = "0"; a.style.minWidth = "0"; a.style.lineHeight = "inherit"; }
  const plainLinks = boxes(), plainHeight = root.scrollHeight;
  for (const [a, style] of styles) { if (style === null) a.removeAttribute("style"); else a.setAttribute("style", style); }
  return {width, scrollWidth: root.scrollWidth, height, overflow, rtl, urdu, links, plainLinks, plainHeight,
          text: document.body.innerText, scripts: document.scripts.length};
})()"""


class Chromium:
    """A headless Chromium answering DevTools protocol commands on a pipe."""

    def __init__(self, profile: str):
        executable = next((path for name in BROWSERS if (path := shutil.which(name))), None)
        assert executable, "Chromium is not installed: `make test` installs Debian's chromium (apt-get install chromium)"
        to_browser, self._out = os.pipe()
        self._in, from_browser = os.pipe()
        # The browser reads commands on fd 3 and writes answers on fd 4. bash puts them
        # there (dash cannot name descriptors above 9); the pipe's own descriptors move
        # above 9 first so that placing one cannot close the other.
        to_browser, from_browser = _above_nine(to_browser), _above_nine(from_browser)
        shell = f'exec "$0" "$@" 3<&{to_browser} 4>&{from_browser} {to_browser}<&- {from_browser}>&-'
        self.proc = subprocess.Popen([shutil.which("bash") or "/bin/bash", "-c", shell, executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"], pass_fds=(to_browser, from_browser), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._events: list[dict] = []
        self._next_id = 0

    def call(self, method: str, session: str | None = None, **params) -> dict:
        """Send a command and return its result (events that arrive meanwhile are kept)."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params, **({"sessionId": session} if session else {})}
        os.write(self._out, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._next_id:
                assert "error" not in reply, f"{method}: {reply['error']}"
                return reply["result"]
            self._events.append(reply)

    def wait_for(self, event: str, session: str) -> dict:
        while True:
            for i, message in enumerate(self._events):
                if message.get("method") == event and message.get("sessionId") == session:
                    return self._events.pop(i)
            self._events.append(self._receive())

    def _receive(self) -> dict:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._in], [], [], BROWSER_TIMEOUT)
            assert ready, f"Chromium gave no answer for {BROWSER_TIMEOUT}s"
            chunk = os.read(self._in, 1 << 20)
            assert chunk, "Chromium exited"
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def render(self, url: str, width: int) -> tuple[dict, bytes]:
        """Open ``url`` in a ``width`` px viewport (a phone's below 600 px); return what
        :data:`MEASURE` saw and a full-height PNG screenshot."""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        metrics = {"width": width, "deviceScaleFactor": 1, "mobile": width < 600}
        self.call("Emulation.setDeviceMetricsOverride", session, height=900, **metrics)
        self.call("Page.enable", session)
        self.call("Page.navigate", session, url=url)
        self.wait_for("Page.loadEventFired", session)
        seen = self.call("Runtime.evaluate", session, expression=MEASURE, returnByValue=True)["result"]["value"]
        self.call("Emulation.setDeviceMetricsOverride", session, height=seen["height"], **metrics)
        png = base64.b64decode(self.call("Page.captureScreenshot", session, format="png")["data"])
        self.call("Target.closeTarget", targetId=target)
        return seen, png

    def evaluate(self, url: str, width: int, expression: str):
        """Open ``url`` in a ``width`` px viewport and return what ``expression`` gives there."""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Emulation.setDeviceMetricsOverride", session, width=width, height=900, deviceScaleFactor=1, mobile=width < 600)
        self.call("Page.enable", session)
        self.call("Page.navigate", session, url=url)
        self.wait_for("Page.loadEventFired", session)
        value = self.call("Runtime.evaluate", session, expression=expression, returnByValue=True)["result"]["value"]
        self.call("Target.closeTarget", targetId=target)
        return value

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (AssertionError, OSError):
            self.proc.kill()
        self.proc.wait(BROWSER_TIMEOUT)
        os.close(self._in)
        os.close(self._out)


def _above_nine(fd: int) -> int:
    high = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return high


@pytest.fixture(scope="module")
def browser():
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        chromium = Chromium(profile)
        yield chromium
        chromium.close()


def _write_digest(folder: Path, extra: tuple[Item, ...] = ()):
    """The HTML digest of the test archive with SBP's figures (and ``extra`` items), as
    ``monitor digest`` writes it."""
    config_path = folder / "sources.yaml"
    config_path.write_text("sources:\n" + "\n".join("  " + line for line in SOURCES_YAML.splitlines()) + "\n" + repo_rules_sections(), encoding="utf-8")
    config = load_config(config_path)
    with Store(folder / "monitor.db") as store:
        build_archive(store, config)
        add_official(store)
        if extra:
            store.save_items(list(extra), week_of=week_of(config))
        digest = build_digest(store, config, WEEK)
        html, _ = write_digest(digest, folder)
    return html, digest


@pytest.fixture(scope="module")
def digest_html(tmp_path_factory):
    return _write_digest(tmp_path_factory.mktemp("browser"))


@pytest.mark.parametrize("width", [1200, 375, 320])
def test_digest_fits_the_screen_and_shows_everything(browser, digest_html, width):
    html, digest = digest_html
    seen, png = browser.render(html.as_uri(), width)
    assert seen["width"] == width
    assert seen["overflow"] == [] and seen["scrollWidth"] <= width
    assert seen["scripts"] == 0
    text = seen["text"]
    for story in STORIES:
        assert story.title in text  # markup in titles shows as text
    for figure in digest.figures:
        assert figure.display in text and figure.quote in text and f"{figure.label} · {figure.period_label}" in text
        assert figure.official is None or figure.official in text
    assert {f.official for f in digest.figures} >= {"agrees with SBP", "SBP: $612m"}
    assert len(digest.official) == 2 and digest.official_revisions
    for o in digest.official:
        assert f"{o.subject} · {o.what} · {o.period_label} ({o.status})" in text and o.display in text
        assert all(change in text for change, _ in o.changes)
    for r in digest.official_revisions:
        assert f"{r.label}: {r.before} → {r.after}" in text
    assert len(digest.trend.bars) == len(EXPORT_HISTORY)
    for bar in digest.trend.bars:
        assert bar.label in text and bar.display in text
    assert digest.trend.note in text
    assert "Also reported by Test Tribune, Test Recorder" in text
    assert "Test PTA" in text and "Test Quiet Blog" in text
    # the week's policy changes, with what was added and removed, fit a phone too
    assert "Policy pages changed this week" in text and len(digest.policy) == 3
    for change in digest.policy:
        assert change.title in text and change.summary in text
    assert "Changed: A fee applies when five ten or more IP addresses are whitelisted." in " ".join(text.split())
    assert "Removed: Applications by email are not accepted." in text
    assert text.count("Full diff") == 3
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / f"digest-{WEEK}-{width}px.png"
    shot.write_bytes(png)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


URDU_TITLE = "وی پی این رجسٹریشن کی آخری تاریخ 30 ستمبر تک بڑھا دی گئی"
URDU_TEXT = (
    "پاکستان ٹیلی کمیونیکیشن اتھارٹی نے فری لانسرز اور سافٹ ویئر ہاؤسز کے لیے وی پی این رجسٹریشن کی آخری "
    "تاریخ میں 30 ستمبر تک توسیع کر دی ہے۔ رجسٹریشن پی ٹی اے کے پورٹل پر آن لائن کی جا سکتی ہے۔"
)


@pytest.fixture(scope="module")
def urdu_digest_html(tmp_path_factory):
    """The test archive with one Urdu story more, as an Urdu-language source would add it."""
    url = "https://news.example.com/urdu-vpn"
    urdu = Item(id=item_id(url), source="Test Tribune", url=url, canonical_url=url, title=URDU_TITLE, text=URDU_TEXT, summary=URDU_TEXT,
                published="2025-08-22T12:00:00+00:00", fetched_at="2025-08-22T12:00:00+00:00", lang="ur", topics=("vpn_internet",), score=5.0)
    html, _ = _write_digest(tmp_path_factory.mktemp("browser-urdu"), (urdu,))
    return html


def test_an_urdu_story_reads_right_to_left_on_a_phone(browser, urdu_digest_html):
    seen, png = browser.render(urdu_digest_html.as_uri(), 375)
    assert seen["overflow"] == [] and seen["scrollWidth"] <= 375
    assert URDU_TITLE in seen["text"]
    # the headline and summary run right to left; the English around them does not
    assert URDU_TITLE[:40] in seen["rtl"] and any(t.startswith(URDU_TEXT[:20]) for t in seen["rtl"])
    assert not [t for t in seen["rtl"] if t.isascii()]
    # in Urdu, for screen readers and fonts: an Urdu (Nastaliq) font asked for first, not whichever font
    # has Arabic letters, and lines tall enough for its letters
    assert len(seen["urdu"]) >= 2
    for el in seen["urdu"]:
        assert el["lang"] and el["font"].startswith("\"Noto Nastaliq Urdu\""), el
        assert el["size"] >= 16 and el["lineHeight"] >= 1.9, el
    (SCREENSHOTS / f"digest-{WEEK}-urdu-375px.png").write_bytes(png)


#: A comfortable tap target, in CSS px (Apple's 44 pt, WCAG 2.5.5's 44 px).
TAP = 44


def _overlap(a: dict, b: dict) -> bool:
    return min(a["right"], b["right"]) - max(a["left"], b["left"]) > 0.5 and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 0.5


@pytest.mark.parametrize("which", ["digest", "urdu"])
def test_every_link_is_a_comfortable_tap_target_on_a_phone_and_the_digest_stays_compact_on_a_desktop(browser, digest_html, urdu_digest_html, which):
    html = digest_html[0] if which == "digest" else urdu_digest_html
    phone, _ = browser.render(html.as_uri(), 375)
    links = phone["links"]
    assert len(links) >= 20  # headlines, top stories, outlets, sources of figures, diffs, documents, the SBP file
    small = [f"{l['text']!r}: {l['right'] - l['left']:.0f} x {l['bottom'] - l['top']:.0f}" for l in links if l["bottom"] - l["top"] < TAP - 0.5 or l["right"] - l["left"] < TAP - 0.5]
    assert small == [], "links smaller than a fingertip on a phone"
    touching = [(a["text"], b["text"]) for i, a in enumerate(links) for b in links[i + 1:] if _overlap(a, b)]
    assert touching == [], "links whose tap targets overlap: a tap meant for one may open the other"
    # without the larger targets the same links are small: the measurement sees them
    assert min(l["bottom"] - l["top"] for l in phone["plainLinks"]) < 20
    # not by larger text, and at little cost in length on a desktop mail client
    assert [l["fontSize"] for l in links] == [l["fontSize"] for l in phone["plainLinks"]] and max(l["fontSize"] for l in links) <= 17
    desktop, _ = browser.render(html.as_uri(), 1200)
    assert desktop["height"] <= 1.15 * desktop["plainHeight"], (desktop["height"], desktop["plainHeight"])  # 1.13 with the sample archive
    assert [l["right"] - l["left"] for l in desktop["links"]] and min(l["bottom"] - l["top"] for l in desktop["links"]) >= TAP - 0.5


def test_a_layout_that_overflows_is_caught(browser, digest_html, tmp_path):
    """The measurement itself works: a fixed 700 px table overflows a phone's screen."""
    html, _ = digest_html
    wide = tmp_path / "wide.html"
    wide.write_text(html.read_text(encoding="utf-8").replace("max-width:600px", "width:700px"), encoding="utf-8")
    seen, _ = browser.render(wide.as_uri(), 375)
    assert seen["overflow"] and seen["scrollWidth"] > 375


def test_a_figure_that_sbp_cannot_check_wraps_its_note_on_a_small_phone(browser, digest_html, tmp_path):
    """Why a figure was not checked ("no SBP figure for Jul-Mar FY2024-25 in the archive") is
    a line of text like any other: on a 320 px phone it wraps rather than widening the digest."""
    from dataclasses import replace

    from monitor.digest import _no_official_figure

    _, digest = digest_html
    note = _no_official_figure("FY2024-25:Jul-Mar", {"2025-06": 338.0})
    assert note == "no SBP figure for Jul-Mar FY2024-25 in the archive"
    figures = (replace(digest.figures[0], official=note, official_agrees=None), *digest.figures[1:])
    html, _ = write_digest(replace(digest, figures=figures), tmp_path)
    for width in (320, 360):
        seen, _ = browser.render(html.as_uri(), width)
        assert seen["overflow"] == [] and seen["scrollWidth"] <= width, seen["overflow"][:3]
        assert note in " ".join(seen["text"].split())


#: Runs in the page: each "," or "·" that follows a link and opens a line of its own.
STRANDED = r"""(() => { const stranded = [];
  for (const a of document.querySelectorAll("a")) {
    let next = a.nextSibling;
    if (!next || next.nodeType !== Node.TEXT_NODE) continue;
    const at = next.textContent.search(/[,·]/);
    if (at < 0 || next.textContent.slice(0, at).trim()) continue;
    const mark = document.createRange(); mark.setStart(next, at); mark.setEnd(next, at + 1);
    const m = mark.getBoundingClientRect(), link = a.getClientRects(), end = link[link.length - 1];
    if (m.top >= end.bottom - 1) stranded.push(`${(a.textContent || "").trim()} | ${next.textContent.trim().slice(0, 20)}`);
  }
  return stranded; })()"""


@pytest.mark.parametrize("which", ["digest", "urdu"])
def test_no_line_of_a_phone_begins_with_the_comma_or_dot_after_a_link(browser, digest_html, urdu_digest_html, which):
    """A link is an inline block, after which a line may break: on a small phone the comma
    after an outlet ("Also reported by A, B") or the "·" after "Full diff" opened the next
    line. They stay with their link at every phone width."""
    html = digest_html[0] if which == "digest" else urdu_digest_html
    stranded = {}
    for width in range(320, 432, 8):
        found = browser.evaluate(html.as_uri(), width, STRANDED)
        if found:
            stranded[width] = found
    assert stranded == {}
