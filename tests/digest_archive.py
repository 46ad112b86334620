"""A small archive for the digest tests: one week (2025-W34) of stories, figures and health.

Written for the tests about real Pakistani events; the monthly IT export figures follow the
shape of the published ones. The week runs Monday 18 to Sunday 24 August 2025, Karachi time.
"""

from __future__ import annotations

from dataclasses import dataclass

import ebops
from monitor import watch
from monitor.config import Config
from monitor.models import FetchResult, Item
from monitor.sbp import read_ebops
from monitor.store import Store, item_id
from monitor.weeks import iso_week

WEEK = "2025-W34"
HISTORY_ITEM = "history-item"

#: Reprints of stories by other outlets: (story, source, url, published, relevant).
REPRINTS = (
    ("exports", "Test Tribune", "https://tribune.example.com/it-exports-july", "2025-08-19T09:00:00+00:00", True),
    ("exports", "Test Recorder", "https://recorder.example.com/exports-354m", "2025-08-20T03:00:00+00:00", False),
    ("exports", "Test Dawn", "https://news.example.com/exports-update", "2025-08-20T08:00:00+00:00", True),
    ("vpn", "Test Dawn", "https://news.example.com/vpn-deadline", "2025-08-22T10:00:00+00:00", True),
    ("exports", "Test Aggregator", "https://news.google.example/rss/articles/CBMiexports", "2025-08-21T07:00:00+00:00", True),
)
#: The publisher the dedup index names behind the aggregator's link.
AGGREGATED_OUTLET = "Arab News"
#: The VPN story's cluster was founded the week before by an item outside this week.
EARLIER_FOUNDER = "item-of-week-33"

#: (source, kind) of the sources the archive's config must list, in this order.
SOURCES = (
    ("Test Dawn", "feed"),
    ("Test Tribune", "feed"),
    ("Test Recorder", "feed"),
    ("Test PTA", "page"),
    ("Test Quiet Blog", "feed"),
    ("Test PTA VPN page", "watch"),
    ("Test FBR tax page", "watch"),
    ("Test PSEB page", "watch"),
)

SOURCES_YAML = "\n".join(f"- name: {name}\n  url: https://example.com/{name.split()[-1].lower()}\n  kind: {kind}" for name, kind in SOURCES)

LONG_TOKEN = "PSEB_registration_portal_now_needs_NTN_CNIC_and_bank_certificate_for_every_freelancer_applicant"


@dataclass(frozen=True)
class StorySpec:
    key: str
    source: str
    title: str
    topics: tuple[str, ...]
    published: str
    text: str
    score: float = 5.0
    url: str | None = None


STORIES = (
    StorySpec(
        "exports",
        "Test Dawn",
        "IT exports reach $354 million in July as the new fiscal year opens",
        ("it_exports",),
        "2025-08-19T06:00:00+00:00",
        "Pakistan's IT and IT-enabled services exports reached $354 million in July 2025. "
        "That is the highest figure for a July on record, the central bank's data show. "
        "Exporters credit a weaker dollar demand at home and new contracts in the Gulf. "
        "A fourth sentence that the summary leaves out.",
        score=9.0,
    ),
    StorySpec(
        "vpn",
        "Test Tribune",
        "PTA extends VPN registration deadline for freelancers to 30 September",
        ("vpn_internet", "freelancing"),
        "2025-08-22T09:00:00+00:00",
        "The Pakistan Telecommunication Authority has extended the deadline for registering VPNs. "
        "Freelancers and software houses can register their IPs through the PTA portal until 30 September. "
        "Unregistered VPNs may be blocked after that date.",
        score=8.0,
    ),
    StorySpec(
        "script",
        "Test Recorder",
        "<script>alert('pwned')</script> P@SHA & PSEB sign <b>skills</b> pact",
        ("industry_bodies",),
        "2025-08-20T11:30:00+00:00",
        "The software houses' association and the export board will train <img src=x onerror=alert(1)> graduates. "
        "The programme opens in Lahore, Karachi and Peshawar in October.",
    ),
    StorySpec(
        "long",
        "Test Tribune",
        f"Freelancers confused by {LONG_TOKEN} rule",
        ("freelancing",),
        "2025-08-21T04:00:00+00:00",
        f"A new notice about {LONG_TOKEN} has left freelancers asking what is needed. "
        "The board says the checklist will be published on its website next week.",
        score=4.0,
    ),
    StorySpec(
        "payments",
        "Test Dawn",
        "Central bank lets freelancers keep half of their export proceeds in foreign currency",
        ("payments", "freelancing"),
        "2025-08-23T07:15:00+00:00",
        "",  # no extracted text: the summary falls back to the feed's teaser
        score=6.0,
    ),
    StorySpec(
        "badlink",
        "Test Recorder",
        "Tax officials meet freelancers in Islamabad",
        ("taxes",),
        "2025-08-24T08:00:00+00:00",
        "Officials of the Federal Board of Revenue met freelancers to explain the filing of returns.",
        score=3.0,
        url="javascript:alert(document.cookie)",
    ),
)

