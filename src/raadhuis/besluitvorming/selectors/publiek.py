"""Public reads of besluitvorming (pages, iCalendar feeds, the ODS API, what may be published).

One rule runs through every selector here: nothing of a besloten vergadering beyond its date and
body, no besloten agendapunt, no geheim stuk (Gemeentewet arts. 23 and 25), nothing of an agenda
before it is published (art. 19), and no individual vote or fractie result of a secret vote about
persons (art. 31). The filters below are the only place that rule is written down.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from django.db.models import Exists, F, Max, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from raadhuis.besluitvorming.models import (
    Aanwezigheid,
    Agendapunt,
    Besluit,
    Fractie,
    Fractielidmaatschap,
    Fractiestemresultaat,
    Lidmaatschap,
    Orgaan,
    Persoon,
    Stem,
    Stemming,
    Stemverklaring,
    Stuk,
    Vergadering,
)
from raadhuis.besluitvorming.selectors.uitslagtabellen import (
    PERSOON_NAAMVELDEN,
    Aantalrij,
    Fractierij,
    Lidrij,
    ledenvraag,
    uitslagtabellen_met_leden,
    uitslagtabellen_zonder_leden,
    uitslagvragen,
)
from raadhuis.core.replica import leest_van_replica
from raadhuis.core.vingerafdruk import vingerafdruk_in_database_van

# Bodies whose meetings the ODS API serves: its VergaderingsType has no value for the college, whose
# agendas and besluitenlijsten are published as Woo category 2d instead (woo_categorieen).
ODS_ORGAANSOORTEN = (Orgaan.Soort.RAAD, Orgaan.Soort.COMMISSIE, Orgaan.Soort.PRESIDIUM)


def _vergadering_openbaar(pad: str) -> Q:
    """The meeting at `pad` is public and its agenda published (Gemeentewet arts. 19 and 23)."""
    return Q(**{f"{pad}besloten": False, f"{pad}agenda_gepubliceerd_op__isnull": False})


def _agendapunt_openbaar(pad: str) -> Q:
    return Q(**{f"{pad}besloten": False}) & _vergadering_openbaar(f"{pad}vergadering__")


def _stemming_openbaar(pad: str) -> Q:
    return (
        _vergadering_openbaar(f"{pad}vergadering__")
        & (Q(**{f"{pad}agendapunt__isnull": True}) | _agendapunt_openbaar(f"{pad}agendapunt__"))
        & (
            Q(**{f"{pad}voorstel__isnull": True})
            | Q(**{f"{pad}voorstel__agendapunt__isnull": True})
            | _agendapunt_openbaar(f"{pad}voorstel__agendapunt__")
        )
    )


def _stemming_niet_geheim(pad: str) -> Q:
    """Gemeentewet art. 31: votes about persons are secret; only their totals are public."""
    return Q(**{f"{pad}over_personen": False}) & ~Q(**{f"{pad}type": Stemming.Type.SCHRIFTELIJK})


STUK_OPENBAAR = Q(openbaarheid=Stuk.Openbaarheid.OPENBAAR) & (
    Q(agendapunt__isnull=True) | _agendapunt_openbaar("agendapunt__")
)


# -- The building blocks: every public queryset starts from one of these. --------------------------


def openbare_agendapunten() -> QuerySet[Agendapunt]:
    return Agendapunt.objects.filter(_agendapunt_openbaar(""))


def openbare_stukken() -> QuerySet[Stuk]:
    return Stuk.objects.filter(STUK_OPENBAAR)


def openbare_stemmingen() -> QuerySet[Stemming]:
    return Stemming.objects.filter(_stemming_openbaar(""))


def openbare_stemmen() -> QuerySet[Stem]:
    return Stem.objects.filter(_stemming_openbaar("stemming__") & _stemming_niet_geheim("stemming__"))


def openbare_fractieresultaten() -> QuerySet[Fractiestemresultaat]:
    return Fractiestemresultaat.objects.filter(
        _stemming_openbaar("stemming__") & _stemming_niet_geheim("stemming__")
    )


def openbare_besluiten() -> QuerySet[Besluit]:
    return Besluit.objects.filter(_agendapunt_openbaar("agendapunt__"))


def openbare_aanwezigheden() -> QuerySet[Aanwezigheid]:
    return Aanwezigheid.objects.filter(_vergadering_openbaar("vergadering__"))


# -- Pages -----------------------------------------------------------------------------------------


@leest_van_replica
def organen() -> QuerySet[Orgaan]:
    return Orgaan.objects.order_by("soort", "naam")


@leest_van_replica
def orgaan_op_slug(slug: str) -> Orgaan | None:
    return Orgaan.objects.filter(slug=slug).first()


@leest_van_replica
def fracties() -> QuerySet[Fractie]:
    return Fractie.objects.order_by("naam")


@leest_van_replica
def kalender(*, orgaan: Orgaan | None = None, komend: bool = True) -> QuerySet[Vergadering]:
    """Meetings for the calendar: upcoming ones soonest first, past ones latest first. Besloten
    meetings are listed (their day and body are announced), their agenda is not."""
    nu = timezone.now()
    vergaderingen = Vergadering.objects.select_related("orgaan")
    if orgaan is not None:
        vergaderingen = vergaderingen.filter(orgaan=orgaan)
    if komend:
        return vergaderingen.filter(begin__gte=nu - dt.timedelta(hours=12)).order_by("begin", "pk")
    return vergaderingen.filter(begin__lt=nu - dt.timedelta(hours=12)).order_by("-begin", "-pk")


@leest_van_replica
def feed_vergaderingen(*, orgaan: Orgaan | None = None, sinds: dt.datetime) -> QuerySet[Vergadering]:
    """Meetings for an iCalendar feed, with the public agenda items (none for a besloten meeting)."""
    vergaderingen = Vergadering.objects.select_related("orgaan").filter(begin__gte=sinds)
    if orgaan is not None:
        vergaderingen = vergaderingen.filter(orgaan=orgaan)
    return vergaderingen.order_by("begin", "pk").prefetch_related(
        Prefetch(
            "agendapunten",
            queryset=openbare_agendapunten().order_by("volgnummer"),
            to_attr="openbare_agendapunten",
        )
    )


@dataclass(frozen=True)
class Agendaregel:
    """A public agenda item with what the page shows about it."""

    agendapunt: Agendapunt
    stukken: list[Stuk]
    stemmingen: list[Stemming]
    besluiten: list[Besluit]


@dataclass(frozen=True)
class VergaderingPubliek:
    vergadering: Vergadering
    agenda: list[Agendaregel] = field(default_factory=list)
    aanwezigheden: list[Aanwezigheid] = field(default_factory=list)
    # Votes without an agenda item of their own (a motie vreemd aan de orde van de dag).
    overige_stemmingen: list[Stemming] = field(default_factory=list)

    @property
    def agenda_openbaar(self) -> bool:
        return not self.vergadering.besloten and self.vergadering.agenda_gepubliceerd_op is not None


# A paper as a list of papers shows it (title with its download link, kind, date).
STUK_IN_LIJST = ("pk", "agendapunt_id", "titel", "soort", "datum", "bestand")
# A person as a link with a name (Persoon.naam) shows them.
PERSOON_MET_NAAM = tuple(f"persoon__{veld}" for veld in PERSOON_NAAMVELDEN)
# The texts of a vote's proposal, which a vote's heading (its title) does not need.
VOORSTELTEKSTEN = ("voorstel__tekst", "voorstel__gewijzigde_tekst", "voorstel__antwoord_college")


# A stemverklaring as a vote shows it: its text, by whom, of which fractie.
def _stemverklaringen() -> QuerySet[Stemverklaring]:
    return (
        Stemverklaring.objects.select_related("persoon", "fractie")
        .only("stemming_id", "tekst", *PERSOON_MET_NAAM, "fractie__naam", "fractie__afkorting")
        .order_by("pk")
    )


@leest_van_replica
def vergadering_met_orgaan(pk: int) -> Vergadering | None:
    """The meeting a public page is about (every meeting has one: a besloten meeting's page shows
    its date and body, Gemeentewet art. 23)."""
    return Vergadering.objects.select_related("orgaan").filter(pk=pk).first()


@dataclass(frozen=True)
class _Vergaderingvragen:
    """Every query of a meeting page's agenda. `vergadering_publiek` reads them and
    `vergadering_publiek_versie` fingerprints them: one definition, so the version covers exactly
    what the page shows."""

    agendapunten: QuerySet[Agendapunt]
    stukken: QuerySet[Stuk]
    besluiten: QuerySet[Besluit]
    stemmingen: QuerySet[Stemming]
    stemverklaringen: QuerySet[Stemverklaring]
    leden_per_stemming: QuerySet[Any, Aantalrij]
    fractieresultaten: QuerySet[Fractiestemresultaat, Fractierij]
    aanwezigheden: QuerySet[Aanwezigheid]


def _vergaderingvragen(vergadering: int) -> _Vergaderingvragen:
    """By the meeting's id, so the version's SQL can be made once (vingerafdruk_in_database_van)."""
    # The rows of the meeting's public votes selected by the meeting itself rather than by a
    # subquery of their ids, which PostgreSQL planned as a scan of every stem ever cast.
    van_openbare_stemmingen = Q(stemming__vergadering_id=vergadering) & _stemming_openbaar("stemming__")
    leden_per_stemming, fractieresultaten = uitslagvragen(
        van_openbare_stemmingen & _stemming_niet_geheim("stemming__")
    )
    return _Vergaderingvragen(
        agendapunten=openbare_agendapunten()
        .filter(vergadering_id=vergadering)
        .select_related("portefeuillehouder")
        .order_by("volgnummer"),
        # What the page lists of a paper, not its full text (a council paper's extracted text runs
        # to tens of kilobytes; the page would read and fingerprint it for nothing). A paper on a
        # besloten item is not public (STUK_OPENBAAR), so these are the public items' papers.
        stukken=openbare_stukken()
        .filter(agendapunt__vergadering_id=vergadering)
        .order_by("datum", "titel", "pk")
        .only(*STUK_IN_LIJST),
        besluiten=openbare_besluiten().filter(agendapunt__vergadering_id=vergadering).order_by("pk"),
        stemmingen=openbare_stemmingen()
        .filter(vergadering_id=vergadering)
        .select_related("voorstel", "agendapunt")
        .defer(*VOORSTELTEKSTEN, "agendapunt__omschrijving")
        .order_by("moment", "pk"),
        stemverklaringen=_stemverklaringen().filter(van_openbare_stemmingen),
        leden_per_stemming=leden_per_stemming,
        fractieresultaten=fractieresultaten,
        aanwezigheden=Aanwezigheid.objects.filter(vergadering_id=vergadering)
        .select_related("persoon")
        .only("vergadering", "aanwezig", "vanaf", "tot", "toelichting", *PERSOON_MET_NAAM)
        .order_by("-aanwezig", "persoon__achternaam", "persoon__voornaam", "pk"),
    )


@leest_van_replica
def vergadering_publiek_versie(vergadering: Vergadering) -> str:
    """A fingerprint of everything the meeting page's agenda shows, made in the database: the key
    under which its rendering is cached, so the data itself is read only to render it."""
    if not VergaderingPubliek(vergadering=vergadering).agenda_openbaar:
        return "niet openbaar"
    return vingerafdruk_in_database_van(_alle_vergaderingvragen, vergadering.pk)


def _querysets(vragen: _Vergaderingvragen | _Stemmingvragen) -> tuple[QuerySet[Any], ...]:
    """A page's queries in the order of their fields (what `vingerafdruk_in_database_van` hashes)."""
    return tuple(getattr(vragen, veld.name) for veld in fields(vragen))


