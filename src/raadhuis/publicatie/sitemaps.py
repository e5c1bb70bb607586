"""Sitemaps for the national Woo index (woo.md §6; issue 10 point 3), written in the background and
served as static files.

Layout in `settings.RAADHUIS_SITEMAP_ROOT`:
- `sitemapindex-diwoo-infocatNNN.xml`: one sitemap index per information category that has
  published documents (NNN the infocat number, "014" for Woo-verzoeken). Art. 3.1 has no infocat
  number; its index is `sitemapindex-diwoo.xml`, the name the GPP implementation serves (the
  harvester reads every `sitemapindex-diwoo*.xml`). robots.txt lists the index files only.
- `sitemap-diwoo-infocatNNN-B-D.xml` (art. 3.1: `sitemap-diwoo-B-D.xml`): the documents of block B
  (document ids B × BLOKGROOTTE up to the next block) whose publication's first category is NNN,
  part D (1, 2, …). A block has at most BLOKGROOTTE documents, so at most 50,000 URLs; a part is
  closed before it reaches 50 MB, so a block with long descriptions becomes several parts.

Incremental: a change to a document marks its block `verouderd` (`blokken_markeren`, called by the
services); the task `sitemaps_bijwerken` rewrites only those blocks and the index files of their
categories. With a million documents one change costs one block file (≤ 50,000 URLs) and an index.
Documents are read CHUNK at a time by keyset (id order) as plain rows with their metadata loaded
per chunk in a fixed number of queries, and each `<url>` is written to disk as it is made, so
memory and the number of queries per chunk stay flat however large the corpus. The blocks of one
block number share its id range and are written in one pass over it; a full run spreads the
numbers over one worker process per core. The `<url>` text comes from string templates
(`diwoo.document_tekst`, a publication's part made once for all its documents), byte for byte
what the lxml reference path (`url_element`) gives, which still writes any document the templates
do not take. Files are written to a temporary name and moved into place (`os.replace`), so a
harvester never reads half a file.

Withdrawn and replaced documents are left out of the next generation: the harvester identifies a
document by its `loc` and the sitemap protocol's only removal signal is the URL no longer being
listed (the KOOP "voorbeelden" page describes removal that way); their file URL then answers 410
Gone, and the register keeps their history and reason (the public publication page shows it). A
publication that replaces another carries the old one's reason in `redenVerwijderingVervanging`
(DiWoo 0.9.8: why a document was removed or replaced), with a fresh `lastmod`. Only documents whose
format is on the TOOI file-type list are listed (the index skips other formats, woo.md §6.5), and a
document whose metadata is not on the value lists is skipped and logged, never written.
"""

from __future__ import annotations

import functools
import gc
import logging
import multiprocessing
import os
import queue
import re
import tempfile
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from django.conf import settings
from django.db import connection, connections, transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django_tasks import task
from lxml import etree

from raadhuis.publicatie import waardelijsten
from raadhuis.publicatie.diwoo import (
    DIWOO_NS,
    DOCUMENTKOLOMMEN,
    SITEMAP_NS,
    Documentsjablonen,
    OngeldigeMetadata,
    Publicatiefragmenten,
    Publicatierij,
    Samenhang,
    Urls,
    datumtijd,
    document_element,
    document_tekst,
    meldingen,
    moment,
    publicatie_fragmenten,
    publicaties_lezen,
    samenhang_laden,
    tekst_escapen,
    uuid_tekst,
)
from raadhuis.publicatie.models import (
    Publicatiedocument,
    Publicatiestatus,
    Sitemapblok,
)

logger = logging.getLogger(__name__)

# Document ids per block: the sitemaps.org limit of 50,000 URLs per sitemap.
BLOKGROOTTE = 50_000
# The protocol's size limit per file (uncompressed): 50 MB = 52,428,800 bytes.
MAXIMALE_GROOTTE = 50 * 1024 * 1024
# A part is closed once it passes this, leaving room for one more (large) `<url>` and the end tag.
GRENS_DEEL = MAXIMALE_GROOTTE - 2 * 1024 * 1024
MAXIMAAL_AANTAL = 50_000
# Documents read per query; their metadata is loaded per chunk in a fixed number of queries.
CHUNK = 2000
# Out-of-date block numbers from which a run is spread over worker processes (a full run).
PARALLEL_VANAF = 2