#: Monthly IT exports, USD million, as published month by month (Feb 2024 - Jun 2025).
EXPORT_HISTORY = {
    "2024-02": 257, "2024-03": 306, "2024-04": 310, "2024-05": 294, "2024-06": 298, "2024-07": 286,
    "2024-08": 298, "2024-09": 292, "2024-10": 330, "2024-11": 319, "2024-12": 348, "2025-01": 313,
    "2025-02": 305, "2025-03": 342, "2025-04": 329, "2025-05": 329, "2025-06": 338,
}


@dataclass(frozen=True)
class FactSpec:
    story: str
    series: str
    period: str
    value: float
    unit: str
    quote: str


FACTS = (
    FactSpec("exports", "it_exports_monthly", "2025-07", 354, "USD_million", "Pakistan's IT and IT-enabled services exports reached $354 million in July 2025."),
    FactSpec("vpn", "vpn_registrations", "2025-08", 25000, "count", "More than 25,000 VPNs have been registered with the <em>authority</em> so far."),
    FactSpec("payments", "freelancer_earnings", "FY2024-25", 557, "USD_million", "Freelancers brought home \"$557m\" in FY2024-25 & more is <script>expected</script>."),
    FactSpec("exports", "other", "FY2025-26", 4500, "USD_million", "The ministry aims for $4.5 billion of IT exports this year."),  # a target: not shown
)
#: An earlier figure for the same series, so the VPN figure has a change to show.
PRIOR_FACTS = (("vpn_registrations", "2025-07", 20000, "count"), ("freelancer_earnings", "FY2023-24", 350, "USD_million"))


def story_url(spec: StorySpec) -> str:
    return spec.url or f"https://news.example.com/{spec.key}"


def week_of(config: Config):
    return lambda published, fetched: iso_week(published or fetched, config.tz)


def build_archive(store: Store, config: Config) -> None:
    """Fill ``store`` with the week's stories, their facts, the export history and fetch records."""
    store.sync_sources(config.sources)
    items = [
        Item(
            id=item_id(story_url(s)),
            source=s.source,
            url=story_url(s),
            canonical_url=story_url(s),
            title=s.title,
            summary="The State Bank of Pakistan changed the rules on 23 August. Details inside.",
            text=s.text,
            published=s.published,
            fetched_at=s.published,
            topics=s.topics,
            score=s.score,
        )
        for s in STORIES
    ]
    quiet = Item(id=HISTORY_ITEM, source="Test Quiet Blog", url="https://example.com/old", canonical_url="https://example.com/old", title="An old post", published="2025-06-02T05:00:00+00:00", fetched_at="2025-06-02T05:00:00+00:00", relevant=False)
    reprints = [
        Item(id=item_id(url), source=source, url=url, canonical_url=url, title=f"Reprint: {story}", text="A reprint.", published=published, fetched_at=published, relevant=relevant, topics=("it_exports",))
        for story, source, url, published, relevant in REPRINTS
    ]
    store.save_items([*items, quiet, *reprints], week_of=week_of(config))
    ids = {s.key: item_id(story_url(s)) for s in STORIES}
    _clusters(store, ids)
    sources = {s.key: s.source for s in STORIES}
    published = {s.key: s.published for s in STORIES}
    rows = [_fact_row(f.series, f.period, f.value, f.unit, f.quote, ids[f.story], sources[f.story], published[f.story]) for f in FACTS]
    for period, value in EXPORT_HISTORY.items():
        rows.append(_fact_row("it_exports_monthly", period, value, "USD_million", f"Exports were ${value} million.", HISTORY_ITEM, "Test Quiet Blog", f"{_next_month(period)}-18T05:00:00+00:00"))
    for series, period, value, unit in PRIOR_FACTS:
        rows.append(_fact_row(series, period, value, unit, "Earlier figure.", HISTORY_ITEM, "Test Quiet Blog", "2025-08-01T05:00:00+00:00"))
    store.save_facts(rows)
    _fetches(store)
    build_policy(store, config)


