"""JSON for what every turn encodes and decodes: events, cached parses, log lines, replies.

orjson is several times faster than the standard library; what it refuses (integers beyond
64 bits in a client's metadata, the non-standard ``NaN`` of older records) falls back to the
standard library, so anything that was JSON before still is. Infinite numbers (a client may
send ``1e999``) are written as ``null``, which every JSON reader accepts.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


def dumpb(value: Any) -> bytes:
    """Compact UTF-8 JSON."""
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def dumps(value: Any) -> str:
    return dumpb(value).decode()


def loads(data: str | bytes) -> Any:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data)
