"""A large sitemap run spread over worker processes: one forked worker per core, each writing one
block number at a time, claimed and recorded by the parent.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing
import os
import queue
from pathlib import Path

from django.db import connections

from raadhuis.publicatie.models import Sitemapblok
from raadhuis.publicatie.sitemaps.schrijven import (
    Resultaat,
    _blokken_schrijven,
    _opnieuw_markeren,
    _vastleggen,
    _verouderde_groep,
)


def _werker_starten() -> None:
    """A worker makes and drops millions of short-lived strings and tuples: the collector's full
    passes over the objects it inherited (Django's, the value lists) cost about a sixth of the
    run, so those are frozen and the young generation collected less often. Only in the worker,
    which ends with the run."""
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)


def _groep_in_werker(taak: tuple[int, tuple[str, ...], str]) -> dict[str, tuple[int, int]]:
    """One block number in a worker process (forked: the settings, and so the database and the
    base URL, are the parent's; the connection is its own, opened here)."""
    nummer, infocats, root = taak
    return _blokken_schrijven(nummer, infocats, Path(root))


def _werkers() -> int:
    """Worker processes for a large run: one per core. Forked, so they get the parent's settings as
    they are now; where fork does not exist the run stays in this process."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return os.cpu_count() or 1


def _parallel_schrijven(werkers: int, root: Path, resultaat: Resultaat, categorieen: set[str]) -> None:
    """Writes the out-of-date block numbers in `werkers` processes. This process claims a number
    just before handing it out (at most two per worker waiting, never one already being written)
    and records each result; on an error every claimed number not yet written is marked again."""
    # No connection may cross the fork: each worker opens its own.
    connections.close_all()
    context = multiprocessing.get_context("fork")
    klaar: queue.SimpleQueue[tuple[int, dict[str, tuple[int, int]] | BaseException]] = queue.SimpleQueue()
    lopend: dict[int, list[Sitemapblok]] = {}
    pool = context.Pool(werkers, initializer=_werker_starten)
    try:
        while True:
            while len(lopend) < 2 * werkers and (blokken := _verouderde_groep(behalve=lopend)):
                nummer = blokken[0].nummer
                lopend[nummer] = blokken
                pool.apply_async(
                    _groep_in_werker,
                    ((nummer, tuple(blok.infocat for blok in blokken), str(root)),),
                    callback=functools.partial(_melden, klaar, nummer),
                    error_callback=functools.partial(_melden, klaar, nummer),
                )
            if not lopend:
                break
            nummer, uitkomst = klaar.get()
            if isinstance(uitkomst, BaseException):
                raise uitkomst
            _vastleggen(lopend.pop(nummer), uitkomst, resultaat, categorieen)
        pool.close()
    except BaseException:
        pool.terminate()
        _opnieuw_markeren(lopend.values())
        raise
    finally:
        pool.join()


def _melden(
    klaar: queue.SimpleQueue[tuple[int, dict[str, tuple[int, int]] | BaseException]],
    nummer: int,
    uitkomst: dict[str, tuple[int, int]] | BaseException,
) -> None:
    klaar.put((nummer, uitkomst))
