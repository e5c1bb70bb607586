"""Demo data of the publication register: `settings.RAADHUIS_DEMO_PUBLICATIES` generated
publications spread over every Woo information category (art. 3.3 and 3.1), through the same
service the modules use (`services.publiceren_vanuit_bron`, source "demo"), a few of them withdrawn,
and then one sitemap generation inline, so `make run` serves valid sitemaps straight away.

What the other modules' demo data makes public reaches the register through their own services
(on commit, by the worker); the next sitemap run picks it up.

The files are small generated PDFs, one per category reused for each of its publications (the
register stores them per publication): generating thousands of PDFs would make the demo slow.
Loading is idempotent: when a demo publication exists nothing is added.
"""

from __future__ import annotations

import datetime as dt
import random

from django.conf import settings
from django.core.management.base import OutputWrapper
from django.utils import timezone
from django.utils.html import format_html

from raadhuis.core import pdf
from raadhuis.publicatie import services, waardelijsten
from raadhuis.publicatie.models import Publicatie

BRON = "demo"

# Publications of a GR we publish for (woo.md §4: 2c includes Wgr bodies): the MRDH.
GR = "so0830"

ONDERWERPEN = (
    "verkeersveiligheid Oostlaan",
    "subsidie sportverenigingen",
    "herinrichting Dorpsstraat",
    "energietransitie woonwijken",
    "jeugdhulp en wijkteams",
    "afvalinzameling en grondstoffen",
    "woningbouw Tuindersweg",
    "bibliotheekvoorziening",
    "evenementenvergunningen",
    "klimaatadaptatie en wateroverlast",
    "armoedebeleid en schuldhulp",
    "openbare verlichting",
)

# Per category: a title pattern, the document type and the kind of handeling.
SOORTEN: dict[str, tuple[str, str, str]] = {
    "c_139c6280": ("Verordening {onderwerp} {jaar}", "", waardelijsten.VASTSTELLING),
    "c_aab6bfc7": (
        "Beleidsregel {onderwerp} {jaar}",
        waardelijsten.DOCUMENTSOORT_BESLUIT,
        waardelijsten.VASTSTELLING,
    ),
    "c_759721e2": ("Ontwerpverordening {onderwerp}", "", waardelijsten.VASTSTELLING),
    "c_40a05794": ("Organisatiebesluit {onderwerp} {jaar}", "", waardelijsten.VASTSTELLING),
    "c_89ee6784": ("Contactgegevens team {onderwerp}", "", waardelijsten.VASTSTELLING),
    "c_8c840238": (
        "Ingekomen brief over {onderwerp}",
        waardelijsten.DOCUMENTSOORT_INGEKOMEN_STUK,
        waardelijsten.ONTVANGST,
    ),
    "c_c76862ab": ("Kamerstuk over {onderwerp}", "", waardelijsten.ONTVANGST),
    "c_db4862c3": ("Raadsvoorstel {onderwerp}", "", waardelijsten.VASTSTELLING),
    "c_3a248e3a": (
        "Besluitenlijst college {datum}",
        waardelijsten.DOCUMENTSOORT_BESLUITENLIJST,
        waardelijsten.VASTSTELLING,
    ),
    "c_99a836c7": ("Advies adviesraad over {onderwerp}", "", waardelijsten.ONTVANGST),
    "c_8fc2335c": ("Convenant {onderwerp}", "", waardelijsten.ONDERTEKENING),
    "c_c6cd1213": ("Jaarplan {onderwerp} {jaar}", "", waardelijsten.VASTSTELLING),
    "c_cf268088": ("Subsidieverplichting {onderwerp} {jaar}", "", waardelijsten.VASTSTELLING),
    "c_3baef532": (
        "Besluit op Woo-verzoek over {onderwerp}",
        waardelijsten.DOCUMENTSOORT_WOO_BESLISSING,
        waardelijsten.VASTSTELLING,
    ),
    "c_fdaee95e": (
        "Onderzoeksrapport {onderwerp}",
        waardelijsten.DOCUMENTSOORT_ONDERZOEKSRAPPORT,
        waardelijsten.VASTSTELLING,
    ),
    "c_46a81018": ("Beschikking {onderwerp}", "", waardelijsten.VASTSTELLING),
    "c_a870c43d": ("Klachtoordeel over {onderwerp}", "", waardelijsten.VASTSTELLING),
    "c_816e508d": ("Notitie {onderwerp}", "", waardelijsten.VASTSTELLING),
}


