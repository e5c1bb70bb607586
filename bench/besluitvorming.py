"""Meeting pages and the ODS vote lists at council scale: time and a fixed number of queries.

    DATABASE_URL=sqlite:////tmp/bench/besluitvorming.sqlite3 .venv/bin/python bench/besluitvorming.py
    DATABASE_URL=postgres://postgres@127.0.0.1/raadhuis_bench .venv/bin/python bench/besluitvorming.py

Needs an empty database (it migrates it). Builds a raad of 31 members in 7 fracties, a small
public meeting (4 agenda items, 20 stukken, 4 votes) and measures it; then a large one (40 items,
200 stukken, 40 roll-call votes, each with 31 stemmen, fractie results, a stemverklaring and a
besluit) and past meetings until there are 10,000 stemmen, and measures again. Pages go through
django.test.Client; each figure is the median and maximum of repeated requests after one warm-up,
and the number of queries of one request. A page whose query count differs between the small and
the large data has an N+1: the script prints the query that repeats. Prints Markdown rows for
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadhuis.settings")
# Plain http through the test client, static files without a collectstatic manifest (as in the
# tests), and no API rate limit getting in the way of repeated requests.
os.environ.setdefault("RAADHUIS_HTTPS", "false")
os.environ.setdefault("RAADHUIS_STATIC_MANIFEST", "false")
os.environ.setdefault("RAADHUIS_LIMIET_API", "1000000/m")

FRACTIES = (9, 7, 5, 4, 3, 2, 1)  # 31 seats
STUKKEN_PER_PUNT = 5
PUNTEN_PER_OUDE_VERGADERING = 40


@dataclass
class Raad:
    orgaan: Any
    fracties: list[Any]
    leden: list[Any]
    fractie_van: dict[int, Any]
    wethouder: Any


def raad_bouwen() -> Raad:
    from raadhuis.besluitvorming.models import Fractie, Fractielidmaatschap, Lidmaatschap, Orgaan, Persoon
    from raadhuis.besluitvorming.tests.factories import BEGIN_RAADSPERIODE

    orgaan = Orgaan.objects.create(
        soort=Orgaan.Soort.RAAD,
        naam="Gemeenteraad",
        slug="gemeenteraad",
        zetels=31,
        actief_vanaf=dt.date(2002, 1, 1),
    )
    fracties = Fractie.objects.bulk_create(
        Fractie(naam=f"Fractie {n}", afkorting=f"F{n}", slug=f"fractie-{n}", actief_vanaf=BEGIN_RAADSPERIODE)
        for n in range(len(FRACTIES))
    )
    leden = Persoon.objects.bulk_create(
        Persoon(voornaam=f"Voornaam{n}", achternaam=f"Achternaam{n}", slug=f"lid-{n}")
        for n in range(sum(FRACTIES))
    )
    wethouder = Persoon.objects.create(voornaam="Wendy", achternaam="Wethouder", slug="wethouder")
    Lidmaatschap.objects.bulk_create(
        Lidmaatschap(persoon=lid, orgaan=orgaan, functie=Lidmaatschap.Functie.LID, begin=BEGIN_RAADSPERIODE)
        for lid in leden
    )
    fractie_van = {}
    lidmaatschappen = []
    volgende = iter(leden)
    for fractie, grootte in zip(fracties, FRACTIES, strict=True):
        for _ in range(grootte):
            lid = next(volgende)
            fractie_van[lid.pk] = fractie
            lidmaatschappen.append(
                Fractielidmaatschap(persoon=lid, fractie=fractie, begin=BEGIN_RAADSPERIODE)
            )
    Fractielidmaatschap.objects.bulk_create(lidmaatschappen)
    return Raad(orgaan=orgaan, fracties=fracties, leden=leden, fractie_van=fractie_van, wethouder=wethouder)


def vergadering_bouwen(
    raad: Raad,
    *,
    titel: str,
    begin: dt.datetime,
    punten: int,
    stukken_per_punt: int,
    kans: random.Random,
    gehouden: bool,
) -> Any:
    """A public meeting with its agenda published, `punten` items each with stukken and one roll-call
    vote on a raadsvoorstel (with fractie results, a stemverklaring and a besluit), and its
    presentielijst. Returns the meeting."""
    from raadhuis.besluitvorming.models import (
        Aanwezigheid,
        Agendapunt,
        Besluit,
        Fractiestemresultaat,
        Stem,
        Stemming,
        Stemverklaring,
        Stuk,
        Vergadering,
        Voorstel,
    )

    vergadering = Vergadering.objects.create(
        orgaan=raad.orgaan,
        titel=titel,
        status=Vergadering.Status.GEHOUDEN if gehouden else Vergadering.Status.GEPLAND,
        begin=begin,
        einde=begin + dt.timedelta(hours=4) if gehouden else None,
        locatie="Raadzaal",
        geopend=True,
        agenda_gepubliceerd_op=begin - dt.timedelta(days=10),
    )
    agendapunten = Agendapunt.objects.bulk_create(
        Agendapunt(
            vergadering=vergadering,
            volgnummer=n + 1,
            titel=f"Raadsvoorstel {n + 1} over woningbouw en verkeer",
            omschrijving="Het college stelt de raad voor in te stemmen met het voorstel.",
            hamerstuk=n % 4 == 0,
            behandeld=True,
            portefeuillehouder=raad.wethouder if n % 2 else None,
        )
        for n in range(punten)
    )
    stukken = Stuk.objects.bulk_create(
        Stuk(
            agendapunt=punt,
            orgaan=raad.orgaan,
            soort=Stuk.Soort.VOORSTEL if s == 0 else Stuk.Soort.MEDEDELING,
            titel=f"{'Raadsvoorstel' if s == 0 else 'Bijlage'} {punt.volgnummer}.{s + 1}",
            kenmerk=f"RV-{vergadering.pk}-{punt.volgnummer}-{s + 1}",
            datum=begin.date() - dt.timedelta(days=14),
        )
        for punt in agendapunten
        for s in range(stukken_per_punt)
    )
    voorstellen = Voorstel.objects.bulk_create(
        Voorstel(
            vergadering=vergadering,
            agendapunt=punt,
            soort=Voorstel.Soort.VOORSTEL,
            titel=punt.titel,
            stuk=stukken[i * stukken_per_punt] if stukken_per_punt else None,
            status=Voorstel.Status.AANGENOMEN,
            ingediend_op=begin - dt.timedelta(days=14),
        )
        for i, punt in enumerate(agendapunten)
    )
    Aanwezigheid.objects.bulk_create(Aanwezigheid(vergadering=vergadering, persoon=lid) for lid in raad.leden)

    tegen_per_stemming = [kans.randint(0, 15) for _ in agendapunten]
    stemmingen = Stemming.objects.bulk_create(
        Stemming(
            vergadering=vergadering,
            agendapunt=punt,
            voorstel=voorstel,
            type=Stemming.Type.HOOFDELIJK,
            moment=begin + dt.timedelta(minutes=5 * i),
            uitkomst=Stemming.Uitkomst.AANGENOMEN,
            resultaat=Stemming.Resultaat.VOOR,
            aantal_voor=len(raad.leden) - tegen,
            aantal_tegen=tegen,
            voltallig=True,
            uitleg=["Geldig: 31 van 31 leden namen deel (Gemeentewet art. 29)", "Aangenomen (art. 30)"],
        )
        for i, (punt, voorstel, tegen) in enumerate(
            zip(agendapunten, voorstellen, tegen_per_stemming, strict=True)
        )
    )
    stemmen = []
    resultaten = []
    aanwezig = []
    for stemming, tegen in zip(stemmingen, tegen_per_stemming, strict=True):
        tegenstemmers = set(kans.sample(range(len(raad.leden)), tegen))
        per_fractie: dict[int, list[str]] = {fractie.pk: [] for fractie in raad.fracties}
        for nummer, lid in enumerate(raad.leden):
            keuze = Stem.Keuze.TEGEN if nummer in tegenstemmers else Stem.Keuze.VOOR
            fractie = raad.fractie_van[lid.pk]
            stemmen.append(Stem(stemming=stemming, persoon=lid, fractie=fractie, keuze=keuze))
            aanwezig.append(Stemming.aanwezig.through(stemming_id=stemming.pk, persoon_id=lid.pk))
            per_fractie[fractie.pk].append(keuze)
        for fractie in raad.fracties:
            keuzes = per_fractie[fractie.pk]
            voor, tegen_f = keuzes.count(Stem.Keuze.VOOR), keuzes.count(Stem.Keuze.TEGEN)
            resultaat = (
                Fractiestemresultaat.Resultaat.VERDEELD
                if voor and tegen_f
                else Fractiestemresultaat.Resultaat.AANGENOMEN
                if voor
                else Fractiestemresultaat.Resultaat.VERWORPEN
            )
            resultaten.append(
                Fractiestemresultaat(
                    stemming=stemming, fractie=fractie, resultaat=resultaat, voor=voor, tegen=tegen_f
                )
            )
    Stem.objects.bulk_create(stemmen, batch_size=2000)
    Fractiestemresultaat.objects.bulk_create(resultaten, batch_size=2000)
    Stemming.aanwezig.through.objects.bulk_create(aanwezig, batch_size=2000)
    Stemverklaring.objects.bulk_create(
        Stemverklaring(
            stemming=stemming,
            persoon=raad.leden[0],
            fractie=raad.fractie_van[raad.leden[0].pk],
            tekst="Wij stemmen voor, met een kanttekening bij de planning.",
        )
        for stemming in stemmingen
    )
    Besluit.objects.bulk_create(
        Besluit(
            agendapunt=punt,
            voorstel=voorstel,
            stemming=stemming,
            resultaat=Besluit.Resultaat.AANGENOMEN,
            genomen_op=begin.date(),
        )
        for punt, voorstel, stemming in zip(agendapunten, voorstellen, stemmingen, strict=True)
    )
    return vergadering


def _vorm(sql: str) -> str:
    """A query's shape: literals replaced, so the same query for another row counts as a repeat."""
    return re.sub(r"\b\d+\b", "?", re.sub(r"'(?:[^']|'')*'", "?", sql))


