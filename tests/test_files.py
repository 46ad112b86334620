"""Output files written whole: the permissions they get."""

from __future__ import annotations

import os
import stat

from monitor.files import write_atomically


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_file_gets_the_permissions_the_umask_gives_and_a_replaced_one_keeps_its_own(tmp_path):
    """A service run with a umask (systemd's UMask=0027) keeps its outputs from other users:
    the digest files, the feeds and the outbox's messages (which name their readers) were
    always 0644, whatever the umask. A file replaced keeps the mode it was given."""
    before = os.umask(0o027)
    try:
        new = write_atomically(tmp_path / "digest-2025-W34.eml", b"To: editor@example.org\n")
        assert _mode(new) == 0o640
        os.umask(0o077)
        assert _mode(write_atomically(tmp_path / "stories.atom", b"<feed/>")) == 0o600
    finally:
        os.umask(before)
    kept = tmp_path / "policy.atom"
    kept.write_bytes(b"<feed/>")
    kept.chmod(0o604)
    write_atomically(kept, b"<feed>new</feed>")
    assert _mode(kept) == 0o604 and kept.read_bytes() == b"<feed>new</feed>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest-2025-W34.eml", "policy.atom", "stories.atom"]  # no temporary file left