def _alle_vergaderingvragen(vergadering: int) -> tuple[QuerySet[Any], ...]:
    # One function for the life of the process: its SQL is made once (vingerafdruk_in_database_van).
    return _querysets(_vergaderingvragen(vergadering))


@leest_van_replica
def vergadering_publiek(vergadering: Vergadering) -> VergaderingPubliek:
    """A meeting page: agenda, stukken, presentielijst, votes with their outcome and decisions, in
    a fixed number of queries whatever the size of the meeting."""
    pagina = VergaderingPubliek(vergadering=vergadering)
    if not pagina.agenda_openbaar:
        return pagina
    vragen = _vergaderingvragen(vergadering.pk)
    agendapunten = list(vragen.agendapunten)
    stukken = _per(vragen.stukken, "agendapunt_id")
    besluiten = _per(vragen.besluiten, "agendapunt_id")
    verklaringen = _per(vragen.stemverklaringen, "stemming_id")
    stemmingen = list(vragen.stemmingen)
    for stemming in stemmingen:
        stemming.verklaringen = verklaringen.get(stemming.pk, [])  # type: ignore[attr-defined]
    uitslagtabellen_zonder_leden(
        stemmingen, aantallen=vragen.leden_per_stemming, fractieresultaten=vragen.fractieresultaten
    )
    stemmingen_per_punt: dict[int | None, list[Stemming]] = defaultdict(list)
    for stemming in stemmingen:
        punt = stemming.agendapunt_id or (stemming.voorstel.agendapunt_id if stemming.voorstel else None)
        stemmingen_per_punt[punt].append(stemming)
    bekend = {punt.pk for punt in agendapunten}
    overige = [s for punt, lijst in stemmingen_per_punt.items() if punt not in bekend for s in lijst]
    return VergaderingPubliek(
        vergadering=vergadering,
        agenda=[
            Agendaregel(
                agendapunt=punt,
                stukken=stukken.get(punt.pk, []),
                stemmingen=stemmingen_per_punt.get(punt.pk, []),
                besluiten=besluiten.get(punt.pk, []),
            )
            for punt in agendapunten
        ],
        aanwezigheden=list(vragen.aanwezigheden),
        overige_stemmingen=overige,
    )