def _bestand(categorie: waardelijsten.Categorie) -> bytes:
    """One small PDF per category (text in it, so the search has something to find)."""
    titel = f"Demo: {categorie.label}"
    html = format_html(
        "<h1>{}</h1><p>{}</p><p>{}</p>",
        titel,
        "Dit is een gegenereerd voorbeelddocument in de informatiecategorie "
        f"{categorie.label} (Woo artikel {categorie.artikel or '3.1'}).",
        "Onderwerpen: " + ", ".join(ONDERWERPEN) + ".",
    )
    return pdf.html_naar_pdf(html, titel=titel)


def _sitemaps_genereren(uitvoer: OutputWrapper) -> None:
    # Imported here: the sitemap module is the harvest side, the demo only needs it once at the end.
    from raadhuis.publicatie.sitemaps import sitemaps_genereren

    resultaat = sitemaps_genereren()
    uitvoer.write(f"Publicaties: {resultaat.urls} documenten in {resultaat.blokken} sitemap(s).")


def laden(uitvoer: OutputWrapper) -> None:
    if Publicatie.objects.filter(bron=BRON).exists():
        return
    aantal = settings.RAADHUIS_DEMO_PUBLICATIES
    if aantal <= 0:
        return
    willekeur = random.Random(1926)  # noqa: S311 - demo data, the same every time
    categorieen = [c for c in waardelijsten.categorieen() if c.uri.rsplit("/", 1)[-1] in SOORTEN]
    bestanden = {c.uri: _bestand(c) for c in categorieen}
    themas = sorted(waardelijsten.themas())
    vandaag = timezone.localdate()
    for nummer in range(aantal):
        # Round-robin over the categories first, so even a small demo covers every one of them.
        categorie = categorieen[nummer % len(categorieen)]
        patroon, documentsoort, handeling = SOORTEN[categorie.uri.rsplit("/", 1)[-1]]
        dag = vandaag - dt.timedelta(days=willekeur.randrange(0, 3 * 365))
        titel = patroon.format(
            onderwerp=willekeur.choice(ONDERWERPEN), jaar=dag.year, datum=dag.strftime("%d-%m-%Y")
        )
        tijdstip = timezone.make_aware(dt.datetime.combine(dag, dt.time(willekeur.randrange(9, 22), 0)))
        gr = categorie.uri == waardelijsten.CATEGORIE_VERGADERSTUKKEN_DECENTRAAL and nummer % 5 == 0
        services.publiceren_vanuit_bron(
            bron=BRON,
            bron_sleutel=f"demo-{nummer:06d}",
            publisher=GR if gr else settings.RAADHUIS_ORGANISATIE,
            officiele_titel=titel,
            informatiecategorieen=[categorie.uri],
            handelingen=[services.Handeling(soort=handeling, tijdstip=tijdstip)],
            documenten=[
                services.Bronbestand(
                    titel=titel,
                    bestandsnaam=f"demo-{nummer:06d}.pdf",
                    inhoud=bestanden[categorie.uri],
                    documentsoort=documentsoort,
                    creatiedatum=dag,
                )
            ],
            omschrijving=f"Gegenereerde demopublicatie {nummer + 1} in de categorie {categorie.label}.",
            themas=[willekeur.choice(themas)] if themas and nummer % 3 == 0 else [],
            identificatoren=[f"DEMO-{dag.year}-{nummer:06d}"],
            periode_van=dt.date(dag.year, 1, 1) if nummer % 4 == 0 else None,
            periode_tot=dt.date(dag.year, 12, 31) if nummer % 4 == 0 else None,
        )
    # Some withdrawn ones, so the sitemaps show how a withdrawal is announced.
    ingetrokken = 0
    for nummer in range(7, aantal, 97):
        services.intrekken_vanuit_bron(
            bron=BRON,
            bron_sleutel=f"demo-{nummer:06d}",
            reden=waardelijsten.REDEN_PRIVACY if nummer % 2 else waardelijsten.REDEN_PROCEDURELE_FOUT,
            toelichting="Demo: ingetrokken om de intrekking in de sitemap te tonen.",
        )
        ingetrokken += 1
    uitvoer.write(
        f"Publicaties: {aantal} gegenereerd in {len(categorieen)} categorieën, {ingetrokken} ingetrokken."
    )
    _sitemaps_genereren(uitvoer)
