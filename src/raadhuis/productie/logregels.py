"""Structured logs: one JSON object per line, with the request id.

The request id is the W3C trace id that core.logboek's TraceContextMiddleware gives every request
(and that the Logboek Dataverwerkingen records), so a log line, a Logboek entry and the caller's
own logs can be joined.

Imports nothing of the apps: Django configures logging before it loads them.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from typing import Any

# The request fields the access line carries (passed as `extra`), in this order in the output.
VERZOEKVELDEN = ("method", "path", "route", "status", "duration_ms")


class JsonFormatter(logging.Formatter):
    """Formats a record as one line of JSON: time (UTC, ISO 8601), level, logger, message,
    request_id when the record was written while handling a request (or a task or command that
    runs in a span), the request fields when present, and the traceback of an exception."""

    def format(self, record: logging.LogRecord) -> str:
        regel: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None) or huidige_request_id()
        if request_id:
            regel["request_id"] = request_id
        for veld in VERZOEKVELDEN:
            if hasattr(record, veld):
                regel[veld] = getattr(record, veld)
        if record.exc_info:
            regel["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            regel["exception"] = record.exc_text
        return json.dumps(regel, ensure_ascii=False, default=str)


def huidige_request_id() -> str | None:
    """The trace id of the current span. Read through sys.modules: importing core.logboek here
    would load models while Django configures logging; and while nothing has loaded its trace
    module, no span can be running."""
    trace = sys.modules.get("raadhuis.core.logboek.trace")
    span = trace.huidige_span() if trace is not None else None
    return str(span.trace_id) if span is not None else None
