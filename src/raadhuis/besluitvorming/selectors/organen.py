"""Reads about bodies and people: who holds a seat on a date, vacancies, fracties and their seats."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from raadhuis.besluitvorming.models import Fractie, Fractielidmaatschap, Lidmaatschap, Orgaan, Persoon

_SEATED_BY_SOORT: dict[str, frozenset[str]] = {
    Orgaan.Soort.RAAD: frozenset({Lidmaatschap.Functie.LID}),
    # The college is the burgemeester and the wethouders (Gemeentewet art. 34); both vote.
    Orgaan.Soort.COLLEGE: frozenset({Lidmaatschap.Functie.BURGEMEESTER, Lidmaatschap.Functie.WETHOUDER}),
    Orgaan.Soort.COMMISSIE: frozenset({Lidmaatschap.Functie.LID, Lidmaatschap.Functie.BURGERLID}),
    Orgaan.Soort.PRESIDIUM: frozenset({Lidmaatschap.Functie.LID}),
}


def zetelfuncties(orgaan: Orgaan) -> frozenset[str]:
    """The functions that hold a seat in this body. In the raad only `lid` does: the burgemeester
    chairs without being a member (Gemeentewet art. 9), the griffier assists."""
    return _SEATED_BY_SOORT.get(orgaan.soort, frozenset({Lidmaatschap.Functie.LID}))


def op_datum(datum: dt.date, prefix: str = "") -> Q:
    """Rows whose period (begin up to and including einde) covers the date."""
    return Q(**{f"{prefix}begin__lte": datum}) & (
        Q(**{f"{prefix}einde__isnull": True}) | Q(**{f"{prefix}einde__gte": datum})
    )


def zittende_lidmaatschappen(orgaan: Orgaan, datum: dt.date) -> QuerySet[Lidmaatschap]:
    return (
        Lidmaatschap.objects.filter(op_datum(datum), orgaan=orgaan, functie__in=zetelfuncties(orgaan))
        .select_related("persoon")
        .order_by("persoon__achternaam", "persoon__voornaam", "persoon_id")
    )


def zittende_leden(orgaan: Orgaan, datum: dt.date) -> list[Persoon]:
    """The zitting hebbende leden on a date (vacancies excluded), by surname."""
    return [lidmaatschap.persoon for lidmaatschap in zittende_lidmaatschappen(orgaan, datum)]


def vacatures(orgaan: Orgaan, datum: dt.date) -> int:
    """Empty seats on a date; 0 for a body without a fixed number of seats."""
    if orgaan.zetels is None:
        return 0
    bezet = Lidmaatschap.objects.filter(op_datum(datum), orgaan=orgaan, functie__in=zetelfuncties(orgaan))
    return max(0, orgaan.zetels - bezet.values("persoon").distinct().count())


def leden_met_functie(orgaan: Orgaan, datum: dt.date) -> list[Lidmaatschap]:
    """Everyone with any function in the body on a date (members, chair, griffier, wethouders in
    the raad), each with their person: who may sign the presentielijst."""
    return list(
        Lidmaatschap.objects.filter(op_datum(datum), orgaan=orgaan)
        .select_related("persoon")
        .order_by("persoon__achternaam", "persoon__voornaam", "persoon_id", "functie")
    )


def fractie_op(persoon: Persoon, datum: dt.date) -> Fractie | None:
    """The fractie a person belongs to on a date (one at a time), or None."""
    lidmaatschap = (
        Fractielidmaatschap.objects.filter(op_datum(datum), persoon=persoon).select_related("fractie").first()
    )
    return lidmaatschap.fractie if lidmaatschap else None


@dataclass(frozen=True)
class FractieMetZetels:
    fractie: Fractie
    zetels: int
    leden: tuple[Persoon, ...]


def fracties_met_zetels(orgaan: Orgaan, datum: dt.date) -> list[FractieMetZetels]:
    """The fracties of the seated members on a date with their number of seats, largest first.
    Seats belong to members (art. 27: zonder last); a member leaving a fractie takes the seat along."""
    leden = zittende_leden(orgaan, datum)
    fractielidmaatschappen = (
        Fractielidmaatschap.objects.filter(op_datum(datum), persoon__in=leden)
        .select_related("fractie")
        .order_by("fractie__naam")
    )
    fractie_van = {fl.persoon_id: fl.fractie for fl in fractielidmaatschappen}
    per_fractie: dict[int, list[Persoon]] = {}
    fracties: dict[int, Fractie] = {}
    for lid in leden:
        fractie = fractie_van.get(lid.pk)
        if fractie is None:
            continue
        fracties[fractie.pk] = fractie
        per_fractie.setdefault(fractie.pk, []).append(lid)
    aantallen = Counter({pk: len(namen) for pk, namen in per_fractie.items()})
    return [
        FractieMetZetels(fractie=fracties[pk], zetels=aantal, leden=tuple(per_fractie[pk]))
        for pk, aantal in sorted(aantallen.items(), key=lambda paar: (-paar[1], fracties[paar[0]].naam))
    ]


def organen_op(datum: dt.date) -> QuerySet[Orgaan]:
    """The bodies active on a date, raad first."""
    return Orgaan.objects.filter(
        Q(actief_vanaf__lte=datum) & (Q(actief_tot__isnull=True) | Q(actief_tot__gte=datum))
    ).order_by("soort", "naam")
