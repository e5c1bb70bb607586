"""Reads about votes: who may vote on a date, a meeting's votes, voting behaviour, the voting order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Prefetch, Q, QuerySet

from raadhuis.besluitvorming.models import (
    Agendapunt,
    Fractie,
    Fractielidmaatschap,
    Fractiestemresultaat,
    Lidmaatschap,
    Orgaan,
    Persoon,
    Stem,
    Stemming,
    Stemverklaring,
    Vergadering,
    Voorstel,
)
from raadhuis.besluitvorming.stemregels import Stemonderwerp, Voorstelsoort, stemvolgorde

# The college: the burgemeester is a member with a vote and its chair (Gemeentewet arts. 34, 53);
# elsewhere the burgemeester chairs without a vote (art. 9, art. 82 for commissies).
COLLEGEFUNCTIES = frozenset({Lidmaatschap.Functie.WETHOUDER, Lidmaatschap.Functie.BURGEMEESTER})


def _op_datum(datum: dt.date) -> Q:
    return Q(begin__lte=datum) & (Q(einde__isnull=True) | Q(einde__gte=datum))


def stemgerechtigde_functies(orgaan: Orgaan) -> frozenset[str]:
    if orgaan.soort == Orgaan.Soort.COLLEGE:
        return COLLEGEFUNCTIES
    return frozenset(Lidmaatschap.STEMGERECHTIGD)


def zitting_hebbende_leden_op(*, orgaan: Orgaan, op: dt.date) -> list[Persoon]:
    """The members holding a seat with a vote in `orgaan` on `op` ("zitting hebbende leden": filled
    seats only, vacancies excluded; Gemeentewet art. 20)."""
    lidmaatschappen = Lidmaatschap.objects.filter(
        _op_datum(op), orgaan=orgaan, functie__in=stemgerechtigde_functies(orgaan)
    ).select_related("persoon")
    personen = {lidmaatschap.persoon_id: lidmaatschap.persoon for lidmaatschap in lidmaatschappen}
    return sorted(personen.values(), key=lambda persoon: (persoon.achternaam, persoon.voornaam, persoon.pk))


def voorzitter_van_college_op(*, orgaan: Orgaan, op: dt.date) -> Persoon | None:
    lidmaatschap = (
        Lidmaatschap.objects.filter(_op_datum(op), orgaan=orgaan, functie=Lidmaatschap.Functie.BURGEMEESTER)
        .select_related("persoon")
        .first()
    )
    return lidmaatschap.persoon if lidmaatschap else None


def fracties_op(*, personen: Iterable[Persoon], op: dt.date) -> dict[int, Fractie]:
    """Each person's fractie on `op` (members vote zonder last, art. 27; the fractie is kept with the
    vote so a later change of fractie does not rewrite history)."""
    lidmaatschappen = Fractielidmaatschap.objects.filter(
        _op_datum(op), persoon__in=[persoon.pk for persoon in personen]
    ).select_related("fractie")
    return {lidmaatschap.persoon_id: lidmaatschap.fractie for lidmaatschap in lidmaatschappen}


def is_collegelid_op(*, persoon: Persoon, op: dt.date) -> bool:
    """Whether `persoon` is a wethouder or the burgemeester in a college on `op` (a portefeuillehouder)."""
    return Lidmaatschap.objects.filter(
        _op_datum(op),
        persoon=persoon,
        orgaan__soort=Orgaan.Soort.COLLEGE,
        functie__in=COLLEGEFUNCTIES,
    ).exists()


def collegeleden_op(*, op: dt.date) -> list[Persoon]:
    lidmaatschappen = Lidmaatschap.objects.filter(
        _op_datum(op), orgaan__soort=Orgaan.Soort.COLLEGE, functie__in=COLLEGEFUNCTIES
    ).select_related("persoon")
    personen = {lidmaatschap.persoon_id: lidmaatschap.persoon for lidmaatschap in lidmaatschappen}
    return sorted(personen.values(), key=lambda persoon: (persoon.achternaam, persoon.voornaam))


def _met_details(stemmingen: QuerySet[Stemming]) -> QuerySet[Stemming]:
    return stemmingen.select_related("vergadering", "agendapunt", "voorstel", "besluit").prefetch_related(
        Prefetch(
            "stemmen",
            queryset=Stem.objects.select_related("persoon", "fractie").order_by(
                "persoon__achternaam", "persoon__voornaam"
            ),
        ),
        Prefetch(
            "fractieresultaten",
            queryset=Fractiestemresultaat.objects.select_related("fractie").order_by("fractie__naam"),
        ),
        Prefetch("stemverklaringen", queryset=Stemverklaring.objects.select_related("persoon", "fractie")),
        "tegen_aangetekend",
        "moeten_onthouden",
    )


def stemmingen_van_vergadering(*, vergadering: Vergadering) -> QuerySet[Stemming]:
    """Every vote of a meeting in order, with its votes per member and per fractie."""
    return _met_details(Stemming.objects.filter(vergadering=vergadering)).order_by("moment", "pk")


def stemmingen_met_details() -> QuerySet[Stemming]:
    """Every vote with what its result page shows; narrow it with .filter() or get_object_or_404."""
    return _met_details(Stemming.objects.all())


def stemgedrag_van_persoon(*, persoon: Persoon) -> QuerySet[Stem]:
    """How a member voted, newest first, with the proposal and the meeting."""
    return (
        Stem.objects.filter(persoon=persoon)
        .select_related("fractie", "stemming__voorstel", "stemming__agendapunt", "stemming__vergadering")
        .order_by("-stemming__moment", "-pk")
    )


def stemgedrag_van_fractie(*, fractie: Fractie) -> QuerySet[Fractiestemresultaat]:
    """A fractie's derived results (aangenomen / verworpen / verdeeld), newest first."""
    return (
        Fractiestemresultaat.objects.filter(fractie=fractie)
        .select_related("stemming__voorstel", "stemming__agendapunt", "stemming__vergadering")
        .order_by("-stemming__moment", "-pk")
    )


def voorstellen_van_agendapunt(*, agendapunt: Agendapunt) -> QuerySet[Voorstel]:
    return (
        Voorstel.objects.filter(agendapunt=agendapunt)
        .select_related("wijzigt")
        .prefetch_related("indieners__persoon")
        .order_by("ingediend_op", "pk")
    )


def stemvolgorde_voor(*, agendapunt: Agendapunt) -> list[Voorstel]:
    """The proposals still to be voted on at this item, in the order of the reglement van orde
    (subamendement, amendement, voorstel, moties; stemregels.stemvolgorde). A subamendement whose
    amendement is no longer pending is left out: it has nothing left to amend."""
    aanhangig = [
        voorstel
        for voorstel in voorstellen_van_agendapunt(agendapunt=agendapunt)
        if voorstel.status in (Voorstel.Status.INGEDIEND, Voorstel.Status.UITGESTELD)
    ]
    per_id = {str(voorstel.pk): voorstel for voorstel in aanhangig}
    amendementen = {str(v.pk) for v in aanhangig if v.soort == Voorstel.Soort.AMENDEMENT}
    onderwerpen = [
        Stemonderwerp(
            id=str(voorstel.pk),
            soort=Voorstelsoort(voorstel.soort),
            wijzigt=str(voorstel.wijzigt_id) if voorstel.wijzigt_id else None,
            strekking=voorstel.strekking,
        )
        for voorstel in aanhangig
        if voorstel.soort != Voorstel.Soort.SUBAMENDEMENT or str(voorstel.wijzigt_id) in amendementen
    ]
    return [per_id[onderwerp.id] for onderwerp in stemvolgorde(onderwerpen)]
