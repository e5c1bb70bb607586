"""Test data for the public side: a public meeting with a vote next to closed items and secret
papers, built with the factories (votes written directly, as the vote service would store them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone

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
from raadhuis.besluitvorming.tests.factories import (
    AgendapuntFactory,
    Raad,
    StukFactory,
    VergaderingFactory,
    VoorstelFactory,
    raad_met_leden,
)

PDF = b"%PDF-1.4\n% raadsvoorstel\n"


@dataclass
class Scenario:
    raad: Raad
    vergadering: Vergadering
    bespreekstuk: Agendapunt
    hamerstuk: Agendapunt
    besloten_punt: Agendapunt
    openbaar_stuk: Stuk
    geheim_stuk: Stuk
    stuk_besloten_punt: Stuk
    stemming: Stemming
    stemming_besloten_punt: Stemming
    besluit: Besluit
    besloten_vergadering: Vergadering
    stuk_besloten_vergadering: Stuk
    stemming_besloten_vergadering: Stemming


def stemming_vastleggen(
    *,
    raad: Raad,
    vergadering: Vergadering,
    agendapunt: Agendapunt | None,
    voorstel: Voorstel | None = None,
    tegen: int = 0,
    **velden: object,
) -> Stemming:
    """A stored roll-call vote: the first `tegen` members vote against, the rest for, with the
    fractie results derived as the vote service does."""
    voor_aantal = len(raad.leden) - tegen
    stemming = Stemming.objects.create(
        vergadering=vergadering,
        agendapunt=agendapunt,
        voorstel=voorstel,
        type=velden.pop("type", Stemming.Type.HOOFDELIJK),
        moment=velden.pop("moment", vergadering.begin + dt.timedelta(hours=1)),
        uitkomst=Stemming.Uitkomst.AANGENOMEN if voor_aantal > tegen else Stemming.Uitkomst.VERWORPEN,
        resultaat=Stemming.Resultaat.VOOR if voor_aantal > tegen else Stemming.Resultaat.TEGEN,
        aantal_voor=voor_aantal,
        aantal_tegen=tegen,
        uitleg=["Geldig: 5 van 5 leden namen deel (Gemeentewet art. 29)", "Aangenomen (art. 30)"],
        **velden,
    )
    per_fractie: dict[int, list[str]] = {}
    for nummer, lid in enumerate(raad.leden):
        keuze = Stem.Keuze.TEGEN if nummer < tegen else Stem.Keuze.VOOR
        fractie = raad.fractie_van[lid.pk]
        Stem.objects.create(stemming=stemming, persoon=lid, fractie=fractie, keuze=keuze)
        per_fractie.setdefault(fractie.pk, []).append(keuze)
    for fractie in raad.fracties:
        keuzes = per_fractie.get(fractie.pk, [])
        voor, tegen_f = keuzes.count(Stem.Keuze.VOOR), keuzes.count(Stem.Keuze.TEGEN)
        resultaat = (
            Fractiestemresultaat.Resultaat.VERDEELD
            if voor and tegen_f
            else Fractiestemresultaat.Resultaat.AANGENOMEN
            if voor
            else Fractiestemresultaat.Resultaat.VERWORPEN
        )
        Fractiestemresultaat.objects.create(
            stemming=stemming, fractie=fractie, resultaat=resultaat, voor=voor, tegen=tegen_f
        )
    return stemming


def openbare_vergadering(raad: Raad, **velden: object) -> Vergadering:
    return VergaderingFactory(
        orgaan=raad.orgaan,
        agenda_gepubliceerd_op=timezone.now() - dt.timedelta(days=10),
        **velden,
    )


def scenario() -> Scenario:
    raad = raad_met_leden((3, 2))
    vergadering = openbare_vergadering(
        raad,
        titel="Raadsvergadering 12 maart",
        status=Vergadering.Status.GEHOUDEN,
        begin=timezone.now() - dt.timedelta(days=3),
        einde=timezone.now() - dt.timedelta(days=3) + dt.timedelta(hours=4),
    )
    bespreekstuk = AgendapuntFactory(vergadering=vergadering, volgnummer=1, titel="Woningbouw Keijzershof")
    hamerstuk = AgendapuntFactory(
        vergadering=vergadering, volgnummer=2, titel="Jaarstukken GR", hamerstuk=True
    )
    besloten_punt = AgendapuntFactory(
        vergadering=vergadering, volgnummer=3, titel="Grondaankoop perceel 12", besloten=True
    )
    openbaar_stuk = StukFactory(orgaan=raad.orgaan, agendapunt=bespreekstuk, titel="Raadsvoorstel woningbouw")
    openbaar_stuk.bestand.save("raadsvoorstel.pdf", ContentFile(PDF), save=False)
    openbaar_stuk.bestandsnaam = "Raadsvoorstel woningbouw.pdf"
    openbaar_stuk.mediatype = "application/pdf"
    openbaar_stuk.save()
    geheim_stuk = StukFactory(
        orgaan=raad.orgaan,
        agendapunt=bespreekstuk,
        titel="Geheime taxatie woningbouw",
        openbaarheid=Stuk.Openbaarheid.GEHEIM,
    )
    geheim_stuk.bestand.save("taxatie.pdf", ContentFile(PDF), save=True)
    stuk_besloten_punt = StukFactory(
        orgaan=raad.orgaan, agendapunt=besloten_punt, titel="Notitie grondaankoop"
    )
    voorstel = VoorstelFactory(
        vergadering=vergadering,
        agendapunt=bespreekstuk,
        soort=Voorstel.Soort.VOORSTEL,
        motie_type="",
        titel="Raadsvoorstel woningbouw Keijzershof",
        stuk=openbaar_stuk,
    )
    stemming = stemming_vastleggen(
        raad=raad, vergadering=vergadering, agendapunt=bespreekstuk, voorstel=voorstel, tegen=1
    )
    Stemverklaring.objects.create(
        stemming=stemming, persoon=raad.leden[0], fractie=raad.fracties[0], tekst="Wij stemmen tegen omdat..."
    )
    besluit = Besluit.objects.create(
        agendapunt=bespreekstuk,
        voorstel=voorstel,
        stemming=stemming,
        resultaat=Besluit.Resultaat.AANGENOMEN,
        toelichting="Het voorstel is aangenomen.",
        genomen_op=timezone.localdate(vergadering.begin),
    )
    stemming_besloten_punt = stemming_vastleggen(raad=raad, vergadering=vergadering, agendapunt=besloten_punt)
    Besluit.objects.create(
        agendapunt=besloten_punt,
        stemming=stemming_besloten_punt,
        resultaat=Besluit.Resultaat.AANGENOMEN,
        genomen_op=timezone.localdate(vergadering.begin),
    )
    for lid in raad.leden:
        Aanwezigheid.objects.create(vergadering=vergadering, persoon=lid, aanwezig=True)

    besloten_vergadering = openbare_vergadering(raad, titel="Besloten raadsvergadering", besloten=True)
    besloten_vergadering_punt = AgendapuntFactory(
        vergadering=besloten_vergadering, volgnummer=1, titel="Personele aangelegenheid"
    )
    stuk_besloten_vergadering = StukFactory(
        orgaan=raad.orgaan, agendapunt=besloten_vergadering_punt, titel="Vertrouwelijke notitie"
    )
    stemming_besloten_vergadering = stemming_vastleggen(
        raad=raad, vergadering=besloten_vergadering, agendapunt=besloten_vergadering_punt
    )
    Aanwezigheid.objects.create(vergadering=besloten_vergadering, persoon=raad.leden[0])
    return Scenario(
        raad=raad,
        vergadering=vergadering,
        bespreekstuk=bespreekstuk,
        hamerstuk=hamerstuk,
        besloten_punt=besloten_punt,
        openbaar_stuk=openbaar_stuk,
        geheim_stuk=geheim_stuk,
        stuk_besloten_punt=stuk_besloten_punt,
        stemming=stemming,
        stemming_besloten_punt=stemming_besloten_punt,
        besluit=besluit,
        besloten_vergadering=besloten_vergadering,
        stuk_besloten_vergadering=stuk_besloten_vergadering,
        stemming_besloten_vergadering=stemming_besloten_vergadering,
    )