def _per(rijen: Iterable[Any], veld: str) -> dict[Any, list[Any]]:
    """Rows grouped by one of their fields, each group in the rows' order."""
    groepen: dict[Any, list[Any]] = defaultdict(list)
    for rij in rijen:
        groepen[getattr(rij, veld)].append(rij)
    return groepen


@leest_van_replica
def stemming_publiek_kop(pk: int) -> Stemming | None:
    """A public vote with its meeting, proposal and item, for its own page; None for a vote of a
    closed meeting or item, or on an unpublished agenda (Gemeentewet arts. 19, 23). Its tables
    and stemverklaringen come with `stemming_uitslag_toevoegen`."""
    return (
        openbare_stemmingen()
        .select_related("voorstel", "agendapunt", "vergadering__orgaan")
        .defer(*VOORSTELTEKSTEN)
        .filter(pk=pk)
        .first()
    )


@dataclass(frozen=True)
class _Stemmingvragen:
    """The queries of a vote's page below its heading: read by `stemming_uitslag_toevoegen`,
    fingerprinted by `stemming_publiek_versie`."""

    stemverklaringen: QuerySet[Stemverklaring]
    leden: QuerySet[Stem, Lidrij]
    fractieresultaten: QuerySet[Fractiestemresultaat, Fractierij]


