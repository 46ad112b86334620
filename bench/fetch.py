"""Benchmark the fetch stage: one cycle over 1,000 feed sources on 50 hosts.

A server process listens on 50 loopback addresses (127.0.1.1 to 127.0.1.50; Linux routes all
of 127.0.0.0/8 to this machine) and answers every request after 200 ms with a small RSS feed.
Each scenario then runs in a fresh process, so its peak RSS is its own:

* ``fetch``: one :class:`monitor.fetch.Fetcher` fetches every source once, as a poll cycle does;
* ``poll``: a whole poll cycle (:func:`monitor.pipeline.poll`: fetch, parse, analyze, store in a
  real SQLite file) over the same sources, three items each, without article pages.

The ideal time is set by the per-host limits: on each host the requests start at least
``host_delay`` apart with at most ``per_host`` in flight, each taking the 200 ms latency;
the cycle cannot finish before the busiest host does, nor before the global limit allows
(sources x latency / concurrency). The floor, checked on the fetch cycles: wall time at
most 1.5x the ideal, peak RSS under 250 MB. The poll cycles are shown for comparison: the
stages after fetching run on the CPU, so their CPU time, not the network, sets that wall time.

Usage::

    .venv/bin/python bench/fetch.py [--sources 1000] [--hosts 50] [--latency 0.2] [--stage fetch|poll|both] [--check]

``--check`` exits with status 1 when a floor is not met.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import multiprocessing
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from monitor import pipeline  # noqa: E402
from monitor.config import FetchSettings, load_config  # noqa: E402
from monitor.fetch import Fetcher, user_agent  # noqa: E402
from monitor.store import Store  # noqa: E402

MAX_RATIO = 1.5
MAX_RSS_MB = 250


# --------------------------------------------------------------------------- the server


FEED = (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench {path}</title>'
    "<link>http://{host}/</link><description>Benchmark feed</description>{items}</channel></rss>"
)
ITEM = (
    "<item><title>Freelance exports update {n} for {path}</title><link>http://{host}{path}/story-{n}</link>"
    "<guid>{host}{path}/{n}</guid><pubDate>Fri, 22 Aug 2025 10:00:00 +0500</pubDate>"
    "<description>Remittances from IT services rose again, figures show.</description></item>"
)


async def _handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, latency: float) -> None:
    """HTTP/1.1 with keep-alive: every GET is answered after ``latency`` seconds."""
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            path = head.split(b" ", 2)[1].decode()
            host = next((line.split(b":", 1)[1].strip().decode() for line in head.split(b"\r\n") if line.lower().startswith(b"host:")), "")
            await asyncio.sleep(latency)
            items = "".join(ITEM.format(n=n, path=path, host=host) for n in range(3))
            body = FEED.format(path=path, host=host, items=items).encode()
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


def serve(hosts: list[str], latency: float, ready: multiprocessing.Queue) -> None:
    """Listen on every host (a free port each), report the ports, serve until killed."""

    async def main() -> None:
        servers = [await asyncio.start_server(lambda r, w: _handle(r, w, latency), host, 0, backlog=1024) for host in hosts]
        ready.put([s.sockets[0].getsockname()[1] for s in servers])
        await asyncio.Event().wait()

    asyncio.run(main())


# --------------------------------------------------------------------------- one scenario


@dataclass(frozen=True)
class Scenario:
    name: str
    stage: str  # fetch or poll
    settings: FetchSettings


def ideal_seconds(per_host_count: int, hosts: int, latency: float, s: FetchSettings) -> float:
    """The shortest possible cycle under the per-host limits and the global limit."""
    starts: list[float] = []
    for k in range(per_host_count):
        start = starts[-1] + s.host_delay if starts else 0.0
        if k >= s.per_host:
            start = max(start, starts[k - s.per_host] + latency)
        starts.append(start)
    per_host = starts[-1] + latency
    global_bound = math.ceil(per_host_count * hosts / s.concurrency) * latency
    return max(per_host, global_bound)


async def _fetch_all(urls: list[str], settings: FetchSettings) -> Counter:
    async with Fetcher(settings, user_agent("https://example.org/bench")) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(u) for u in urls))
    return Counter(r.outcome for r in results)


def _poll_all(urls: list[str], settings: FetchSettings) -> Counter:
    with tempfile.TemporaryDirectory() as tmp:
        sources = "".join(f"  - name: source {i}\n    url: {u}\n    full_text: false\n" for i, u in enumerate(urls))
        fetch = "".join(f"  {k}: {v}\n" for k, v in asdict(settings).items())
        path = Path(tmp) / "sources.yaml"
        path.write_text(f"fetch:\n{fetch}sources:\n{sources}{_rule_sections()}", encoding="utf-8")
        with Store(Path(tmp) / "bench.db") as store:
            summary = pipeline.poll(load_config(path), store)
            return Counter(r.outcome for r in summary.reports) + Counter(items_stored=store.count_items())


def _rule_sections() -> str:
    """The relevance and topics sections of the real sources.yaml."""
    text = (REPO / "sources.yaml").read_text(encoding="utf-8")
    return text[min(text.index(marker) for marker in ("\nrelevance:", "\ntopics:") if marker in text) :]


def run_scenario(stage: str, settings: dict, urls: list[str]) -> dict:
    """Run one scenario in this process: wall time, CPU time and peak RSS."""
    fetch_settings = FetchSettings(**settings)
    cpu0, t0 = time.process_time(), time.perf_counter()
    outcomes = asyncio.run(_fetch_all(urls, fetch_settings)) if stage == "fetch" else _poll_all(urls, fetch_settings)
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    return {"wall": wall, "cpu": cpu, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "outcomes": dict(outcomes)}


def run_in_child(scenario: Scenario, urls: list[str]) -> dict:
    job = json.dumps({"stage": scenario.stage, "settings": asdict(scenario.settings), "urls": urls})
    out = subprocess.run([sys.executable, __file__, "--child"], input=job, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


# --------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.2, help="seconds before each answer")
    parser.add_argument("--stage", choices=["fetch", "poll", "both"], default="both", help="which cycles to time")
    parser.add_argument("--check", action="store_true", help="exit 1 when a floor is not met")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        job = json.load(sys.stdin)
        print(json.dumps(run_scenario(job["stage"], job["settings"], job["urls"])))
        return 0

    hosts = [f"127.0.1.{i}" for i in range(1, args.hosts + 1)]
    ready: multiprocessing.Queue = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(hosts, args.latency, ready), daemon=True)
    server.start()
    ports = ready.get(timeout=30)
    urls = [f"http://{hosts[i % len(hosts)]}:{ports[i % len(hosts)]}/feeds/{i}.xml" for i in range(args.sources)]
    per_host = math.ceil(args.sources / args.hosts)

    defaults = FetchSettings()
    wide = replace(defaults, concurrency=100, host_delay=0.1)
    stages = ["fetch", "poll"] if args.stage == "both" else [args.stage]
    scenarios = [Scenario(name, stage, s) for stage in stages for name, s in (("defaults", defaults), ("per-host bound", wide))]
    print(f"{args.sources} feed sources on {args.hosts} hosts ({per_host} each), every answer after {args.latency * 1000:.0f} ms")
    print("| stage | settings | ideal s | wall s | wall / ideal | CPU s | peak RSS MB | outcomes |")
    print("|---|---|---|---|---|---|---|---|")
    failed = False
    try:
        for sc in scenarios:
            ideal = ideal_seconds(per_host, args.hosts, args.latency, sc.settings)
            got = run_in_child(sc, urls)
            ratio = got["wall"] / ideal
            if sc.stage == "fetch":
                failed |= ratio > MAX_RATIO or got["rss_mb"] >= MAX_RSS_MB
            s = sc.settings
            label = f"{sc.name}: concurrency {s.concurrency}, per_host {s.per_host}, host_delay {s.host_delay:g}"
            outcomes = ", ".join(f"{k} {v}" for k, v in sorted(got["outcomes"].items()))
            print(f"| {sc.stage} | {label} | {ideal:.2f} | {got['wall']:.2f} | {ratio:.2f} | {got['cpu']:.1f} | {got['rss_mb']:.0f} | {outcomes} |")
    finally:
        server.kill()
    print(f"floor (fetch cycles): wall / ideal <= {MAX_RATIO}, peak RSS < {MAX_RSS_MB} MB: {'NOT MET' if failed else 'met'}")
    return 1 if failed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
