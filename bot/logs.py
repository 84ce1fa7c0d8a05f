"""JSON log lines; message text never appears unless the clinic turns that on.

Every turn writes one line, so the formatter is kept cheap: orjson, the timestamp text made
once per second, and none of the caller, thread or process lookups the lines never show
(the logging HOWTO's "Optimization" settings).
"""

from __future__ import annotations

import hashlib
import logging
import time
from typing import Any

from bot import codec


class JsonFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__()
        self._second = -1
        self._stamp = ""

    def _time(self, created: float) -> str:
        second = int(created)
        if second != self._second:  # one strftime per second, not per line
            self._stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second))
            self._second = second
        return self._stamp

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self._time(record.created),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            entry.update(fields)
        if record.exc_info and record.exc_info[0] is not None:
            entry["error"] = record.exc_info[0].__name__
        return codec.dumps(entry)


def configure_json_logging(level: int = logging.INFO) -> None:
    """One JSON handler on the root logger (idempotent)."""
    logging._srcfile = None  # type: ignore[attr-defined]  # no caller lookup per record
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    root = logging.getLogger()
    if any(isinstance(h.formatter, JsonFormatter) for h in root.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    root.handlers = [handler]
    root.setLevel(level)


def pseudonym(sender_id: str) -> str:
    """A stable short hash: turns of one conversation can be followed, not identified."""
    return hashlib.sha256(sender_id.encode()).hexdigest()[:12]