def _stemmingvragen(stemming: int) -> _Stemmingvragen:
    # Members and fracties only of a vote that is not secret (Gemeentewet art. 31).
    welke = Q(stemming_id=stemming) & _stemming_niet_geheim("stemming__")
    return _Stemmingvragen(
        stemverklaringen=_stemverklaringen().filter(stemming_id=stemming),
        leden=ledenvraag(welke),
        fractieresultaten=uitslagvragen(welke)[1],
    )


def _alle_stemmingvragen(stemming: int) -> tuple[QuerySet[Any], ...]:
    # One function for the life of the process: its SQL is made once (vingerafdruk_in_database_van).
    return _querysets(_stemmingvragen(stemming))


@leest_van_replica
def stemming_publiek_versie(stemming: Stemming) -> str:
    """A fingerprint, made in the database, of what a public vote's page shows below its heading
    (the vote itself is read with `stemming_publiek_kop`): the key its rendering is cached under."""
    return vingerafdruk_in_database_van(_alle_stemmingvragen, stemming.pk)


@leest_van_replica
def stemming_uitslag_toevoegen(stemming: Stemming) -> Stemming:
    """Sets the vote's stemverklaringen (`verklaringen`) and result tables (`uitslag`): per
    fractie, and per member unless the vote is secret (Gemeentewet art. 31)."""
    vragen = _stemmingvragen(stemming.pk)
    stemming.verklaringen = list(vragen.stemverklaringen)  # type: ignore[attr-defined]
    uitslagtabellen_met_leden([stemming], leden=vragen.leden, fractieresultaten=vragen.fractieresultaten)
    return stemming


