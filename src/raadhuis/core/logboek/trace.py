"""W3C Trace Context (traceparent) for the Logboek Dataverwerkingen: parse, format, and the current span."""

from __future__ import annotations

import contextvars
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

# W3C Trace Context level 1, section 3.2: version-traceid-parentid-flags, lowercase hex.
_TRACEPARENT = re.compile(r"^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$")
_NUL_TRACE = "0" * 32
_NUL_SPAN = "0" * 16


@dataclass(frozen=True)
class Span:
    """Where we are in a trace: the LDV entries written now get ``span_id`` as their parent."""

    trace_id: str
    span_id: str
    parent_span_id: str = ""
    vlaggen: str = "01"

    @property
    def traceparent(self) -> str:
        return f"00-{self.trace_id}-{self.span_id}-{self.vlaggen}"

    def kind(self) -> Span:
        """A new action within this trace, called from this one."""
        return Span(
            trace_id=self.trace_id, span_id=nieuw_span_id(), parent_span_id=self.span_id, vlaggen=self.vlaggen
        )


def nieuw_trace_id() -> str:
    return secrets.token_hex(16)


def nieuw_span_id() -> str:
    return secrets.token_hex(8)


def nieuwe_trace() -> Span:
    # Sampled flag set: every processing of personal data is recorded, none is sampled away.
    return Span(trace_id=nieuw_trace_id(), span_id=nieuw_span_id())


def traceparent_lezen(waarde: str | None) -> Span | None:
    """The caller's span from a ``traceparent`` header, or None when absent or malformed.

    W3C Trace Context section 3.2.2: version ff is invalid, all-zero ids are invalid, version 00
    has exactly four fields, and a later version may append fields we ignore. A receiver must
    ignore an invalid header and start a new trace (section 3.2.2.1 and 4.3)."""
    if not waarde:
        return None
    waarde = waarde.strip()
    gevonden = _TRACEPARENT.match(waarde)
    if gevonden is None:
        return None
    versie, trace_id, span_id, vlaggen, rest = gevonden.groups()
    if versie == "ff" or (versie == "00" and rest is not None):
        return None
    if trace_id == _NUL_TRACE or span_id == _NUL_SPAN:
        return None
    return Span(trace_id=trace_id, span_id=span_id, vlaggen=vlaggen)


_huidige: contextvars.ContextVar[Span | None] = contextvars.ContextVar("raadhuis_logboek_span", default=None)


def huidige_span() -> Span | None:
    return _huidige.get()


@contextmanager
def span(ouder: Span | None = None) -> Iterator[Span]:
    """Runs the block as a span: a child of ``ouder`` (or of the current span), or the first span
    of a new trace when there is neither. Commands and tasks wrap their work in ``with span():``
    so the entries of one run share a trace."""
    basis = ouder or _huidige.get()
    actueel = basis.kind() if basis is not None else nieuwe_trace()
    token = _huidige.set(actueel)
    try:
        yield actueel
    finally:
        _huidige.reset(token)
