"""Demo data of besluitvorming: the raad of Pijnacker-Nootdorp (fictional members), its college and a
commissie, the adoption of the raadsakkoord on 15 June 2022, and a year of meetings (2024)."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pymupdf
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import OutputWrapper
from django.utils.text import slugify

from raadhuis.accounts.models import Rol
from raadhuis.accounts.selectors import medewerkers_met_rol
from raadhuis.besluitvorming import demo_inspreken, demo_raadsvragen, services
from raadhuis.besluitvorming.demo_gegevens import (
    ALINEAS,
    BREED,
    BURGERLEDEN,
    COLLEGE,
    COMMISSIEVERGADERINGEN,
    FRACTIES,
    GELIJK,
    GRIFFIER,
    INWONERTAL,
    LOCATIE,
    NAMEN,
    OPVOLGER,
    RAAD_SLUG,
    RAADSPERIODE,
    RAADSVERGADERINGEN,
    TOEZEGGINGEN,
    TZ,
    VERTREK,
    WETHOUDERS_BENOEMD,
    WISSEL,
    Motie,
    Punt,
    Raadsvergadering,
)
from raadhuis.besluitvorming.models import (
    Agendapunt,
    Fractie,
    Fractielidmaatschap,
    Lidmaatschap,
    Orgaan,
    Persoon,
    Stem,
    Stemming,
    Stuk,
    Vergadering,
    Voorstel,
)
from raadhuis.besluitvorming.selectors.organen import leden_met_functie
from raadhuis.besluitvorming.selectors.publiek import orgaan_op_slug
from raadhuis.besluitvorming.selectors.stemmingen import fracties_op, zitting_hebbende_leden_op

VOOR, TEGEN = Stem.Keuze.VOOR, Stem.Keuze.TEGEN


@dataclass
class Demo:
    door: AbstractBaseUser
    raad: Orgaan
    college: Orgaan
    commissie: Orgaan
    fracties: dict[str, Fractie] = field(default_factory=dict)
    leden: dict[str, Persoon] = field(default_factory=dict)
    collegeleden: list[Persoon] = field(default_factory=list)
    moties: dict[str, Voorstel] = field(default_factory=dict)
    raadszetels: dict[str, Lidmaatschap] = field(default_factory=dict)
    fractieleden: dict[str, Fractielidmaatschap] = field(default_factory=dict)
    aanwezig: set[int] = field(default_factory=set)
    tellingen: Counter[str] = field(default_factory=Counter)


def _pdf(titel: str, alineas: Sequence[str]) -> SimpleUploadedFile:
    document = pymupdf.open()  # type: ignore[no-untyped-call]
    pagina = document.new_page()
    pagina.insert_text((72, 80), titel, fontsize=14)
    y = 120
    for alinea in alineas:
        for regel in textwrap.wrap(alinea, 85):
            pagina.insert_text((72, y), regel, fontsize=10)
            y += 14
        y += 10
    inhoud: bytes = document.tobytes(deflate=True)  # type: ignore[no-untyped-call]
    document.close()  # type: ignore[no-untyped-call]
    return SimpleUploadedFile(f"{slugify(titel)[:80]}.pdf", inhoud, content_type="application/pdf")


def _moment(datum: dt.date, uur: int = 20, minuut: int = 0) -> dt.datetime:
    return dt.datetime(datum.year, datum.month, datum.day, uur, minuut, tzinfo=TZ)


def _persoon(demo: Demo, naam: tuple[str, str, str]) -> Persoon:
    voornaam, tussenvoegsel, achternaam = naam
    return services.persoon_aanmaken(
        voornaam=voornaam,
        voorletters=f"{voornaam[0]}.",
        tussenvoegsel=tussenvoegsel,
        achternaam=achternaam,
        woonplaats="Pijnacker-Nootdorp",
        door=demo.door,
    )


def _organen(door: AbstractBaseUser) -> Demo:
    raad = services.orgaan_aanmaken(
        soort=Orgaan.Soort.RAAD,
        naam="Gemeenteraad Pijnacker-Nootdorp",
        afkorting="Raad",
        slug=RAAD_SLUG,
        inwonertal=INWONERTAL,
        actief_vanaf=RAADSPERIODE,
        omschrijving="De gemeenteraad is het hoogste besluitvormende orgaan van de gemeente (demogegevens).",
        door=door,
    )
    college = services.orgaan_aanmaken(
        soort=Orgaan.Soort.COLLEGE,
        naam="College van burgemeester en wethouders",
        afkorting="College",
        slug="college",
        zetels=len(COLLEGE),
        actief_vanaf=RAADSPERIODE,
        door=door,
    )
    commissie = services.orgaan_aanmaken(
        soort=Orgaan.Soort.COMMISSIE,
        naam="Commissie Bestuur en Dienstverlening",
        afkorting="Commissie B&D",
        slug="commissie-bestuur-en-dienstverlening",
        actief_vanaf=dt.date(2022, 5, 1),
        omschrijving="Bereidt de besluitvorming van de raad voor over bestuur, financiën en dienstverlening.",
        door=door,
    )
    return Demo(door=door, raad=raad, college=college, commissie=commissie)


def _leden(demo: Demo) -> None:
    door, namen = demo.door, iter(NAMEN)
    for afkorting, naam, zetels in FRACTIES:
        fractie = services.fractie_aanmaken(
            naam=naam, afkorting=afkorting, slug=slugify(naam), actief_vanaf=RAADSPERIODE, door=door
        )
        demo.fracties[afkorting] = fractie
        for nummer in range(1, zetels + 1):
            persoon = _persoon(demo, next(namen))
            demo.leden[f"{afkorting}{nummer}"] = persoon
            demo.raadszetels[f"{afkorting}{nummer}"] = services.lidmaatschap_starten(
                persoon=persoon,
                orgaan=demo.raad,
                functie=Lidmaatschap.Functie.LID,
                begin=RAADSPERIODE,
                door=door,
            )
            demo.fractieleden[f"{afkorting}{nummer}"] = services.fractielidmaatschap_starten(
                persoon=persoon,
                fractie=fractie,
                begin=RAADSPERIODE,
                functie=Fractielidmaatschap.Functie.FRACTIEVOORZITTER
                if nummer == 1
                else Fractielidmaatschap.Functie.LID,
                door=door,
            )
    griffier = _persoon(demo, GRIFFIER)
    for voornaam, tussenvoegsel, achternaam, portefeuille in COLLEGE:
        persoon = _persoon(demo, (voornaam, tussenvoegsel, achternaam))
        burgemeester = not demo.collegeleden
        demo.collegeleden.append(persoon)
        services.lidmaatschap_starten(
            persoon=persoon,
            orgaan=demo.college,
            functie=Lidmaatschap.Functie.BURGEMEESTER if burgemeester else Lidmaatschap.Functie.WETHOUDER,
            begin=RAADSPERIODE if burgemeester else WETHOUDERS_BENOEMD,
            portefeuille=portefeuille,
            door=door,
        )
    # The burgemeester chairs the raad without being a member (Gemeentewet art. 9).
    for orgaan in (demo.raad, demo.commissie):
        services.lidmaatschap_starten(
            persoon=griffier,
            orgaan=orgaan,
            functie=Lidmaatschap.Functie.GRIFFIER,
            begin=orgaan.actief_vanaf,
            door=door,
        )
    services.lidmaatschap_starten(
        persoon=demo.collegeleden[0],
        orgaan=demo.raad,
        functie=Lidmaatschap.Functie.VOORZITTER,
        begin=RAADSPERIODE,
        door=door,
    )
    begin = demo.commissie.actief_vanaf
    for sleutel in ("LB2", "GD2", "LM1", "SPN2", "CV2", "JN2", "OPD1", "DG2", "OR1"):
        services.lidmaatschap_starten(
            persoon=demo.leden[sleutel],
            orgaan=demo.commissie,
            functie=Lidmaatschap.Functie.LID,
            begin=begin,
            door=door,
        )
    services.lidmaatschap_starten(
        persoon=demo.leden["CV1"],
        orgaan=demo.commissie,
        functie=Lidmaatschap.Functie.VOORZITTER,
        begin=begin,
        door=door,
    )
    for burgerlid, partij in zip(BURGERLEDEN, ("LB", "GD", "SPN", "LM"), strict=True):
        persoon = _persoon(demo, burgerlid)
        demo.leden[f"burgerlid-{partij}"] = persoon
        services.lidmaatschap_starten(
            persoon=persoon,
            orgaan=demo.commissie,
            functie=Lidmaatschap.Functie.BURGERLID,
            begin=begin,
            door=door,
        )
        services.fractielidmaatschap_starten(
            persoon=persoon,
            fractie=demo.fracties[partij],
            begin=begin,
            functie=Fractielidmaatschap.Functie.BURGERLID,
            door=door,
        )


def _wijzigingen_in_de_raad(demo: Demo) -> None:
    """The fractie change and the vacancy of 2024 (Gemeentewet art. 27: the seat stays with the member)."""
    sleutel, naar, per = WISSEL
    services.fractie_wisselen(
        persoon=demo.leden[sleutel], fractie=demo.fracties[naar], per=per, door=demo.door
    )
    sleutel, einde = VERTREK
    services.lidmaatschap_beeindigen(lidmaatschap=demo.raadszetels[sleutel], einde=einde, door=demo.door)
    services.fractielidmaatschap_beeindigen(
        fractielidmaatschap=demo.fractieleden[sleutel], einde=einde, door=demo.door
    )


def _opvolger_toelaten(demo: Demo, datum: dt.date) -> None:
    opvolger = _persoon(demo, OPVOLGER)
    demo.leden["SPN5"] = opvolger
    services.lidmaatschap_starten(
        persoon=opvolger, orgaan=demo.raad, functie=Lidmaatschap.Functie.LID, begin=datum, door=demo.door
    )
    services.fractielidmaatschap_starten(
        persoon=opvolger, fractie=demo.fracties["SPN"], begin=datum, door=demo.door
    )


def _stuk(
    demo: Demo, punt: Agendapunt, soort: str, titel: str, datum: dt.date, *, geheim: bool = False
) -> Stuk:
    # Secrecy imposed by the college lapses unless the raad confirms it (Gemeentewet art. 25).
    stuk = services.stuk_toevoegen(
        agendapunt=punt,
        soort=soort,
        titel=titel,
        datum=datum,
        bestand=_pdf(titel, ALINEAS),
        openbaarheid=Stuk.Openbaarheid.GEHEIM if geheim else Stuk.Openbaarheid.OPENBAAR,
        geheim_tot_bekrachtiging=geheim,
        door=demo.door,
    )
    demo.tellingen["stukken"] += 1
    return stuk


def _openen(demo: Demo, vergadering: Vergadering, afwezig: Iterable[str]) -> None:
    weg = {demo.leden[sleutel].pk for sleutel in afwezig}
    dag = vergadering.begin.astimezone(TZ).date()
    aanwezigen = [lm.persoon for lm in leden_met_functie(vergadering.orgaan, dag) if lm.persoon_id not in weg]
    services.presentielijst_vastleggen(vergadering=vergadering, aanwezigen=aanwezigen, door=demo.door)
    demo.aanwezig = {persoon.pk for persoon in aanwezigen}
    opening = services.vergadering_openen(vergadering=vergadering, door=demo.door)
    if not opening.geopend:
        raise RuntimeError(f"Demo: {vergadering} kon niet worden geopend.")


def _afsluiten(demo: Demo, vergadering: Vergadering, punten: Iterable[Agendapunt]) -> None:
    for punt in punten:
        services.agendapunt_behandeld(agendapunt=punt, behandeld=True, door=demo.door)
    services.vergadering_gehouden(vergadering=vergadering, door=demo.door)
    services.besluitenlijst_vaststellen(vergadering=vergadering, door=demo.door)


def _aanwezige_leden(demo: Demo, vergadering: Vergadering) -> list[Persoon]:
    """The seated members present (the chair and the griffier sign the presentielijst but do not vote)."""
    dag = vergadering.begin.astimezone(TZ).date()
    return [p for p in zitting_hebbende_leden_op(orgaan=vergadering.orgaan, op=dag) if p.pk in demo.aanwezig]


def _stemmen(demo: Demo, vergadering: Vergadering, voor: frozenset[str]) -> dict[Persoon, str]:
    """A roll call in which every present member votes with their fractie (art. 27 allows otherwise)."""
    leden = _aanwezige_leden(demo, vergadering)
    fractie_van = fracties_op(personen=leden, op=vergadering.begin.astimezone(TZ).date())
    return {persoon: VOOR if fractie_van[persoon.pk].afkorting in voor else TEGEN for persoon in leden}


def _stemming(
    demo: Demo,
    vergadering: Vergadering,
    voorstel: Voorstel,
    voor: frozenset[str],
    minuten: int,
    agendapunt: Agendapunt | None = None,
) -> Stemming:
    stemmen = _stemmen(demo, vergadering, voor)
    stemming = services.stemming_vastleggen(
        voorstel=voorstel,
        agendapunt=agendapunt,
        stemmen=stemmen,
        aanwezig=list(stemmen),
        moment=vergadering.begin + dt.timedelta(minutes=minuten),
        door=demo.door,
    )
    demo.tellingen["stemmingen"] += 1
    return stemming


def _raadsakkoord(demo: Demo) -> None:
    """Seed: the raadsakkoord 2022-2026 'Bouwen aan de toekomst', written with 8 of the 9 fracties,
    adopted on 15 June 2022."""
    datum = dt.date(2022, 6, 15)
    vergadering = services.vergadering_plannen(
        orgaan=demo.raad,
        titel="Raadsvergadering 15 juni 2022",
        begin=_moment(datum),
        einde=_moment(datum, 22, 30),
        locatie=LOCATIE,
        door=demo.door,
    )
    titel = "Raadsakkoord op hoofdlijnen 2022-2026 'Bouwen aan de toekomst'"
    punt = services.agendapunt_toevoegen(
        vergadering=vergadering,
        titel=titel,
        omschrijving="Het raadsakkoord is tot stand gekomen met medewerking van acht van de negen fracties.",
        kenmerk="5",
        portefeuillehouder=demo.collegeleden[0],
        door=demo.door,
    )
    stuk = _stuk(demo, punt, Stuk.Soort.VOORSTEL, f"Raadsvoorstel {titel}", datum - dt.timedelta(days=14))
    services.agenda_publiceren(vergadering=vergadering, door=demo.door)
    _openen(demo, vergadering, ())
    voorstel = services.voorstel_indienen(
        vergadering=vergadering,
        agendapunt=punt,
        soort=Voorstel.Soort.VOORSTEL,
        titel=titel,
        tekst="De raad stelt het raadsakkoord op hoofdlijnen 2022-2026 'Bouwen aan de toekomst' vast.",
        stuk=stuk,
        ingediend_op=_moment(datum, 20),
        door=demo.door,
    )
    stemming = _stemming(demo, vergadering, voorstel, BREED, 90)
    services.stemverklaring_vastleggen(
        stemming=stemming,
        persoon=demo.leden["OR1"],
        tekst="Onze fractie heeft niet meegeschreven aan het akkoord en stemt daarom tegen.",
        door=demo.door,
    )
    demo.tellingen["stemverklaringen"] += 1
    _afsluiten(demo, vergadering, [punt])
    demo.tellingen["vergaderingen"] += 1


def _motie_indienen(demo: Demo, vergadering: Vergadering, punt: Agendapunt | None, motie: Motie) -> Voorstel:
    indiener = demo.leden[motie.indiener]
    return services.voorstel_indienen(
        vergadering=vergadering,
        agendapunt=None if motie.vreemd else punt,
        soort=Voorstel.Soort.MOTIE_VREEMD if motie.vreemd else Voorstel.Soort.MOTIE,
        titel=motie.titel,
        tekst="De raad, in vergadering bijeen, verzoekt het college: "
        f"{motie.titel.removeprefix('Motie ').lower()}.",
        indieners=[indiener],
        ingediend_op=vergadering.begin + dt.timedelta(minutes=30),
        door=demo.door,
    )


def _raadsvergadering(demo: Demo, gegevens: Raadsvergadering) -> None:
    datum = gegevens.datum
    toelating = any(punt.toelating for punt in gegevens.punten)
    if toelating:
        _opvolger_toelaten(demo, datum)
    vergadering = services.vergadering_plannen(
        orgaan=demo.raad,
        titel=gegevens.titel or f"Raadsvergadering {_datumtekst(datum)}",
        begin=_moment(datum),
        einde=_moment(datum, 23),
        locatie=LOCATIE,
        door=demo.door,
    )
    punten: list[tuple[Punt, Agendapunt, Stuk | None]] = []
    for volgnummer, gegeven in enumerate(gegevens.punten, start=1):
        punt = services.agendapunt_toevoegen(
            vergadering=vergadering,
            titel=gegeven.titel,
            kenmerk=f"{volgnummer}",
            onderwerp=gegeven.onderwerp,
            hamerstuk=gegeven.hamerstuk,
            besloten=gegeven.besloten,
            portefeuillehouder=demo.collegeleden[gegeven.portefeuille],
            door=demo.door,
        )
        stuk = None
        alleen_moties_vreemd = bool(gegeven.moties) and all(motie.vreemd for motie in gegeven.moties)
        if gegeven.toelating:
            _stuk(
                demo,
                punt,
                Stuk.Soort.BESLUITVORMINGSSTUK,
                "Rapport van de commissie onderzoek geloofsbrieven",
                datum,
            )
        elif not gegeven.uitgestelde_motie and not alleen_moties_vreemd:
            stuk = _stuk(
                demo,
                punt,
                Stuk.Soort.VOORSTEL,
                f"Raadsvoorstel {gegeven.titel}",
                datum - dt.timedelta(days=21),
                geheim=gegeven.besloten,
            )
        punten.append((gegeven, punt, stuk))
    services.agenda_publiceren(vergadering=vergadering, door=demo.door)
    _openen(demo, vergadering, gegevens.afwezig)
    for _gegeven, _punt, stuk in punten:
        if stuk is not None and stuk.geheim_tot_bekrachtiging:
            # The college sent it under secrecy; the raad confirms it here (Gemeentewet art. 25 lid 3).
            services.geheimhouding_bekrachtigen(stuk=stuk, vergadering=vergadering, door=demo.door)
    minuten = 10
    for gegeven, punt, stuk in punten:
        minuten += 20
        if gegeven.uitgestelde_motie:
            _stemming(
                demo, vergadering, demo.moties[gegeven.uitgestelde_motie], GELIJK, minuten, agendapunt=punt
            )
            continue
        if gegeven.toelating:
            services.hamerstuk_afhameren(
                agendapunt=punt,
                aanwezig=_aanwezige_leden(demo, vergadering),
                moment=vergadering.begin + dt.timedelta(minutes=minuten),
                door=demo.door,
            )
            demo.tellingen["hamerstukken"] += 1
            continue
        voorstel = None
        if stuk is not None:
            voorstel = services.voorstel_indienen(
                vergadering=vergadering,
                agendapunt=punt,
                soort=Voorstel.Soort.VOORSTEL,
                titel=gegeven.titel,
                tekst=f"De raad besluit: {gegeven.titel} vast te stellen.",
                stuk=stuk,
                ingediend_op=vergadering.begin,
                door=demo.door,
            )
        if gegeven.hamerstuk:
            moties = [_motie_indienen(demo, vergadering, punt, motie) for motie in gegeven.moties]
            if voorstel is not None:
                services.hamerstuk_afhameren(
                    agendapunt=punt,
                    tegen_aangetekend=[demo.leden[sleutel] for sleutel in gegeven.tegen_aangetekend],
                    aanwezig=_aanwezige_leden(demo, vergadering),
                    moment=vergadering.begin + dt.timedelta(minutes=minuten),
                    door=demo.door,
                )
                demo.tellingen["hamerstukken"] += 1
            for motie, gegevens_motie in zip(moties, gegeven.moties, strict=True):
                minuten += 5
                _motie_stemmen(demo, vergadering, motie, gegevens_motie, minuten)
            continue
        if voorstel is None:
            continue
        for titel, indiener, voor in gegeven.amendementen:
            amendement = services.voorstel_indienen(
                vergadering=vergadering,
                agendapunt=punt,
                soort=Voorstel.Soort.AMENDEMENT,
                wijzigt=voorstel,
                titel=titel,
                tekst="De raad besluit het voorstel te wijzigen: "
                f"{titel.removeprefix('Amendement ').lower()}.",
                indieners=[demo.leden[indiener]],
                ingediend_op=vergadering.begin + dt.timedelta(minutes=15),
                door=demo.door,
            )
            demo.tellingen["amendementen"] += 1
            minuten += 5
            _stemming(demo, vergadering, amendement, voor, minuten)
        moties = [_motie_indienen(demo, vergadering, punt, motie) for motie in gegeven.moties]
        minuten += 5
        stemming = _stemming(demo, vergadering, voorstel, gegeven.voor, minuten)
        if gegeven.stemverklaring is not None:
            sleutel, tekst = gegeven.stemverklaring
            services.stemverklaring_vastleggen(
                stemming=stemming, persoon=demo.leden[sleutel], tekst=tekst, door=demo.door
            )
            demo.tellingen["stemverklaringen"] += 1
        for motie, gegevens_motie in zip(moties, gegeven.moties, strict=True):
            minuten += 5
            _motie_stemmen(demo, vergadering, motie, gegevens_motie, minuten)
    _afsluiten(demo, vergadering, [punt for _gegeven, punt, _stuk in punten])
    demo.tellingen["vergaderingen"] += 1


def _motie_stemmen(
    demo: Demo, vergadering: Vergadering, motie: Voorstel, gegevens: Motie, minuten: int
) -> None:
    demo.tellingen["moties"] += 1
    demo.moties[gegevens.titel] = motie
    _stemming(demo, vergadering, motie, gegevens.voor, minuten)
    motie.refresh_from_db()
    if motie.status != Voorstel.Status.AANGENOMEN:
        return
    datum = vergadering.begin.astimezone(TZ).date()
    services.motie_afhandeling_bijwerken(
        motie=motie,
        portefeuillehouder=demo.collegeleden[gegevens.portefeuille],
        uiterste_datum=datum + dt.timedelta(days=180),
        door=demo.door,
    )
    if gegevens.afhandeling:
        services.motie_afhandeling_bijwerken(
            motie=motie,
            antwoord_college=(
                "Het college heeft de motie uitgevoerd; de raad is per raadsinformatiebrief geïnformeerd."
                if gegevens.afhandeling == Voorstel.Afhandeling.AFGEDAAN
                else "Het college voert de motie niet uit: de kosten passen niet binnen de begroting."
            ),
            afhandeling=gegevens.afhandeling,
            afgedaan_op=datum + dt.timedelta(days=120),
            door=demo.door,
        )


def _commissievergaderingen(demo: Demo) -> list[tuple[Vergadering, Agendapunt]]:
    vergaderingen = []
    for datum, titels in COMMISSIEVERGADERINGEN:
        vergadering = services.vergadering_plannen(
            orgaan=demo.commissie,
            titel=f"Commissie Bestuur en Dienstverlening {_datumtekst(datum)}",
            begin=_moment(datum, 19, 30),
            einde=_moment(datum, 22, 30),
            locatie="Commissiekamer, Oranjeplein 1, Pijnacker",
            door=demo.door,
        )
        punten = []
        for volgnummer, titel in enumerate(titels, start=1):
            punt = services.agendapunt_toevoegen(
                vergadering=vergadering, titel=titel, kenmerk=str(volgnummer), door=demo.door
            )
            brief = titel.startswith("Raadsinformatiebrief")
            _stuk(
                demo,
                punt,
                Stuk.Soort.MEDEDELING if brief else Stuk.Soort.VOORSTEL,
                titel if brief else f"Raadsvoorstel {titel} (commissieversie)",
                datum - dt.timedelta(days=10),
            )
            punten.append(punt)
        services.agenda_publiceren(vergadering=vergadering, door=demo.door)
        _openen(demo, vergadering, ())
        _afsluiten(demo, vergadering, punten)
        vergaderingen.append((vergadering, punten[0]))
        demo.tellingen["vergaderingen"] += 1
    return vergaderingen


def _toezeggingen(demo: Demo, vergaderingen: Sequence[tuple[Vergadering, Agendapunt]]) -> None:
    for index, portefeuille, tekst, uiterste_datum, antwoord in TOEZEGGINGEN:
        vergadering, punt = vergaderingen[index]
        toezegging = services.toezegging_vastleggen(
            vergadering=vergadering,
            agendapunt=punt,
            portefeuillehouder=demo.collegeleden[portefeuille],
            tekst=tekst,
            uiterste_datum=uiterste_datum,
            door=demo.door,
        )
        demo.tellingen["toezeggingen"] += 1
        if antwoord:
            services.toezegging_afdoen(
                toezegging=toezegging,
                antwoord=antwoord,
                afgedaan_op=uiterste_datum - dt.timedelta(days=10),
                door=demo.door,
            )


_MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def _datumtekst(datum: dt.date) -> str:
    return f"{datum.day} {_MAANDEN[datum.month - 1]} {datum.year}"


def _accounts_koppelen(demo: Demo) -> None:
    """The demo raadslid and collegelid log in as a member and a wethouder, so the Werkplek shows
    their own proposals and portefeuille (rechten.VOORSTEL_INDIENEN)."""
    paren = (
        (medewerkers_met_rol(Rol.RAADSLID).first(), next(iter(demo.leden.values()), None)),
        (
            medewerkers_met_rol(Rol.COLLEGELID).first(),
            demo.collegeleden[1] if len(demo.collegeleden) > 1 else None,
        ),
    )
    for medewerker, persoon in paren:
        if medewerker is not None and persoon is not None:
            services.persoon_koppelen(persoon=persoon, medewerker=medewerker, door=demo.door)


def laden(uitvoer: OutputWrapper) -> None:
    _laden(uitvoer)
    # Raadsvragen come after the raad exists; their own check keeps a second run a no-op.
    demo_raadsvragen.laden(uitvoer)


def _laden(uitvoer: OutputWrapper) -> None:
    if orgaan_op_slug(RAAD_SLUG) is not None:
        demo_inspreken.laden(uitvoer)
        return
    door = medewerkers_met_rol(Rol.GRIFFIE).first()
    if door is None:
        uitvoer.write(
            "Besluitvorming overgeslagen: er is geen griffie-account om de gegevens vast te leggen."
        )
        return
    demo = _organen(door)
    _leden(demo)
    _raadsakkoord(demo)
    _wijzigingen_in_de_raad(demo)
    commissie = _commissievergaderingen(demo)
    for gegevens in RAADSVERGADERINGEN:
        _raadsvergadering(demo, gegevens)
    _toezeggingen(demo, commissie)
    _accounts_koppelen(demo)
    t = demo.tellingen
    uitvoer.write(
        f"Besluitvorming: {demo.raad.zetels} zetels, {len(demo.fracties)} fracties, "
        f"{len(demo.collegeleden)} collegeleden, {t['vergaderingen']} vergaderingen, {t['stukken']} stukken, "
        f"{t['stemmingen']} stemmingen, {t['hamerstukken']} hamerstukken, {t['moties']} moties, "
        f"{t['amendementen']} amendementen, {t['stemverklaringen']} stemverklaringen, "
        f"{t['toezeggingen']} toezeggingen"
    )
    demo_inspreken.laden(uitvoer)
