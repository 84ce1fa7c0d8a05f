"""Checkpoints a SQLite WAL file mostly from a thread of its own, so turns seldom wait for one.

Left to itself, SQLite checkpoints inside whichever commit takes the WAL past 1,000 pages: that
commit copies them into the database file and syncs it while its turn, and every turn behind
it, waits. Here a thread with its own connection copies the pages within ``CHECKPOINT_EVERY_S``
of new commits. It cannot start the WAL over, though: turns commit while it copies, and the WAL
restarts only once every page in it has been copied. So when the thread leaves the WAL longer
than ``RESTART_PAGES``, the store itself checkpoints after a commit, copying only the pages
written since the thread's pass, and its next commit starts the WAL over. SQLite's own
checkpoint stays as a safety valve at ``FALLBACK_PAGES``. Committed turns are in the WAL
already: nothing waits for a checkpoint to be kept.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger("calcibot.store")
CHECKPOINT_EVERY_S = 0.25
RESTART_PAGES = 2_000  # about 8 MB of WAL
FALLBACK_PAGES = 10_000  # about 40 MB


class WalCheckpointer:
    """A daemon thread that checkpoints the WAL (PASSIVE: it never blocks a writer), started
    by the first commit, so a store only read from (a report, a shell) runs none."""

    def __init__(self, path: Path, *, every_s: float = CHECKPOINT_EVERY_S) -> None:
        self.path = path
        self.every_s = every_s
        self.checkpoints = 0
        self.wal_frames = 0  # the WAL's length at the last checkpoint, in pages
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)

    def nudge(self) -> None:
        """Something was committed: checkpoint within ``every_s``."""
        if self._thread.ident is None and not self._stopping.is_set():
            self._thread.start()
        self._wake.set()

    def _run(self) -> None:
        try:
            db = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:  # SQLite's own checkpoints go on as before
            log.warning("WAL checkpoints stay with the commits: %s", exc)
            return
        try:
            while not self._stopping.is_set():
                self._wake.wait()
                if self._stopping.wait(self.every_s):  # gathers the commits meanwhile
                    return
                self._wake.clear()
                self.checkpoint(db)
        finally:
            db.close()

    @property
    def wants_restart(self) -> bool:
        """Whether the WAL has grown long enough for the writer to finish a checkpoint."""
        return self.wal_frames >= RESTART_PAGES

    def restart(self, db: sqlite3.Connection) -> None:
        """The writer's own checkpoint, between its commits: it copies what the thread's left,
        and the next commit starts the WAL over (so its length is not one to restart for)."""
        self.checkpoint(db)
        self.wal_frames = 0

    def checkpoint(self, db: sqlite3.Connection) -> None:
        """One PASSIVE checkpoint; a failure is logged, and the next nudge tries again."""
        try:
            _, self.wal_frames, _ = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            self.checkpoints += 1
        except sqlite3.Error as exc:
            log.warning("WAL checkpoint failed: %s", exc)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def close(self) -> None:
        """Stops the thread; SQLite checkpoints once more when the last connection closes."""
        self._stopping.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join()
