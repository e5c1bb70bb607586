"""What an app server process does once the platform is loaded, before its first request."""

from __future__ import annotations

import gc

from django.urls import get_resolver


def na_het_laden() -> None:
    """Loads the URLconf (every view, form and API schema) now instead of at the first request, then
    moves everything loaded so far out of the cyclic garbage collector's reach (gc.freeze): it lives
    as long as the process, yet each full collection walked all of it. On "Mijn zaken" collections
    were about a quarter of a request's time (docs/benchmarks.md). With gunicorn's preload_app this
    runs in the master, so the forked workers also keep sharing those memory pages instead of each
    copying them when the collector touches them (the gc module documentation recommends it)."""
    get_resolver().url_patterns  # noqa: B018 - the import is the point
    gc.collect()
    gc.freeze()