def _clusters(store: Store, ids: dict[str, str]) -> None:
    """Story clusters as the dedup stage stores them."""
    founders = {"exports": ids["exports"], "vpn": EARLIER_FOUNDER}
    members = {story: [ids[story]] for story in founders}
    for story, _, url, _, _ in REPRINTS:
        members[story].append(item_id(url))
    for story, founder in founders.items():
        cluster = f"cluster-{story}"
        store.db["clusters"].insert({"id": cluster, "primary_item": founder, "outlets": "[]", "size": len(members[story])})
        store.db["cluster_members"].insert_all({"item_id": m, "cluster_id": cluster, "reason": "near", "score": 0.8} for m in members[story])
    aggregated = item_id(REPRINTS[-1][2])
    store.db["dedup_items"].insert({"id": aggregated, "script": "latin", "outlet": AGGREGATED_OUTLET, "site": "", "redirect": 1, "words": 3, "shingles": b""})


def _fact_row(series, period, value, unit, quote, item, source, published) -> dict:
    return {"series": series, "period": period, "value": value, "unit": unit, "quote": quote, "item": item, "source": source, "published": published, "found_at": published}


def _next_month(period: str) -> str:
    year, month = int(period[:4]), int(period[5:])
    return f"{year + 1}-01" if month == 12 else f"{year}-{month + 1:02d}"


def _fetches(store: Store) -> None:
    """The week's fetches: Test PTA fails every time, the quiet blog answers with nothing new."""
    for day in range(18, 25):
        at = f"2025-08-{day}T06:00:00+00:00"
        for name in ("Test Dawn", "Test Tribune", "Test Recorder", "Test Quiet Blog"):
            store.record_fetch(name, FetchResult(url="https://example.com/", outcome="ok", started_at=at))
        store.record_fetch("Test PTA", FetchResult(url="https://example.com/pta", outcome="http_5xx", status=503, error="HTTP 503 Service Unavailable", started_at=at))
    store.record_fetch("Test Quiet Blog", FetchResult(url="https://example.com/", outcome="ok", started_at="2025-05-20T06:00:00+00:00"))


# --------------------------------------------------------------------------- watched pages


@dataclass(frozen=True)
class PageSpec:
    """A watched page's version before the week and the change found in it."""

    source: str
    title: str
    url: str
    before: str
    after: str
    fetched_at: str
    topics: tuple[str, ...]
    relevant: bool
    score: float
    new_links: tuple[watch.Link, ...] = ()
    notes: tuple[str, ...] = ()  # what became of each new document


VPN_PAGE = PageSpec(
    "Test PTA VPN page",
    "IP whitelisting and VPN registration",
    "https://pta.example.gov.pk/vpn-registration",
    "Who must register: companies and freelancers who use a VPN for their work.\nFreelancer | CNIC of the applicant (both sides); letter of authentication from the employer or client\n"
    "A fee applies when five or more IP addresses are whitelisted.\nApplications by email are not accepted.",
    "Who must register: companies and freelancers who use a VPN for their work.\nFreelancer | CNIC of the applicant (both sides); letter of authentication from the employer or client, or the PSEB registration certificate\n"
    "A fee applies when ten or more IP addresses are whitelisted.\nFreelancers registered with PSEB may give their registration number instead of a letter.",
    "2025-08-21T06:00:00+00:00",
    ("vpn_internet", "freelancing"),
    True,
    6.0,
    (watch.Link("https://pta.example.gov.pk/notices/vpn-freelancers-2025-08-21.pdf", "Notification: VPN registration for PSEB-registered freelancers"),),
    ("PDF, 2 pages",),
)
TAX_PAGE = PageSpec(
    "Test FBR tax page",
    "Tax on export of IT services",
    "https://fbr.example.gov.pk/it-exports-tax",
    "Exporters of IT services registered with PSEB pay a final tax of 0.25% of export proceeds.\nOthers pay 1%.",
    "Exporters of IT services registered with PSEB pay a final tax of 0.5% of export proceeds.\nOthers pay 1%.",
    "2025-08-20T05:00:00+00:00",
    ("taxes", "freelancing"),
    True,
    7.0,
)
PSEB_PAGE = PageSpec(
    "Test PSEB page",
    "Contact the Board",
    "https://pseb.example.gov.pk/contact",
    "Head office: 2nd floor, Software Technology Park, Islamabad.",
    "Head office: 5th floor, Evacuee Trust Complex, Islamabad.",
    "2025-08-22T05:00:00+00:00",
    (),
    False,
    0.5,
)
#: The changes of the week; also one from the week before, which the digest leaves out.
PAGES = (VPN_PAGE, TAX_PAGE, PSEB_PAGE)
LAST_WEEKS_PAGE = PageSpec("Test PSEB page", "Contact the Board", "https://pseb.example.gov.pk/contact", "Phone: 051 111 111 111", "Head office: 2nd floor, Software Technology Park, Islamabad.", "2025-08-14T05:00:00+00:00", (), False, 0.5)