@leest_van_replica
def stemming_publiek(pk: int) -> Stemming | None:
    """A public vote with everything its page shows (`stemming_publiek_kop`, then its tables)."""
    stemming = stemming_publiek_kop(pk)
    return stemming_uitslag_toevoegen(stemming) if stemming is not None else None


def openbaar_stuk(pk: int) -> Stuk | None:
    """A stuk that may be shown or downloaded; None for a geheim stuk or one of a closed item."""
    return openbare_stukken().filter(pk=pk).first()


@dataclass(frozen=True)
class PersoonPubliek:
    persoon: Persoon
    lidmaatschappen: list[Lidmaatschap]
    fractielidmaatschappen: list[Fractielidmaatschap]


@leest_van_replica
def persoon_publiek(slug: str) -> PersoonPubliek | None:
    persoon = Persoon.objects.filter(slug=slug).first()
    if persoon is None:
        return None
    return PersoonPubliek(
        persoon=persoon,
        lidmaatschappen=list(persoon.lidmaatschappen.select_related("orgaan").order_by("-begin", "pk")),
        fractielidmaatschappen=list(
            persoon.fractielidmaatschappen.select_related("fractie").order_by("-begin", "pk")
        ),
    )


@leest_van_replica
def stemgedrag_van_persoon(persoon: Persoon) -> QuerySet[Stem]:
    """A member's public voting record, latest first (paginate it)."""
    return (
        openbare_stemmen()
        .filter(persoon=persoon)
        .select_related(
            "fractie", "stemming__vergadering__orgaan", "stemming__voorstel", "stemming__agendapunt"
        )
        .order_by("-stemming__moment", "-pk")
    )


@dataclass(frozen=True)
class FractiePubliek:
    fractie: Fractie
    lidmaatschappen: list[Fractielidmaatschap]


@leest_van_replica
def fractie_publiek(slug: str) -> FractiePubliek | None:
    fractie = Fractie.objects.filter(slug=slug).first()
    if fractie is None:
        return None
    return FractiePubliek(
        fractie=fractie,
        lidmaatschappen=list(
            fractie.lidmaatschappen.select_related("persoon").order_by("-begin", "persoon__achternaam", "pk")
        ),
    )


@leest_van_replica
def stemgedrag_van_fractie(fractie: Fractie) -> QuerySet[Fractiestemresultaat]:
    """A fractie's public results per vote, latest first (paginate it)."""
    return (
        openbare_fractieresultaten()
        .filter(fractie=fractie)
        .select_related("stemming__vergadering__orgaan", "stemming__voorstel", "stemming__agendapunt")
        .order_by("-stemming__moment", "-pk")
    )