@dataclass
class Meting:
    tijden: list[float]
    queries: list[dict[str, Any]]
    grootte: int

    @property
    def aantal(self) -> int:
        return len(self.queries)

    def figuur(self) -> str:
        return (
            f"median {statistics.median(self.tijden):.0f} ms, max {max(self.tijden):.0f} ms; "
            f"{self.aantal} queries; {self.grootte / 1024:.0f} KiB"
        )


def meten(client: Any, url: str, herhalingen: int) -> Meting:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    antwoord = client.get(url)  # warm-up: templates, translations, connection
    if antwoord.status_code != 200:
        raise SystemExit(f"{url}: status {antwoord.status_code}")
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        antwoord = client.get(url)
        tijden.append((time.perf_counter() - begin) * 1000)
        assert antwoord.status_code == 200, url
    with CaptureQueriesContext(connection) as vastgelegd:
        antwoord = client.get(url)
    return Meting(tijden=tijden, queries=list(vastgelegd.captured_queries), grootte=len(antwoord.content))


def herhalingen_melden(naam: str, klein: Meting, groot: Meting) -> bool:
    """Prints the queries that ran more often on the large data than on the small; True if none."""
    if klein.aantal == groot.aantal:
        return True
    klein_telling = Counter(_vorm(q["sql"]) for q in klein.queries)
    groot_telling = Counter(_vorm(q["sql"]) for q in groot.queries)
    print(f"\nN+1 on {naam}: {klein.aantal} queries on the small data, {groot.aantal} on the large")
    for vorm, aantal in groot_telling.most_common():
        if aantal > klein_telling.get(vorm, 0):
            voorbeeld = next(q["sql"] for q in groot.queries if _vorm(q["sql"]) == vorm)
            print(f"  {aantal}x (small: {klein_telling.get(vorm, 0)}x): {voorbeeld}")
    return False


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--punten", type=int, default=40, help="agenda items of the large meeting")
    parser.add_argument("--stemmen", type=int, default=10_000, help="stemmen (votes of members) in all")
    parser.add_argument("--herhalingen", type=int, default=20)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from raadhuis.accounts.models import Rol
    from raadhuis.accounts.tests.factories import MedewerkerFactory
    from raadhuis.accounts.tests.hulp import TweestapClient
    from raadhuis.besluitvorming.models import Stem, Stemming, Vergadering
    from raadhuis.core.services import organisatie_inrichten

    settings.ALLOWED_HOSTS.append("testserver")
    call_command("migrate", verbosity=0)
    if Vergadering.objects.exists():
        raise SystemExit("bench/besluitvorming.py needs an empty database (it adds meetings and votes).")

    kans = random.Random(1926)
    nu = timezone.now().replace(microsecond=0)
    herhalingen = args.herhalingen
    vendor = connection.vendor
    datum = timezone.localdate().isoformat()
    opdracht = "`bench/besluitvorming.py`"

    with transaction.atomic():
        organisatie_inrichten(tooi_code="gm1926")
        raad = raad_bouwen()
        griffier = MedewerkerFactory(rollen=[Rol.GRIFFIE])
        klein_vergadering = vergadering_bouwen(
            raad,
            titel="Raadsvergadering (klein)",
            begin=nu - dt.timedelta(hours=1),
            punten=4,
            stukken_per_punt=STUKKEN_PER_PUNT,
            kans=kans,
            gehouden=False,
        )
    publiek = TweestapClient()
    griffie = TweestapClient()
    griffie.force_login(griffier)

    def pagina(vergadering: Vergadering) -> str:
        return f"/bestuur/vergaderingen/{vergadering.pk}/"

    def werkplek(vergadering: Vergadering) -> str:
        return f"/werkplek/besluitvorming/vergaderingen/{vergadering.pk}/"

    def stemming(vergadering: Vergadering) -> str:
        """The page of the meeting's first vote: how each of the 31 members voted."""
        return f"/bestuur/stemmingen/{vergadering.stemmingen.order_by('pk').values_list('pk', flat=True)[0]}/"

    # Small data: the same pages and lists, to compare query counts with the large data below.
    klein = {
        "pagina": meten(publiek, pagina(klein_vergadering), herhalingen),
        "werkplek": meten(griffie, werkplek(klein_vergadering), herhalingen),
        "stemming": meten(publiek, stemming(klein_vergadering), herhalingen),
        "stemmen": meten(publiek, "/api/v1/stemmen", herhalingen),
        "stemmingen": meten(publiek, "/api/v1/stemmingen", herhalingen),
    }
    stemmen_klein = Stem.objects.count()

    begin = time.perf_counter()
    with transaction.atomic():
        groot_vergadering = vergadering_bouwen(
            raad,
            titel="Raadsvergadering (groot)",
            begin=nu - dt.timedelta(minutes=30),
            punten=args.punten,
            stukken_per_punt=STUKKEN_PER_PUNT,
            kans=kans,
            gehouden=False,
        )
        # Past meetings, each with up to 40 votes, until there are enough stemmen.
        leden = len(raad.leden)
        nodig = -(-args.stemmen // leden) - Stemming.objects.count()
        week = 1
        while nodig > 0:
            punten = min(PUNTEN_PER_OUDE_VERGADERING, nodig)
            vergadering_bouwen(
                raad,
                titel=f"Raadsvergadering week -{week}",
                begin=nu - dt.timedelta(weeks=week),
                punten=punten,
                stukken_per_punt=1,
                kans=kans,
                gehouden=True,
            )
            nodig -= punten
            week += 1
    aantal_stemmen = Stem.objects.count()
    aantal_stemmingen = Stemming.objects.count()
    print(
        f"{vendor}: generated {aantal_stemmingen} stemmingen with {aantal_stemmen:,} stemmen "
        f"in {time.perf_counter() - begin:.0f} s"
    )
    if aantal_stemmen < 50 * 100:
        raise SystemExit("fewer than 50 pages of stemmen: raise --stemmen")

    groot = {
        "pagina": meten(publiek, pagina(groot_vergadering), herhalingen),
        "werkplek": meten(griffie, werkplek(groot_vergadering), herhalingen),
        "stemming": meten(publiek, stemming(groot_vergadering), herhalingen),
        "stemmen": meten(publiek, "/api/v1/stemmen", herhalingen),
        "stemmen50": meten(publiek, "/api/v1/stemmen?page=50", herhalingen),
        "stemmingen": meten(publiek, "/api/v1/stemmingen", herhalingen),
    }

    # The large page shows what it should: every item, every vote with a link to its own page,
    # which lists the 31 members.
    inhoud = publiek.get(pagina(groot_vergadering)).content.decode()
    assert inhoud.count('id="agendapunt-') == args.punten, "not every agenda item on the page"
    assert inhoud.count('id="stemming-') == args.punten, "not every vote on the page"
    assert inhoud.count('href="/bestuur/stemmingen/') == args.punten, "not every vote linked"
    leden = publiek.get(stemming(groot_vergadering)).content.decode()
    assert leden.count('href="/bestuur/personen/') >= 31, "not every member on the vote's page"

    vast = [
        herhalingen_melden("the public meeting page", klein["pagina"], groot["pagina"]),
        herhalingen_melden("the werkplek meeting page", klein["werkplek"], groot["werkplek"]),
        herhalingen_melden("the public vote page", klein["stemming"], groot["stemming"]),
        herhalingen_melden("/api/v1/stemmen", klein["stemmen"], groot["stemmen"]),
        herhalingen_melden("/api/v1/stemmen?page=50", klein["stemmen"], groot["stemmen50"]),
        herhalingen_melden("/api/v1/stemmingen", klein["stemmingen"], groot["stemmingen"]),
    ]

    punten, stukken = args.punten, args.punten * STUKKEN_PER_PUNT
    vergaderingschaal = (
        f"1 meeting: {punten} items, {stukken} stukken, {punten} roll-call votes × 31 members, 31 present"
    )
    print()
    rijen = [
        (
            "public meeting page `/bestuur/vergaderingen/<pk>/`",
            vergaderingschaal,
            f"{groot['pagina'].figuur()} (4 items/20 stukken: {klein['pagina'].aantal} queries)",
        ),
        (
            "werkplek meeting page (griffie) `/werkplek/besluitvorming/vergaderingen/<pk>/`",
            f"1 meeting: {punten} items, {stukken} stukken",
            f"{groot['werkplek'].figuur()} (4 items/20 stukken: {klein['werkplek'].aantal} queries)",
        ),
        (
            "public vote page `/bestuur/stemmingen/<pk>/`",
            "1 roll-call vote × 31 members, among " + f"{aantal_stemmen:,} stemmen",
            f"{groot['stemming'].figuur()} (small data: {klein['stemming'].aantal} queries)",
        ),
        (
            "ODS API `/api/v1/stemmen`, first page of 100",
            f"{aantal_stemmen:,} stemmen",
            f"{groot['stemmen'].figuur()} ({stemmen_klein} stemmen: {klein['stemmen'].aantal} queries)",
        ),
        (
            "ODS API `/api/v1/stemmen?page=50`",
            f"{aantal_stemmen:,} stemmen",
            groot["stemmen50"].figuur(),
        ),
        (
            "ODS API `/api/v1/stemmingen`, first page of 100",
            f"{aantal_stemmingen} stemmingen with {aantal_stemmen:,} stemmen",
            f"{groot['stemmingen'].figuur()} (4 stemmingen: {klein['stemmingen'].aantal} queries)",
        ),
    ]
    for wat, schaal, figuur in rijen:
        print(f"| {wat}, {vendor} | {schaal} | {figuur} | {opdracht} | {datum} |")
    if not all(vast):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