# The infocat key of art. 3.1 publications, which have no infocat number (woo.md §4).
INFOCAT_ARTIKEL_3_1 = ""

INDEX_PATROON = re.compile(r"^sitemapindex-diwoo(?:-infocat(?P<infocat>\d{3}))?\.xml$")
SITEMAP_PATROON = re.compile(
    r"^sitemap-diwoo(?:-infocat(?P<infocat>\d{3}))?-(?P<nummer>\d{1,7})-(?P<deel>\d{1,4})\.xml$"
)
# Every file name this module writes (and the view serves).
BESTANDSNAAM_PATROON = re.compile(
    r"^(?:sitemapindex-diwoo(?:-infocat\d{3})?|sitemap-diwoo(?:-infocat\d{3})?-\d{1,7}-\d{1,4})\.xml$"
)

_XML_KOP = b'<?xml version="1.0" encoding="UTF-8"?>\n'
_URLSET_OPEN = f'<urlset xmlns="{SITEMAP_NS}" xmlns:diwoo="{DIWOO_NS}">\n'.encode()
_URLSET_SLUIT = b"</urlset>\n"
_URL_NSMAP: dict[str | None, str] = {None: SITEMAP_NS, "diwoo": DIWOO_NS}


def _s(naam: str) -> str:
    return f"{{{SITEMAP_NS}}}{naam}"