def page_rows(spec: PageSpec, week: str) -> tuple[dict, dict]:
    """The baseline and the change of a watched page, as the poll stores them."""
    found = watch.diff(spec.before, spec.after, (), spec.new_links)
    notes = dict(zip((link.url for link in spec.new_links), spec.notes))
    changes = []
    for c in found.changes:
        record = c.to_dict()
        if c.op == "document" and notes.get(c.url):
            record["note"] = notes[c.url]
        record["line"] = c.line()
        changes.append(record)
    common = {"source": spec.source, "url": spec.url, "title": spec.title, "settings": "", "complete": 1, "links": []}
    baseline = {**common, "kind": "baseline", "fetched_at": "2025-08-01T05:00:00+00:00", "week": "2025-W31", "hash": watch.content_hash(spec.before, []), "text": spec.before, "summary": "first version of the page", "relevant": int(spec.relevant), "score": spec.score, "topics": list(spec.topics)}
    change = {
        **common,
        "kind": "change",
        "fetched_at": spec.fetched_at,
        "week": week,
        "hash": watch.content_hash(spec.after, [link.url for link in spec.new_links]),
        "text": spec.after,
        "links": [{"url": link.url, "text": link.text} for link in spec.new_links],
        "summary": found.summary(),
        "added": found.count("added"),
        "removed": found.count("removed"),
        "changed": found.count("changed"),
        "documents": found.count("document"),
        "changes": changes,
        "diff": "\n".join(c["line"] for c in changes),
        "relevant": int(spec.relevant),
        "score": spec.score,
        "topics": list(spec.topics),
    }
    return baseline, change


def build_policy(store: Store, config: Config) -> None:
    """The watched pages' baselines and the week's changes (and one of the week before)."""
    _, earlier = page_rows(LAST_WEEKS_PAGE, "2025-W33")
    for spec in PAGES:
        baseline, change = page_rows(spec, iso_week(spec.fetched_at, config.tz))
        store.save_page_version(baseline)
        if spec is PSEB_PAGE:
            store.save_page_version(earlier)
        store.save_page_version(change)


# --------------------------------------------------------------------------- official figures

#: SBP's releases as the archive knows them: (workbook layout, when the file was published).
#: Line 9 follows the published figures ($354m in July 2025, $286m a year before, $338m in
#: June); the freelance line and June's provisional value are made up for the tests.
OFFICIAL_SOURCE = "Test SBP"
JUNE_RELEASE = (
    ebops.release(("May-25 (R)", "Jun-25 (P)", "Jul-Jun, FY24", "Jul-Jun, FY25 (P)"), {ebops.LINE_9: (329_290, 337_900, 3_223_000, 3_800_000), ebops.FREELANCE: (64_200, 71_300, 350_000, 612_400)}),
    "2025-07-18T10:00:00+00:00",
)
JULY_RELEASE = (
    ebops.release(("Jun-25 (R)", "Jul-25 (P)", "Jul, FY25", "Jul, FY26 (P)"), {ebops.LINE_9: (338_450, 354_330, 286_020, 354_330), ebops.FREELANCE: (71_300, 78_900, 52_100, 78_900)}),
    "2025-08-19T10:00:00+00:00",
)
WORKBOOK_URL = "https://www.sbp.example.org/ecodata/dt.xls"


def add_official(store: Store, releases=(JUNE_RELEASE, JULY_RELEASE)) -> None:
    """Store SBP's releases as a poll of the workbook would: read from real .xls bytes."""
    for layout, published in releases:
        facts = read_ebops(ebops.workbook(layout), url=WORKBOOK_URL, fetched_at=published, published=published)
        store.save_official_facts(facts, source=OFFICIAL_SOURCE)
