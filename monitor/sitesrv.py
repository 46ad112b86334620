"""A small HTTP server on 127.0.0.1 that serves a folder of sample sites.

Used by ``monitor demo`` (the bundled sample of the watch list) and by the tests. Files are
served by path; the placeholder ``__BASE__`` inside them becomes the server's own base URL
(``http://127.0.0.1:PORT``), so feeds can link to article pages on a random free port.
Extra routes (a path mapped to a handler) let tests add faulty endpoints; extra headers per
path (a file's Last-Modified, say) are sent with that file. A client that closes or resets its
connection mid-request (the poll's client gives up on a request, or closes idle connections)
is logged at debug level; any other error in a request is printed with its traceback.
"""

from __future__ import annotations

import logging
import mimetypes
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Mapping
from urllib.parse import unquote, urlsplit

PLACEHOLDER = b"__BASE__"

log = logging.getLogger("monitor.sitesrv")

#: What a client that went away mid-request raises in the handler: nothing to report.
CLIENT_GONE = (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)

Route = Callable[[BaseHTTPRequestHandler], None]


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: tuple) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, CLIENT_GONE):
            log.debug("%s:%s closed the connection: %s", client_address[0], client_address[1], error)
            return
        super().handle_error(request, client_address)


class SiteServer:
    """Serve ``root`` on a free port of 127.0.0.1 in a background thread."""

    def __init__(self, root: str | Path | None = None, *, redirects: Mapping[str, str] | None = None, routes: Mapping[str, Route] | None = None, host: str = "127.0.0.1", delay: float = 0.0, port: int = 0, headers: Mapping[str, Mapping[str, str]] | None = None):
        self.root = Path(root).resolve() if root else None
        self.redirects = dict(redirects or {})
        self.routes = dict(routes or {})
        self.headers = {path: dict(h) for path, h in (headers or {}).items()}  # path -> extra headers
        self.host = host
        self.delay = delay  # seconds to wait before each answer, to simulate slow sites
        self.port = port  # preferred port; 0, or a port already taken, means any free one
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base(self) -> str:
        assert self._httpd, "server not started"
        return f"http://{self.host}:{self._httpd.server_address[1]}"

    def start(self) -> "SiteServer":
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                server._serve(self)

        try:
            self._httpd = _Server((self.host, self.port), Handler)
        except OSError:
            if not self.port:
                raise
            self._httpd = _Server((self.host, 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="site-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> "SiteServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        if self.delay:
            time.sleep(self.delay)
        path = urlsplit(h.path).path
        if path in self.routes:
            self.routes[path](h)
            return
        if path in self.redirects:
            target = self.redirects[path]
            send(h, 302, b"", headers={"Location": self.base + target if target.startswith("/") else target})
            return
        file = self._file(path)
        if file is None:
            send(h, 404, b"<h1>Not found</h1>", "text/html; charset=utf-8")
            return
        body = file.read_bytes().replace(PLACEHOLDER, self.base.encode())
        send(h, 200, body, _content_type(file), self.headers.get(path))

    def _file(self, path: str) -> Path | None:
        if self.root is None:
            return None
        candidate = (self.root / unquote(path).lstrip("/")).resolve()
        if self.root not in candidate.parents and candidate != self.root:
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None


def _content_type(file: Path) -> str:
    if file.suffix in (".xml", ".rss", ".atom"):
        return "application/rss+xml; charset=utf-8" if file.suffix != ".atom" else "application/atom+xml; charset=utf-8"
    kind = mimetypes.guess_type(file.name)[0] or "text/html"
    return f"{kind}; charset=utf-8" if kind.startswith("text/") else kind


def send(h: BaseHTTPRequestHandler, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", headers: Mapping[str, str] | None = None) -> None:
    """Write a complete response with a Content-Length."""
    h.send_response(status)
    if content_type:
        h.send_header("Content-Type", content_type)
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    if body:
        h.wfile.write(body)