# -- Woo: what is public now, for the publication module ---------------------------------------


def publiceerbare_stukken() -> QuerySet[Stuk]:
    """Stukken that are public now: openbaar, not on a besloten item or meeting, agenda published
    (Woo art. 3.3 lid 2 onder a, c, d; the category per stuk is in woo_categorieen.voor_stuk)."""
    return openbare_stukken().select_related("orgaan", "agendapunt__vergadering").order_by("datum", "pk")


def publiceerbare_vergaderingen() -> QuerySet[Vergadering]:
    """Meetings whose agenda is published and that are not besloten: their agenda, and their
    besluitenlijst once `besluitenlijst_vastgesteld_op` is set (woo_categorieen.voor_vergadering)."""
    return (
        Vergadering.objects.filter(_vergadering_openbaar("")).select_related("orgaan").order_by("begin", "pk")
    )


# -- The ODS API (VNG Open Raadsinformatie): the same filters, with what each resource refers to. ---


def ods_vergaderingen() -> QuerySet[Vergadering]:
    return (
        met_laatste_wijziging(Vergadering.objects.filter(orgaan__soort__in=ODS_ORGAANSOORTEN))
        .select_related("orgaan")
        .prefetch_related(
            Prefetch(
                "agendapunten",
                queryset=openbare_agendapunten()
                .order_by("volgnummer")
                .prefetch_related(
                    Prefetch("stukken", queryset=openbare_stukken().order_by("pk"), to_attr="openbaar")
                ),
                to_attr="openbaar",
            )
        )
        .order_by("-begin", "-pk")
    )


def ods_agendapunten() -> QuerySet[Agendapunt]:
    return (
        openbare_agendapunten()
        .filter(vergadering__orgaan__soort__in=ODS_ORGAANSOORTEN)
        .prefetch_related(
            Prefetch("stukken", queryset=openbare_stukken().order_by("pk"), to_attr="openbaar"),
            Prefetch(
                "stemmingen", queryset=openbare_stemmingen().order_by("pk"), to_attr="openbare_stemmingen"
            ),
        )
        .order_by("vergadering_id", "volgnummer", "pk")
    )


def ods_informatieobjecten() -> QuerySet[Stuk]:
    return (
        openbare_stukken()
        .filter(Q(agendapunt__isnull=True) | Q(agendapunt__vergadering__orgaan__soort__in=ODS_ORGAANSOORTEN))
        .select_related("agendapunt__portefeuillehouder", "gerelateerd_aan__agendapunt__vergadering")
        .prefetch_related("voorstellen")
        .order_by("pk")
    )


def stuk_is_openbaar(stuk: Stuk) -> bool:
    """The same rule as STUK_OPENBAAR for a stuk already loaded with its agendapunt and meeting."""
    if stuk.openbaarheid != Stuk.Openbaarheid.OPENBAAR:
        return False
    punt = stuk.agendapunt
    return punt is None or (
        not punt.besloten
        and not punt.vergadering.besloten
        and punt.vergadering.agenda_gepubliceerd_op is not None
    )


def ods_besluiten() -> QuerySet[Besluit]:
    return (
        openbare_besluiten()
        .filter(agendapunt__vergadering__orgaan__soort__in=ODS_ORGAANSOORTEN)
        .prefetch_related(Prefetch("agendapunt__toezeggingen"))
        .order_by("pk")
    )


def _ods_stemmingen_basis() -> QuerySet[Stemming]:
    # ODS requires a Stemming's agendapunt: a vote without one (a motie vreemd aan de orde van de
    # dag with no item of its own) is shown on the meeting page but not served by the ODS API.
    return openbare_stemmingen().filter(
        Q(vergadering__orgaan__soort__in=ODS_ORGAANSOORTEN)
        & (Q(agendapunt__isnull=False) | Q(voorstel__agendapunt__isnull=False))
    )


