"""Sitemap files on disk: a block's parts, each file written atomically, the index files, and the
claiming and recording of out-of-date blocks.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import tempfile
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from django.db import transaction
from django.utils import timezone
from lxml import etree

from raadhuis.publicatie.diwoo import DIWOO_NS, SITEMAP_NS, OngeldigeMetadata, Urls, absolute_url, datumtijd
from raadhuis.publicatie.models import Sitemapblok
from raadhuis.publicatie.sitemaps import indeling
from raadhuis.publicatie.sitemaps.indeling import (
    SITEMAP_PATROON,
    _categorie_uri,
    _s,
    _sitemapvoorvoegsel,
    indexnaam,
    sitemap_root,
    sitemapnaam,
)
from raadhuis.publicatie.sitemaps.lezen import _urls_in_blokken

# The package's logger, as before it was split into modules: log routing and alerts select on it.
logger = logging.getLogger("raadhuis.publicatie.sitemaps")

_XML_KOP = b'<?xml version="1.0" encoding="UTF-8"?>\n'
_URLSET_OPEN = f'<urlset xmlns="{SITEMAP_NS}" xmlns:diwoo="{DIWOO_NS}">\n'.encode()
_URLSET_SLUIT = b"</urlset>\n"


class _AtomischBestand:
    """A file written under a temporary name in the same folder and moved into place on success."""

    def __init__(self, doel: Path) -> None:
        self.doel = doel
        descriptor, naam = tempfile.mkstemp(prefix=".tmp-", suffix=".xml", dir=doel.parent)
        self.tijdelijk = Path(naam)
        self.handle: BinaryIO = os.fdopen(descriptor, "wb")
        self.grootte = 0

    def write(self, inhoud: bytes) -> None:
        self.handle.write(inhoud)
        self.grootte += len(inhoud)

    def voltooien(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        os.chmod(self.tijdelijk, 0o644)
        os.replace(self.tijdelijk, self.doel)

    def afbreken(self) -> None:
        self.handle.close()
        self.tijdelijk.unlink(missing_ok=True)


@dataclass
class Resultaat:
    blokken: int = 0
    urls: int = 0
    overgeslagen: int = 0
    indexen: list[str] = field(default_factory=list)


def _delen_van_blok(root: Path, infocat: str, nummer: int) -> list[Path]:
    voorvoegsel = _sitemapvoorvoegsel(infocat, nummer)
    return [
        pad
        for pad in root.iterdir()
        if pad.name.startswith(voorvoegsel)
        and (m := SITEMAP_PATROON.match(pad.name))
        and (m.group("infocat") or "") == infocat
        and int(m.group("nummer")) == nummer
    ]


class _Blokschrijver:
    """The part files of one block: a part is closed before it passes GRENS_DEEL bytes or
    MAXIMAAL_AANTAL URLs; at the end, parts left over from an earlier, larger generation are
    removed, and an empty block leaves no file."""

    def __init__(self, root: Path, infocat: str, nummer: int) -> None:
        self.root, self.infocat, self.nummer = root, infocat, nummer
        self.geschreven: list[Path] = []
        self.bestand: _AtomischBestand | None = None
        self.in_deel = 0
        self.aantal = 0
        self.overgeslagen = 0

    def schrijven(self, inhoud: bytes) -> None:
        bestand = self.bestand
        if bestand is not None and (
            bestand.grootte + len(inhoud) > indeling.GRENS_DEEL or self.in_deel >= indeling.MAXIMAAL_AANTAL
        ):
            self._deel_sluiten(bestand)
            bestand = None
        if bestand is None:
            deel = len(self.geschreven) + 1
            bestand = self.bestand = _AtomischBestand(
                self.root / sitemapnaam(self.infocat, self.nummer, deel)
            )
            bestand.write(_XML_KOP + _URLSET_OPEN)
            self.in_deel = 0
        bestand.write(inhoud)
        self.in_deel += 1
        self.aantal += 1

    def _deel_sluiten(self, bestand: _AtomischBestand) -> None:
        bestand.write(_URLSET_SLUIT)
        bestand.voltooien()
        self.geschreven.append(bestand.doel)
        self.bestand = None

    def voltooien(self) -> None:
        if self.bestand is not None:
            self._deel_sluiten(self.bestand)
        for pad in _delen_van_blok(self.root, self.infocat, self.nummer):
            if pad not in self.geschreven:
                pad.unlink(missing_ok=True)

    def afbreken(self) -> None:
        if self.bestand is not None:
            self.bestand.afbreken()
            self.bestand = None


def _blokken_schrijven(nummer: int, infocats: Iterable[str], root: Path) -> dict[str, tuple[int, int]]:
    """Writes the sitemap files of block `nummer` of each of these categories in one pass over the
    block's documents; returns (URLs written, documents skipped) per infocat."""
    schrijvers = {infocat: _Blokschrijver(root, infocat, nummer) for infocat in infocats}
    uris = {uri: infocat for infocat in schrijvers if (uri := _categorie_uri(infocat)) is not None}
    try:
        if uris:
            for infocat, pk, inhoud in _urls_in_blokken(nummer, uris, Urls()):
                schrijver = schrijvers[infocat]
                if isinstance(inhoud, OngeldigeMetadata):
                    schrijver.overgeslagen += 1
                    logger.warning("Document %s niet in de sitemap: %s", pk, inhoud)
                    continue
                schrijver.schrijven(inhoud)
        for schrijver in schrijvers.values():
            schrijver.voltooien()
    finally:
        for schrijver in schrijvers.values():
            schrijver.afbreken()
    return {infocat: (s.aantal, s.overgeslagen) for infocat, s in schrijvers.items()}


