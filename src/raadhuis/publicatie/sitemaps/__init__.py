"""Sitemaps for the national Woo index (woo.md §6; issue 10 point 3): the public API and the entry
points of generation; `indeling`, `lezen`, `schrijven`, `parallel` and `controleren` hold the parts.

The sitemaps are written in the background and served as static files.

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

from collections.abc import Iterable
from pathlib import Path

from django.db import connection
from django.db.models import Max, QuerySet
from django_tasks import task

from raadhuis.publicatie import waardelijsten
from raadhuis.publicatie.models import Publicatiedocument, Publicatiestatus, Sitemapblok
from raadhuis.publicatie.sitemaps import indeling
from raadhuis.publicatie.sitemaps.controleren import sitemaps_controleren
from raadhuis.publicatie.sitemaps.indeling import (
    BESTANDSNAAM_PATROON,
    INDEX_PATROON,
    INFOCAT_ARTIKEL_3_1,
    SITEMAP_PATROON,
    _categorie_uri,
    _infocat_van,
    indexnaam,
    sitemap_root,
    sitemapnaam,
)
from raadhuis.publicatie.sitemaps.lezen import _url_bytes, _url_bytes_via_lxml, _url_teksten, url_element
from raadhuis.publicatie.sitemaps.parallel import _parallel_schrijven, _werkers
from raadhuis.publicatie.sitemaps.schrijven import (
    Resultaat,
    _blokken_schrijven,
    _opnieuw_markeren,
    _vastleggen,
    _verouderde_groep,
    blok_schrijven,
    index_schrijven,
)

__all__ = [
    "BESTANDSNAAM_PATROON",
    "INDEX_PATROON",
    "INFOCAT_ARTIKEL_3_1",
    "SITEMAP_PATROON",
    "Resultaat",
    # The internals the tests hold against the lxml reference, or replace, by their old names.
    "_blokken_schrijven",
    "_parallel_schrijven",
    "_url_bytes",
    "_url_bytes_via_lxml",
    "_url_teksten",
    "_werkers",
    "alles_markeren",
    "blok_schrijven",
    "blokken_markeren",
    "documenten_in_blok",
    "index_schrijven",
    "indexbestanden",
    "indexnaam",
    "sitemap_root",
    "sitemapnaam",
    "sitemaps_bijwerken",
    "sitemaps_controleren",
    "sitemaps_genereren",
    "url_element",
]


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
            paren.add((infocat, pk // indeling.BLOKGROOTTE))
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
            for nummer in range(hoogste // indeling.BLOKGROOTTE + 1)
            if Publicatiedocument.objects.filter(
                pk__gte=nummer * indeling.BLOKGROOTTE, pk__lt=(nummer + 1) * indeling.BLOKGROOTTE
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
        pk__gte=nummer * indeling.BLOKGROOTTE,
        pk__lt=(nummer + 1) * indeling.BLOKGROOTTE,
        publicatie__status=Publicatiestatus.GEPUBLICEERD,
        publicatie__informatiecategorieen__0=uri,
        bestandsformaat__in=list(waardelijsten.bestandsformaten()),
    ).order_by("pk")


def _groep_schrijven(blokken: list[Sitemapblok], root: Path) -> dict[str, tuple[int, int]]:
    """One block number in this process (the serial path). It lives here, not in `schrijven`, so
    that it calls `blok_schrijven` through this package, where the tests replace it."""
    if len(blokken) == 1:
        return {blokken[0].infocat: blok_schrijven(blokken[0], root=root)}
    return _blokken_schrijven(blokken[0].nummer, [blok.infocat for blok in blokken], root)


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
        and Sitemapblok.objects.filter(verouderd=True).values("nummer").distinct().count()
        >= indeling.PARALLEL_VANAF
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