def sitemap_root() -> Path:
    root = Path(settings.RAADHUIS_SITEMAP_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    return root


def indexnaam(infocat: str) -> str:
    """The sitemap-index file of a category (infocat number, or "" for art. 3.1)."""
    return f"sitemapindex-diwoo-infocat{infocat}.xml" if infocat else "sitemapindex-diwoo.xml"


def _sitemapvoorvoegsel(infocat: str, nummer: int) -> str:
    return f"sitemap-diwoo-infocat{infocat}-{nummer}-" if infocat else f"sitemap-diwoo-{nummer}-"


def sitemapnaam(infocat: str, nummer: int, deel: int) -> str:
    return f"{_sitemapvoorvoegsel(infocat, nummer)}{deel}.xml"


def _categorie_uri(infocat: str) -> str | None:
    if infocat == INFOCAT_ARTIKEL_3_1:
        return waardelijsten.CATEGORIE_INSPANNINGSVERPLICHTING
    categorie = waardelijsten.categorie_met_infocat(infocat)
    return categorie.uri if categorie else None


def _infocat_van(categorieen: list[str]) -> str | None:
    """The sitemap a publication goes in: its first category (models.Publicatie). None when it has
    none or an unknown one (the services refuse those; such a publication is never listed)."""
    if not categorieen:
        return None
    uri = categorieen[0]
    if uri == waardelijsten.CATEGORIE_INSPANNINGSVERPLICHTING:
        return INFOCAT_ARTIKEL_3_1
    nummer = waardelijsten.infocat(uri)
    return nummer or None


def blokken_markeren(document_ids: Iterable[int]) -> int:
    """Marks the sitemap blocks of these documents out of date (created when new); returns how many.

    Call it inside the service's transaction for every document that was published, changed,
    withdrawn or replaced, and enqueue `sitemaps_bijwerken` on commit. When a change moves a
    document to another sitemap (its publication's first category changes) or deletes it, call it
    before the change as well, so the block it leaves is rewritten too."""
    ids = sorted(set(document_ids))
    if not ids:
        return 0
    paren: set[tuple[str, int]] = set()
    rijen = Publicatiedocument.objects.filter(pk__in=ids).values_list(
        "pk", "publicatie__informatiecategorieen"
    )
    for pk, categorieen in rijen:
        infocat = _infocat_van(list(categorieen or []))
        if infocat is not None:
            paren.add((infocat, pk // BLOKGROOTTE))
    if not paren:
        return 0
    Sitemapblok.objects.bulk_create(
        [Sitemapblok(infocat=infocat, nummer=nummer, verouderd=True) for infocat, nummer in sorted(paren)],
        update_conflicts=True,
        unique_fields=["infocat", "nummer"],
        update_fields=["verouderd"],
    )
    return len(paren)


def alles_markeren() -> int:
    """Marks every block out of date, and creates the block of every category for every block
    number that holds documents: for a full regeneration (`sitemaps_bijwerken --alles`, after a
    change of base URL or value lists). A number's categories are written in one pass over its
    id range, so a category without documents there costs nothing but its (then removed) row;
    this keeps the marking itself to one small query per block number, instead of reading every
    document's category into memory."""
    Sitemapblok.objects.update(verouderd=True)
    hoogste = Publicatiedocument.objects.aggregate(hoogste=Max("pk"))["hoogste"]
    if hoogste is not None:
        infocats = sorted(
            {INFOCAT_ARTIKEL_3_1} | {c.infocat for c in waardelijsten.categorieen() if c.infocat}
        )
        nummers = [
            nummer
            for nummer in range(hoogste // BLOKGROOTTE + 1)
            if Publicatiedocument.objects.filter(
                pk__gte=nummer * BLOKGROOTTE, pk__lt=(nummer + 1) * BLOKGROOTTE
            ).exists()
        ]
        Sitemapblok.objects.bulk_create(
            [Sitemapblok(infocat=i, nummer=n, verouderd=True) for n in nummers for i in infocats],
            update_conflicts=True,
            unique_fields=["infocat", "nummer"],
            update_fields=["verouderd"],
        )
    return Sitemapblok.objects.filter(verouderd=True).count()


def documenten_in_blok(infocat: str, nummer: int) -> QuerySet[Publicatiedocument]:
    """The documents one sitemap block lists: published, first category `infocat`, id in the block,
    a format on the TOOI file-type list; in id order. The definition, in SQL; the writer
    (`_urls_in_blokken`) selects the same documents with queries the database can plan well."""
    uri = _categorie_uri(infocat)
    if uri is None:
        return Publicatiedocument.objects.none()
    return Publicatiedocument.objects.filter(
        pk__gte=nummer * BLOKGROOTTE,
        pk__lt=(nummer + 1) * BLOKGROOTTE,
        publicatie__status=Publicatiestatus.GEPUBLICEERD,
        publicatie__informatiecategorieen__0=uri,
        bestandsformaat__in=list(waardelijsten.bestandsformaten()),
    ).order_by("pk")


def _urls_van_rijen(
    brok: list[tuple[Any, ...]],
    fragmenten: dict[int, Publicatiefragmenten | None],
    urls: Urls,
    sjablonen: Documentsjablonen,
) -> Iterator[tuple[int, bytes | OngeldigeMetadata]]:
    """Each document row's `<url>` as bytes, or why it is skipped. A document the text templates
    cannot take (a value off its list, a character XML refuses) goes through the lxml path, which
    gives the same bytes or the same error as always."""
    for pk, publicatie_id, document_uuid, titel, soort, naam, formaat, creatiedatum, gewijzigd_op in brok:
        deel = fragmenten.get(publicatie_id)
        tekst = None if deel is None else document_tekst(titel, soort, formaat, creatiedatum, deel, sjablonen)
        if deel is None or tekst is None:
            try:
                yield pk, _url_bytes_via_lxml(pk, urls)
            except OngeldigeMetadata as fout:
                yield pk, fout
            continue
        loc = tekst_escapen(urls.document_adres(uuid_tekst(document_uuid), naam))
        lastmod = datumtijd(max(moment(gewijzigd_op), deel.gewijzigd))
        yield pk, f"<url><loc>{loc}</loc><lastmod>{lastmod}</lastmod>{tekst}</url>\n".encode()


def _url_teksten(
    documenten: QuerySet[Publicatiedocument], urls: Urls
) -> Iterator[tuple[int, bytes | OngeldigeMetadata]]:
    """The `<url>` of every document in `documenten` (whatever its state), CHUNK at a time by
    keyset: the text path for any selection of documents (the tests compare it with lxml)."""
    sjablonen = Documentsjablonen()
    laatste = -1
    while True:
        brok = list(documenten.filter(pk__gt=laatste).values_list(*DOCUMENTKOLOMMEN)[:CHUNK])
        if not brok:
            return
        laatste = brok[-1][0]
        publicaties = publicaties_lezen({rij[1] for rij in brok})
        yield from _urls_van_rijen(brok, publicatie_fragmenten(publicaties, urls), urls, sjablonen)


def _infocat_van_rij(publicatie: Publicatierij, uris: dict[str, str]) -> str | None:
    categorieen = publicatie.informatiecategorieen
    if isinstance(categorieen, list) and categorieen and isinstance(categorieen[0], str):
        return uris.get(categorieen[0])
    return None


def _urls_in_blokken(
    nummer: int, uris: dict[str, str], urls: Urls
) -> Iterator[tuple[str, int, bytes | OngeldigeMetadata]]:
    """(infocat, document id, `<url>` or why it is skipped) for the documents of block `nummer`
    that the blocks of the categories in `uris` (category URI → infocat) list: published, first
    category among them, a harvestable format; in id order.

    Reads the block's id range once for all the categories asked, CHUNK documents at a time by
    keyset, with their publications by id; status and first category are checked here, not in
    SQL: a filter on the first element of a JSON list has no index and no statistics, and
    PostgreSQL then scans the whole publication table for every chunk. Five small indexed queries
    per chunk (documents, publications, handlings, relations, replacements), so memory and queries
    per chunk stay flat."""
    formaten = list(waardelijsten.bestandsformaten())
    sjablonen = Documentsjablonen()
    filters: dict[str, Any] = {"status": Publicatiestatus.GEPUBLICEERD}
    if len(uris) == 1:
        # One category (a block rewritten after a change): let the database drop the others. Safe
        # here, on publications within a small id range, where the primary key leads the plan.
        filters["informatiecategorieen__0"] = next(iter(uris))
    laatste = nummer * BLOKGROOTTE - 1
    einde = (nummer + 1) * BLOKGROOTTE
    while True:
        brok = list(
            Publicatiedocument.objects.filter(pk__gt=laatste, pk__lt=einde, bestandsformaat__in=formaten)
            .order_by("pk")
            .values_list(*DOCUMENTKOLOMMEN)[:CHUNK]
        )
        if not brok:
            return
        laatste = brok[-1][0]
        infocats: dict[int, str] = {}
        publicaties = []
        for publicatie in publicaties_lezen({rij[1] for rij in brok}, **filters):
            infocat = _infocat_van_rij(publicatie, uris)
            if infocat is not None:
                infocats[publicatie.pk] = infocat
                publicaties.append(publicatie)
        gevraagd = [rij for rij in brok if rij[1] in infocats]
        fragmenten = publicatie_fragmenten(publicaties, urls)
        for rij, (pk, inhoud) in zip(
            gevraagd, _urls_van_rijen(gevraagd, fragmenten, urls, sjablonen), strict=True
        ):
            yield infocats[rij[1]], pk, inhoud


def _lastmod(document: Publicatiedocument) -> str:
    """When the harvester should fetch again: the later of the file's and the metadata's change."""
    momenten = [document.gewijzigd_op, document.publicatie.gewijzigd_op]
    if document.publicatie.gepubliceerd_op:
        momenten.append(document.publicatie.gepubliceerd_op)
    return datumtijd(max(m for m in momenten if m is not None))


def url_element(
    document: Publicatiedocument, samenhang: Samenhang | None = None, urls: Urls | None = None
) -> etree._Element:
    """One sitemap `<url>`: loc (the file itself, https), lastmod and the `diwoo:Document`."""
    urls = urls or Urls()
    url = etree.Element(_s("url"), nsmap=_URL_NSMAP)  # type: ignore[arg-type]
    etree.SubElement(url, _s("loc")).text = urls.document(document)
    etree.SubElement(url, _s("lastmod")).text = _lastmod(document)
    url.append(document_element(document, samenhang, urls))
    return url


# What lxml puts on a detached `<url>`; the urlset declares both namespaces once already.
_URL_DECLARATIES = f' xmlns="{SITEMAP_NS}" xmlns:diwoo="{DIWOO_NS}"'.encode()


def _url_bytes(document: Publicatiedocument, samenhang: Samenhang, urls: Urls) -> bytes:
    inhoud: bytes = etree.tostring(url_element(document, samenhang, urls), encoding="utf-8")
    if not inhoud.startswith(b"<url" + _URL_DECLARATIES):
        # Should lxml ever order or prefix the declarations differently, keep them: still valid XML.
        return inhoud + b"\n"
    return b"<url" + inhoud[len(b"<url" + _URL_DECLARATIES) :] + b"\n"


def _url_bytes_via_lxml(pk: int, urls: Urls) -> bytes:
    document = Publicatiedocument.objects.select_related("publicatie").defer("tekst").get(pk=pk)
    return _url_bytes(document, samenhang_laden([document.publicatie_id])[document.publicatie_id], urls)


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
            bestand.grootte + len(inhoud) > GRENS_DEEL or self.in_deel >= MAXIMAAL_AANTAL
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
    import datetime as dt

    return datumtijd(dt.datetime.fromtimestamp(pad.stat().st_mtime, tz=dt.UTC))


def index_schrijven(infocat: str, *, root: Path | None = None) -> str | None:
    """Writes the sitemap index of one category from the sitemap files on disk; removes it when the
    category has none left. Returns the file name, or None when removed."""
    from raadhuis.publicatie.diwoo import absolute_url

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
        for _nummer, _deel, pad in sorted(delen)[:MAXIMAAL_AANTAL]:
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


def _groep_schrijven(blokken: list[Sitemapblok], root: Path) -> dict[str, tuple[int, int]]:
    if len(blokken) == 1:
        return {blokken[0].infocat: blok_schrijven(blokken[0], root=root)}
    return _blokken_schrijven(blokken[0].nummer, [blok.infocat for blok in blokken], root)


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


def sitemaps_genereren(*, alles: bool = False) -> Resultaat:
    """Rewrites the out-of-date sitemap blocks (every block with `alles`) and the index files of
    their categories. Idempotent: running it twice writes the same files.

    The blocks of one block number are written together (one read of its id range). When several
    numbers are out of date (a full run), they are written in parallel, one worker process per
    core; not inside a transaction, whose rows a worker's own connection could not see."""
    root = sitemap_root()
    if alles:
        alles_markeren()
    resultaat = Resultaat()
    categorieen: set[str] = set()
    werkers = _werkers()
    if (
        werkers > 1
        and not connection.in_atomic_block
        and Sitemapblok.objects.filter(verouderd=True).values("nummer").distinct().count() >= PARALLEL_VANAF
    ):
        _parallel_schrijven(werkers, root, resultaat, categorieen)
    # Whatever is out of date (still, or again after a change during the parallel run).
    while blokken := _verouderde_groep():
        try:
            uitkomst = _groep_schrijven(blokken, root)
        except BaseException:
            _opnieuw_markeren([blokken])
            raise
        _vastleggen(blokken, uitkomst, resultaat, categorieen)
    if alles:
        # Index files of categories that no longer exist as blocks are rebuilt (and so removed) too.
        for pad in root.iterdir():
            m = INDEX_PATROON.match(pad.name)
            if m:
                categorieen.add(m.group("infocat") or "")
    for infocat in sorted(categorieen):
        naam = index_schrijven(infocat, root=root)
        if naam:
            resultaat.indexen.append(naam)
    return resultaat


@task()
def sitemaps_bijwerken() -> int:
    """Background task: rewrites the blocks the services marked (enqueue with `core.taken.na_commit`
    after publishing, withdrawing or replacing). Returns the number of blocks written."""
    return sitemaps_genereren().blokken


def indexbestanden(root: Path | None = None) -> list[str]:
    """The sitemap-index files that exist, for robots.txt: sorted by name."""
    root = root or sitemap_root()
    return sorted(pad.name for pad in root.iterdir() if INDEX_PATROON.match(pad.name))


# --- validation (`manage.py sitemaps_valideren`) --------------------------------------------------

_W3C_DATUMTIJD = re.compile(
    r"^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?)?)?$"
)


def _controleer_loc(loc: str | None, basis: str, wat: str) -> list[str]:
    if not loc:
        return [f"{wat}: <loc> ontbreekt of is leeg."]
    problemen = []
    if not loc.startswith("https://"):
        problemen.append(f"{wat}: <loc> is geen https-adres: {loc}")
    if not loc.startswith(basis + "/"):
        problemen.append(f"{wat}: <loc> staat niet op de host van de sitemap ({basis}): {loc}")
    if len(loc) > 2048:
        problemen.append(f"{wat}: <loc> is langer dan 2048 tekens.")
    return problemen


def _controleer_lastmod(element: etree._Element, wat: str) -> list[str]:
    lastmod = element.findall(_s("lastmod"))
    if len(lastmod) > 1:
        return [f"{wat}: meer dan één <lastmod>."]
    if lastmod and not _W3C_DATUMTIJD.match((lastmod[0].text or "").strip()):
        return [f"{wat}: <lastmod> is geen W3C-datum: {lastmod[0].text!r}"]
    return []


def _controleer_index(pad: Path, basis: str, bestaand: set[str]) -> tuple[list[str], set[str]]:
    problemen: list[str] = []
    genoemd: set[str] = set()
    try:
        boom = etree.parse(str(pad), etree.XMLParser(no_network=True, resolve_entities=False))
    except etree.XMLSyntaxError as fout:
        return [f"{pad.name}: geen geldige XML: {fout}"], genoemd
    wortel = boom.getroot()
    if wortel.tag != _s("sitemapindex"):
        return [f"{pad.name}: de wortel is {wortel.tag}, niet sitemapindex in {SITEMAP_NS}."], genoemd
    sitemaps = list(wortel)
    if len(sitemaps) > MAXIMAAL_AANTAL:
        problemen.append(f"{pad.name}: {len(sitemaps)} sitemaps, meer dan {MAXIMAAL_AANTAL}.")
    if not sitemaps:
        problemen.append(f"{pad.name}: noemt geen enkele sitemap.")
    for nummer, sitemap in enumerate(sitemaps, 1):
        wat = f"{pad.name} sitemap {nummer}"
        if sitemap.tag != _s("sitemap"):
            problemen.append(f"{wat}: onverwacht element {sitemap.tag}.")
            continue
        locs = sitemap.findall(_s("loc"))
        if len(locs) != 1:
            problemen.append(f"{wat}: precies één <loc> vereist, gevonden {len(locs)}.")
            continue
        loc = (locs[0].text or "").strip()
        problemen += _controleer_loc(loc, basis, wat)
        problemen += _controleer_lastmod(sitemap, wat)
        for kind in sitemap:
            if kind.tag not in (_s("loc"), _s("lastmod")):
                problemen.append(f"{wat}: onverwacht element {kind.tag}.")
        naam = loc.rsplit("/", 1)[-1]
        if not loc.startswith(basis + "/sitemaps/") or naam not in bestaand:
            problemen.append(f"{wat}: verwijst naar een sitemap die niet bestaat: {loc}")
        genoemd.add(naam)
    return problemen, genoemd


def _controleer_sitemap(pad: Path, basis: str) -> tuple[list[str], int]:
    from raadhuis.publicatie.diwoo import schema

    problemen: list[str] = []
    xsd = schema()
    aantal = 0
    locs: set[str] = set()
    try:
        wortel_gezien = False
        for gebeurtenis, element in etree.iterparse(
            str(pad), events=("start", "end"), no_network=True, resolve_entities=False, huge_tree=False
        ):
            if gebeurtenis == "start":
                if not wortel_gezien:
                    wortel_gezien = True
                    if element.tag != _s("urlset"):
                        return [f"{pad.name}: de wortel is {element.tag}, niet urlset in {SITEMAP_NS}."], 0
                continue
            parent = element.getparent()
            if parent is None or parent.getparent() is not None:
                continue
            # An element directly under <urlset>: one <url>, checked and then dropped from memory.
            aantal += 1
            wat = f"{pad.name} url {aantal}"
            if element.tag != _s("url"):
                problemen.append(f"{wat}: onverwacht element {element.tag}.")
            else:
                problemen += _controleer_url(element, basis, wat, xsd, locs)
            element.clear()
            while element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as fout:
        return [*problemen, f"{pad.name}: geen geldige XML: {fout}"], aantal
    if aantal > MAXIMAAL_AANTAL:
        problemen.append(f"{pad.name}: {aantal} URL's, meer dan {MAXIMAAL_AANTAL}.")
    if aantal == 0:
        problemen.append(f"{pad.name}: bevat geen enkele <url>.")
    return problemen, aantal


def _controleer_url(
    element: etree._Element, basis: str, wat: str, xsd: etree.XMLSchema, locs: set[str]
) -> list[str]:
    problemen: list[str] = []
    loc_elementen = element.findall(_s("loc"))
    if len(loc_elementen) != 1:
        return [f"{wat}: precies één <loc> vereist, gevonden {len(loc_elementen)}."]
    loc = (loc_elementen[0].text or "").strip()
    wat = f"{wat} ({loc})"
    problemen += _controleer_loc(loc, basis, wat)
    if loc in locs:
        problemen.append(f"{wat}: dezelfde <loc> staat twee keer in de sitemap.")
    locs.add(loc)
    problemen += _controleer_lastmod(element, wat)
    documenten = element.findall(f"{{{DIWOO_NS}}}Document")
    if len(documenten) != 1:
        problemen.append(f"{wat}: precies één diwoo:Document vereist, gevonden {len(documenten)}.")
    for document in documenten:
        if not xsd.validate(document):
            problemen += [f"{wat}: DiWoo 0.9.8: {fout.message}" for fout in meldingen(xsd)]
        elif document.find(f"{{{DIWOO_NS}}}DiWoo") is None:
            problemen.append(f"{wat}: diwoo:Document zonder diwoo:DiWoo.")
    toegestaan = {_s("loc"), _s("lastmod"), _s("changefreq"), _s("priority"), f"{{{DIWOO_NS}}}Document"}
    for kind in element:
        if kind.tag not in toegestaan:
            problemen.append(f"{wat}: onverwacht element {kind.tag}.")
    return problemen


def sitemaps_controleren(root: Path | None = None) -> tuple[list[str], int]:
    """Checks every generated file against the sitemaps.org protocol (structure, at most 50,000
    entries and 50 MB per file, https `loc`s on the site's host, W3C lastmod, every sitemap named by
    an index and every index entry existing) and every `diwoo:Document` against the DiWoo 0.9.8 XSD.
    Returns (problems, number of URLs checked); no problems means valid. Streams each sitemap, so
    memory does not depend on its size."""
    from raadhuis.publicatie.diwoo import absolute_url

    root = root or sitemap_root()
    basis = absolute_url("")
    problemen: list[str] = []
    bestanden = {pad.name: pad for pad in root.iterdir() if pad.is_file() and not pad.name.startswith(".")}
    for naam, pad in sorted(bestanden.items()):
        if pad.stat().st_size > MAXIMALE_GROOTTE:
            problemen.append(f"{naam}: groter dan 50 MB ({pad.stat().st_size} bytes).")
        if not BESTANDSNAAM_PATROON.match(naam):
            problemen.append(f"{naam}: onbekend bestand in de sitemapmap.")
    sitemapnamen = {naam for naam in bestanden if SITEMAP_PATROON.match(naam)}
    genoemd: set[str] = set()
    for naam in sorted(n for n in bestanden if INDEX_PATROON.match(n)):
        gevonden, namen = _controleer_index(bestanden[naam], basis, sitemapnamen)
        problemen += gevonden
        genoemd |= namen
    aantal = 0
    for naam in sorted(sitemapnamen):
        if naam not in genoemd:
            problemen.append(f"{naam}: staat in geen enkele sitemapindex (de harvester vindt hem niet).")
        gevonden, urls = _controleer_sitemap(bestanden[naam], basis)
        problemen += gevonden
        aantal += urls
    return problemen, aantal