def blok_schrijven(blok: Sitemapblok, *, root: Path | None = None) -> tuple[int, int]:
    """Writes the sitemap file(s) of one block; returns (URLs written, documents skipped). Parts left
    over from an earlier, larger generation are removed; an empty block leaves no file."""
    return _blokken_schrijven(blok.nummer, [blok.infocat], root or sitemap_root())[blok.infocat]


def _bestandstijd(pad: Path) -> str:
    return datumtijd(dt.datetime.fromtimestamp(pad.stat().st_mtime, tz=dt.UTC))


def index_schrijven(infocat: str, *, root: Path | None = None) -> str | None:
    """Writes the sitemap index of one category from the sitemap files on disk; removes it when the
    category has none left. Returns the file name, or None when removed."""
    root = root or sitemap_root()
    delen = []
    for pad in root.iterdir():
        m = SITEMAP_PATROON.match(pad.name)
        if m and (m.group("infocat") or "") == infocat:
            delen.append((int(m.group("nummer")), int(m.group("deel")), pad))
    naam = indexnaam(infocat)
    if not delen:
        (root / naam).unlink(missing_ok=True)
        return None
    bestand = _AtomischBestand(root / naam)
    try:
        bestand.write(_XML_KOP + f'<sitemapindex xmlns="{SITEMAP_NS}">\n'.encode())
        for _nummer, _deel, pad in sorted(delen)[: indeling.MAXIMAAL_AANTAL]:
            element = etree.Element(_s("sitemap"), nsmap={None: SITEMAP_NS})  # type: ignore[dict-item]
            etree.SubElement(element, _s("loc")).text = absolute_url(f"/sitemaps/{pad.name}")
            etree.SubElement(element, _s("lastmod")).text = _bestandstijd(pad)
            inhoud = etree.tostring(element, encoding="utf-8").replace(
                f' xmlns="{SITEMAP_NS}"'.encode(), b"", 1
            )
            bestand.write(inhoud + b"\n")
        bestand.write(b"</sitemapindex>\n")
        bestand.voltooien()
    except BaseException:
        bestand.afbreken()
        raise
    return naam


def _verouderde_groep(*, behalve: Collection[int] = ()) -> list[Sitemapblok]:
    """Claims every out-of-date block of the lowest block number (not in `behalve`) at once: the
    categories of one number share its id range, which `_blokken_schrijven` reads once for all of
    them. The marks are cleared *before* the blocks are written, so a change that lands while they
    are being written marks its block again and is not lost."""
    with transaction.atomic():
        verouderd = Sitemapblok.objects.select_for_update().filter(verouderd=True).exclude(nummer__in=behalve)
        eerste = verouderd.order_by("nummer", "infocat").first()
        if eerste is None:
            return []
        blokken = list(verouderd.filter(nummer=eerste.nummer).order_by("infocat"))
        Sitemapblok.objects.filter(pk__in=[blok.pk for blok in blokken]).update(verouderd=False)
    return blokken


def _vastleggen(
    blokken: list[Sitemapblok],
    uitkomst: dict[str, tuple[int, int]],
    resultaat: Resultaat,
    categorieen: set[str],
) -> None:
    for blok in blokken:
        aantal, overgeslagen = uitkomst[blok.infocat]
        if aantal == 0 and not overgeslagen:
            # Nothing (left) in this block: no file, and no row, unless it was marked again meanwhile.
            Sitemapblok.objects.filter(pk=blok.pk, verouderd=False).delete()
        else:
            Sitemapblok.objects.filter(pk=blok.pk).update(aantal=aantal, gegenereerd_op=timezone.now())
        resultaat.blokken += 1
        resultaat.urls += aantal
        resultaat.overgeslagen += overgeslagen
        categorieen.add(blok.infocat)


def _opnieuw_markeren(groepen: Iterable[list[Sitemapblok]]) -> None:
    pks = [blok.pk for blokken in groepen for blok in blokken]
    if pks:
        Sitemapblok.objects.filter(pk__in=pks).update(verouderd=True)