def ods_stemmingen() -> QuerySet[Stemming]:
    return (
        _ods_stemmingen_basis()
        .select_related("voorstel__stuk__agendapunt__vergadering", "besluit")
        .prefetch_related(Prefetch("stemmen", queryset=Stem.objects.order_by("pk").only("pk", "stemming_id")))
        .order_by("pk")
    )


def ods_stemmen() -> QuerySet[Stem]:
    return (
        openbare_stemmen()
        .filter(stemming__in=_ods_stemmingen_basis())
        .select_related("stemming")
        .order_by("pk")
    )


def ods_stemresultaten_per_fractie() -> QuerySet[Fractiestemresultaat]:
    return openbare_fractieresultaten().filter(stemming__in=_ods_stemmingen_basis()).order_by("pk")


def ods_fracties() -> QuerySet[Fractie]:
    return Fractie.objects.order_by("pk")


def ods_fractielidmaatschappen() -> QuerySet[Fractielidmaatschap]:
    return Fractielidmaatschap.objects.order_by("pk")


def ods_natuurlijke_personen() -> QuerySet[Persoon]:
    vandaag = timezone.localdate()
    return Persoon.objects.prefetch_related(
        Prefetch(
            "lidmaatschappen",
            queryset=Lidmaatschap.objects.filter(Q(einde__isnull=True) | Q(einde__gte=vandaag))
            .filter(begin__lte=vandaag)
            .select_related("orgaan")
            .order_by("begin", "pk"),
            to_attr="huidige_lidmaatschappen",
        )
    ).order_by("pk")


def ods_aanwezige_deelnemers() -> QuerySet[Aanwezigheid]:
    return (
        openbare_aanwezigheden()
        .filter(vergadering__orgaan__soort__in=ODS_ORGAANSOORTEN)
        .select_related("vergadering", "persoon")
        .order_by("pk")
    )


def openbare_stuk_ids(ids: list[int]) -> set[int]:
    """Which of these papers the public may see now (the search index only knows "may ever")."""
    return set(openbare_stukken().filter(pk__in=ids).values_list("pk", flat=True))


def _laatste(model: type[Agendapunt] | type[Stuk] | type[Stemming], pad: str) -> Coalesce:
    """The latest gewijzigd_op of the rows of `model` whose `pad` is the outer meeting, or the epoch."""
    laatste = (
        model.objects.filter(**{pad: OuterRef("pk")})
        .order_by()
        .values(pad)
        .annotate(laatst=Max("gewijzigd_op"))
        .values("laatst")
    )
    return Coalesce(Subquery(laatste), Value(BEGIN_VAN_DE_TIJD))


BEGIN_VAN_DE_TIJD = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def met_laatste_wijziging(vergaderingen: QuerySet[Vergadering]) -> QuerySet[Vergadering]:
    """Annotates `laatst_gewijzigd`: the latest change to the meeting, an agenda item, a paper on it
    or a vote (ODS `wijzigingsdatum` and the `gewijzigdSinds` filter use the same moment)."""
    return vergaderingen.annotate(
        laatst_gewijzigd=Greatest(
            F("gewijzigd_op"),
            _laatste(Agendapunt, "vergadering"),
            _laatste(Stuk, "agendapunt__vergadering"),
            _laatste(Stemming, "vergadering"),
        )
    )


def gewijzigd_sinds_agendapunten(
    agendapunten: QuerySet[Agendapunt], sinds: dt.datetime
) -> QuerySet[Agendapunt]:
    """ODS `gewijzigdSinds` on agenda items: the item or a paper on it changed."""
    return agendapunten.filter(
        Q(gewijzigd_op__gte=sinds)
        | Exists(Stuk.objects.filter(agendapunt=OuterRef("pk"), gewijzigd_op__gte=sinds))
    )
