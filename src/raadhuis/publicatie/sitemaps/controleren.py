"""Validation of the generated sitemap files (`manage.py sitemaps_valideren`): the sitemaps.org
protocol for every file and the DiWoo 0.9.8 XSD for every `diwoo:Document`.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from raadhuis.publicatie.diwoo import DIWOO_NS, SITEMAP_NS, absolute_url, meldingen, schema
from raadhuis.publicatie.sitemaps import indeling
from raadhuis.publicatie.sitemaps.indeling import (
    BESTANDSNAAM_PATROON,
    INDEX_PATROON,
    SITEMAP_PATROON,
    _s,
    sitemap_root,
)

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
    if len(sitemaps) > indeling.MAXIMAAL_AANTAL:
        problemen.append(f"{pad.name}: {len(sitemaps)} sitemaps, meer dan {indeling.MAXIMAAL_AANTAL}.")
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
    if aantal > indeling.MAXIMAAL_AANTAL:
        problemen.append(f"{pad.name}: {aantal} URL's, meer dan {indeling.MAXIMAAL_AANTAL}.")
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
    root = root or sitemap_root()
    basis = absolute_url("")
    problemen: list[str] = []
    bestanden = {pad.name: pad for pad in root.iterdir() if pad.is_file() and not pad.name.startswith(".")}
    for naam, pad in sorted(bestanden.items()):
        if pad.stat().st_size > indeling.MAXIMALE_GROOTTE:
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
