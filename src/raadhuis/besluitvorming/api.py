"""The public read API for council information, following VNG ODS Open Raadsinformatie 2.0.0-beta.4.

Field names, enums, references (VerwijzingNaarResource: `id` and `url`) and paging (`next`,
`previous`, `results`, as the spec's Paginated*List) are the standard's, so existing ODS clients can
read this municipality; the spec itself is in besluitvorming/data/ods/openapi.yaml and the contract
tests validate every resource against it. Everything served passes the public selectors: nothing
of besloten meetings or items, no geheime stukken, no individual votes of secret ballots.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError

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
    Stuk,
    Vergadering,
)
from raadhuis.besluitvorming.selectors import publiek
from raadhuis.core import tooi
from raadhuis.core.selectors import huidige_organisatie
from raadhuis.core.validators import alleen_cijfers

router = Router(tags=["Open Raadsinformatie (VNG ODS)"], auth=None)

PAGINAGROOTTE = 100
Json = dict[str, Any]
M = TypeVar("M", bound=Model)

VERGADERINGSTYPE = {
    Orgaan.Soort.RAAD: "raadsvergadering",
    Orgaan.Soort.COMMISSIE: "commissievergadering",
    Orgaan.Soort.PRESIDIUM: "presidium",
}
VERGADERINGSTYPE_NAAR_SOORT = {waarde: soort for soort, waarde in VERGADERINGSTYPE.items()}
# ODS Functie for a person, from the function they hold now (most significant first).
FUNCTIE = {
    Lidmaatschap.Functie.BURGEMEESTER: "burgemeester",
    Lidmaatschap.Functie.WETHOUDER: "wethouder",
    Lidmaatschap.Functie.GRIFFIER: "griffier",
    Lidmaatschap.Functie.SECRETARIS: "gemeentesecretaris",
    Lidmaatschap.Functie.LID: "raadslid",
    Lidmaatschap.Functie.VOORZITTER: "raadslid",
    Lidmaatschap.Functie.VICE_VOORZITTER: "raadslid",
    Lidmaatschap.Functie.BURGERLID: "burgerlid",
}
ODS_FUNCTIES = (
    "burgemeester",
    "wethouder",
    "raadslid",
    "burgerlid",
    "griffier",
    "gemeentesecretaris",
    "overig",
)


class _Context:
    """What every representation needs: the API's base URL and the municipality (one query)."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self.basis = request.build_absolute_uri(reverse("api:ods-vergaderingen")).removesuffix(
            "vergaderingen"
        )
        organisatie = huidige_organisatie()
        self.gemeente: Json | None = None
        if organisatie is not None and organisatie.tooi_code.startswith("gm"):
            bekend = tooi.organisatie(organisatie.tooi_code)
            naam = bekend.naam.removeprefix("gemeente ") if bekend else organisatie.naam
            self.gemeente = {"gemeentecode": organisatie.tooi_code[2:], "gemeentenaam": naam}

    def url(self, resource: str, pk: object) -> str:
        return f"{self.basis}{resource}/{pk}"

    def verwijzing(self, resource: str, pk: object) -> Json:
        return {"id": str(pk), "url": self.url(resource, pk)}

    def basis_velden(self, resource: str, pk: object, *, met_gemeente: bool = False) -> Json:
        velden: Json = {"url": self.url(resource, pk), "id": str(pk)}
        if met_gemeente and self.gemeente is not None:
            velden["gemeente"] = self.gemeente
        return velden


def _tijd(moment: dt.datetime | None) -> str | None:
    return timezone.localtime(moment).isoformat() if moment is not None else None


def _dag_als_tijd(dag: dt.date | None) -> str | None:
    """ODS gives membership dates as date-time; ours are days, so the start of the day here."""
    if dag is None:
        return None
    return timezone.make_aware(dt.datetime.combine(dag, dt.time.min)).isoformat()


def _zonder_leeg(velden: Json) -> Json:
    """Optional ODS attributes are left out rather than sent as null or an empty string."""
    return {sleutel: waarde for sleutel, waarde in velden.items() if waarde is not None and waarde != ""}


def _pk(waarde: str | None) -> int | None:
    """An id from a filter, given as the id itself or as the resource's URL."""
    if not waarde:
        return None
    laatste = waarde.rstrip("/").rsplit("/", 1)[-1]
    return int(laatste) if alleen_cijfers(laatste) else -1


def _keuze(parameters: QueryDict, naam: str, toegestaan: Iterable[str]) -> str | None:
    waarde = parameters.get(naam)
    if waarde is not None and waarde not in toegestaan:
        raise HttpError(400, _("De waarde van %(naam)s is ongeldig.") % {"naam": naam})
    return waarde


def _pagina(context: _Context, objecten: QuerySet[M], weergave: Callable[[_Context, M], Json]) -> Json:
    """The ODS Paginated*List: `next` and `previous` as full URLs (or null) and `results`."""
    paginator = Paginator(objecten, PAGINAGROOTTE)
    try:
        pagina = paginator.page(context.request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger) as fout:
        raise Http404 from fout

    def link(nummer: int) -> str:
        parameters = context.request.GET.copy()
        parameters["page"] = str(nummer)
        return context.request.build_absolute_uri(f"{context.request.path}?{parameters.urlencode()}")

    return {
        "next": link(pagina.next_page_number()) if pagina.has_next() else None,
        "previous": link(pagina.previous_page_number()) if pagina.has_previous() else None,
        "results": [weergave(context, obj) for obj in pagina.object_list],
    }


def _een(objecten: QuerySet[M], pk: str) -> M:
    if not alleen_cijfers(pk):
        raise Http404
    obj = objecten.filter(pk=int(pk)).first()
    if obj is None:
        raise Http404
    return obj


def _zoekparameters(*namen: str) -> dict[str, Any]:
    """The standard's query parameters, for the generated API documentation (read from request.GET)."""
    pagina = {"in": "query", "name": "page", "required": False, "schema": {"type": "integer", "minimum": 1}}
    return {
        "parameters": [
            pagina,
            *(
                {"in": "query", "name": naam, "required": False, "schema": {"type": "string"}}
                for naam in namen
            ),
        ]
    }


# -- Representations -------------------------------------------------------------------------------


def vergadering_ods(context: _Context, vergadering: Vergadering) -> Json:
    agendapunten: list[Agendapunt] = vergadering.openbaar  # type: ignore[attr-defined]
    gehouden = vergadering.status == Vergadering.Status.GEHOUDEN
    begin = _tijd(vergadering.begin)
    einde = _tijd(vergadering.einde)
    orgaan = vergadering.orgaan
    velden = context.basis_velden("vergaderingen", vergadering.pk, met_gemeente=True) | {
        "naam": vergadering.titel[:100],
        "status": vergadering.status,
        "vergaderingstype": VERGADERINGSTYPE[Orgaan.Soort(orgaan.soort)],
        "georganiseerdDoorGremium": {
            "gremiumidentificatie": str(orgaan.pk),
            "gremiumnaam": orgaan.naam[:100],
        },
        "locatie": vergadering.locatie[:100],
        "geplandeAanvangVergadering": begin,
        "geplandeEindeVergadering": einde,
        "geplandeVergaderdatum": timezone.localdate(vergadering.begin).isoformat(),
        "aanvangVergadering": begin if gehouden else None,
        "eindeVergadering": einde if gehouden else None,
        "vergaderdatum": timezone.localdate(vergadering.begin).isoformat() if gehouden else None,
        "wijzigingsdatum": timezone.localdate(vergadering.laatst_gewijzigd).isoformat(),  # type: ignore[attr-defined]
        "agendapunten": [context.url("agendapunten", punt.pk) for punt in agendapunten],
        "bijlagen": [
            context.url("informatieobjecten", stuk.pk)
            for punt in agendapunten
            for stuk in punt.openbaar  # type: ignore[attr-defined]
        ],
    }
    return _zonder_leeg(velden)


def agendapunt_ods(context: _Context, punt: Agendapunt) -> Json:
    velden = context.basis_velden("agendapunten", punt.pk, met_gemeente=True) | {
        "vergadering": context.verwijzing("vergaderingen", punt.vergadering_id),
        "agendapuntKenmerk": punt.kenmerk,
        "agendapuntTitel": punt.titel[:100],
        "agendapuntOmschrijving": punt.omschrijving,
        "agendapuntvolgnummer": str(punt.volgnummer) if punt.volgnummer < 1000 else None,
        "indicatieHamerstuk": punt.hamerstuk,
        "indicatorBehandeld": punt.behandeld,
        "indicatorBesloten": punt.besloten,
        "subagendapunten": [],
        "informatieobjecten": [context.url("informatieobjecten", s.pk) for s in punt.openbaar],  # type: ignore[attr-defined]
        "stemmingen": [context.url("stemmingen", s.pk) for s in punt.openbare_stemmingen],  # type: ignore[attr-defined]
    }
    return _zonder_leeg(velden)


def _rol_van_gerelateerd(stuk: Stuk, gerelateerd: Stuk) -> str | None:
    if stuk.soort == Stuk.Soort.ANTWOORD:
        return "vraag"
    if stuk.soort == Stuk.Soort.AMENDEMENT:
        return "hoofd_amendement" if gerelateerd.soort == Stuk.Soort.AMENDEMENT else "voorstel"
    return None


def informatieobject_ods(context: _Context, stuk: Stuk) -> Json:
    punt = stuk.agendapunt
    motietypes = [v.motie_type for v in stuk.voorstellen.all() if v.motie_type]
    velden = context.basis_velden("informatieobjecten", stuk.pk, met_gemeente=True) | {
        "informatieobjecttype": stuk.soort,
        "titel": stuk.titel[:200],
        "creatiedatum": stuk.datum.isoformat(),
        "taal": "dut",
        "vertrouwelijkheidsaanduiding": "openbaar",
        "link": (
            context.request.build_absolute_uri(reverse("besluitvorming:stuk_downloaden", args=[stuk.pk]))
            if stuk.bestand
            else None
        ),
        "motietype": motietypes[0] if stuk.soort == Stuk.Soort.MOTIE and motietypes else None,
        "agendapunten": [context.verwijzing("agendapunten", punt.pk)] if punt else [],
        "vergaderingen": [context.verwijzing("vergaderingen", punt.vergadering_id)] if punt else [],
        "portefeuillehouder": (
            punt.portefeuillehouder.naam[:100] if punt and punt.portefeuillehouder else None
        ),
    }
    gerelateerd = stuk.gerelateerd_aan
    if gerelateerd is not None and publiek.stuk_is_openbaar(gerelateerd):
        rol = _rol_van_gerelateerd(stuk, gerelateerd)
        if rol is not None:
            velden["gerelateerdInformatieobject"] = {
                "informatieobject": context.verwijzing("informatieobjecten", gerelateerd.pk),
                "rol": rol,
            }
    return _zonder_leeg(velden)


def besluit_ods(context: _Context, besluit: Besluit) -> Json:
    toezeggingen = [t.tekst for t in besluit.agendapunt.toezeggingen.all()]
    velden = context.basis_velden("besluiten", besluit.pk) | {
        "besluitresultaat": besluit.resultaat,
        "besluittoelichting": besluit.toelichting[:200],
        "toezegging": "\n".join(toezeggingen)[:500],
        "stemmingen": [context.url("stemmingen", besluit.stemming_id)] if besluit.stemming_id else [],
    }
    return _zonder_leeg(velden)


def _geheim(stemming: Stemming) -> bool:
    return stemming.over_personen or stemming.type == Stemming.Type.SCHRIFTELIJK


def stemming_ods(context: _Context, stemming: Stemming) -> Json:
    voorstel = stemming.voorstel
    agendapunt_id = stemming.agendapunt_id or (voorstel.agendapunt_id if voorstel else None)
    stuk = voorstel.stuk if voorstel else None
    besluit = getattr(stemming, "besluit", None)
    velden = context.basis_velden("stemmingen", stemming.pk) | {
        "agendapunt": context.verwijzing("agendapunten", agendapunt_id),
        "stemmingstype": stemming.type,
        "resultaatMondelingeStemming": stemming.resultaat if not stemming.over_personen else None,
        "resultaatStemmingOverPersonen": (
            (stemming.samenvatting or stemming.get_uitkomst_display())[:200]
            if stemming.over_personen
            else None
        ),
        "besluit": context.verwijzing("besluiten", besluit.pk) if besluit is not None else None,
        "informatieobject": (
            context.verwijzing("informatieobjecten", stuk.pk)
            if stuk is not None and publiek.stuk_is_openbaar(stuk)
            else None
        ),
        "stemmen": []
        if _geheim(stemming)
        else [context.url("stemmen", s.pk) for s in stemming.stemmen.all()],
    }
    return _zonder_leeg(velden)


def _aanwezige_deelnemer_id(vergadering_id: int, persoon_id: int) -> str:
    """An aanwezige deelnemer is a person at a meeting; its id names both, so a Stem can refer to it."""
    return f"{vergadering_id}-{persoon_id}"


def stem_ods(context: _Context, stem: Stem) -> Json:
    deelnemer = _aanwezige_deelnemer_id(stem.stemming.vergadering_id, stem.persoon_id)
    return context.basis_velden("stemmen", stem.pk) | {
        "aanwezigeDeelnemer": context.verwijzing("aanwezigedeelnemers", deelnemer),
        "stemming": context.verwijzing("stemmingen", stem.stemming_id),
        "keuzeStemming": stem.keuze,
    }


def stemresultaat_ods(context: _Context, resultaat: Fractiestemresultaat) -> Json:
    return context.basis_velden("stemresultatenperfractie", resultaat.pk) | {
        "fractie": context.verwijzing("fracties", resultaat.fractie_id),
        "stemming": context.verwijzing("stemmingen", resultaat.stemming_id),
        "fractiestemresultaat": resultaat.resultaat,
    }


def fractie_ods(context: _Context, fractie: Fractie) -> Json:
    return context.basis_velden("fracties", fractie.pk, met_gemeente=True) | {
        "fractienaam": fractie.naam[:100]
    }


def fractielidmaatschap_ods(context: _Context, lid: Fractielidmaatschap) -> Json:
    velden = context.basis_velden("fractielidmaatschappen", lid.pk) | {
        "fractie": context.verwijzing("fracties", lid.fractie_id),
        "natuurlijkPersoon": context.verwijzing("natuurlijkpersonen", lid.persoon_id),
        "datumBeginFractieLidmaatschap": _dag_als_tijd(lid.begin),
        "datumEindeFractieLidmaatschap": _dag_als_tijd(lid.einde),
        "indicatieVoorzitter": lid.functie == Fractielidmaatschap.Functie.FRACTIEVOORZITTER,
    }
    return _zonder_leeg(velden)


def _functie(persoon: Persoon) -> str:
    functies = {FUNCTIE[Lidmaatschap.Functie(lid.functie)] for lid in persoon.huidige_lidmaatschappen}  # type: ignore[attr-defined]
    return next((functie for functie in ODS_FUNCTIES if functie in functies), "overig")


def natuurlijk_persoon_ods(context: _Context, persoon: Persoon) -> Json:
    naam = _zonder_leeg(
        {
            "achternaam": persoon.achternaam[:200],
            "tussenvoegsel": persoon.tussenvoegsel,
            "voorletters": persoon.voorletters,
            "voornamen": persoon.voornaam,
            "volledigeNaam": persoon.naam[:300],
        }
    )
    return context.basis_velden("natuurlijkpersonen", persoon.pk) | {
        "naamNatuurlijkPersoon": naam,
        "geslachtsaanduiding": persoon.geslacht,
        "functie": _functie(persoon),
    }


def aanwezige_deelnemer_ods(context: _Context, aanwezigheid: Aanwezigheid) -> Json:
    deelnemer = _aanwezige_deelnemer_id(aanwezigheid.vergadering_id, aanwezigheid.persoon_id)
    datum = timezone.localdate(aanwezigheid.vergadering.begin)

    def moment(tijd: dt.time | None) -> str | None:
        return timezone.make_aware(dt.datetime.combine(datum, tijd)).isoformat() if tijd else None

    velden = context.basis_velden("aanwezigedeelnemers", deelnemer) | {
        "natuurlijkPersoon": context.verwijzing("natuurlijkpersonen", aanwezigheid.persoon_id),
        "vergadering": context.verwijzing("vergaderingen", aanwezigheid.vergadering_id),
        "aanvangAanwezigheid": moment(aanwezigheid.vanaf),
        "eindeAanwezigheid": moment(aanwezigheid.tot),
    }
    return _zonder_leeg(velden)


# -- Endpoints -------------------------------------------------------------------------------------


@router.get(
    "/vergaderingen",
    openapi_extra=_zoekparameters(
        "naam", "status", "vergaderdatum", "vergaderingstype", "gemeentecode", "gewijzigdSinds"
    ),
    url_name="ods-vergaderingen",
    summary="Vergaderingen (ODS PaginatedVergaderingList)",
)
def vergaderingen(request: HttpRequest) -> Json:
    """Filters of the standard: `naam`, `status`, `vergaderdatum`, `vergaderingstype`, `gemeentecode`,
    `gewijzigdSinds`."""
    context = _Context(request)
    objecten = publiek.ods_vergaderingen()
    parameters = request.GET
    if naam := parameters.get("naam"):
        objecten = objecten.filter(titel__icontains=naam)
    if status := _keuze(parameters, "status", Vergadering.Status.values):
        objecten = objecten.filter(status=status)
    if soort := _keuze(parameters, "vergaderingstype", VERGADERINGSTYPE_NAAR_SOORT):
        objecten = objecten.filter(orgaan__soort=VERGADERINGSTYPE_NAAR_SOORT[soort])
    if datum := parameters.get("vergaderdatum"):
        try:
            dag = dt.date.fromisoformat(datum)
        except ValueError as fout:
            raise HttpError(
                400, _("De waarde van %(naam)s is ongeldig.") % {"naam": "vergaderdatum"}
            ) from fout
        objecten = objecten.filter(begin__date=dag)
    if (sinds := _gewijzigd_sinds(parameters)) is not None:
        objecten = objecten.filter(Q(laatst_gewijzigd__gte=sinds))  # annotated by ods_vergaderingen
    objecten = _gemeente_filter(context, objecten)
    return _pagina(context, objecten, vergadering_ods)


def _gewijzigd_sinds(parameters: QueryDict) -> dt.datetime | None:
    """`gewijzigdSinds` (ISO 8601 date-time; without a zone it is Dutch local time), or 400."""
    waarde = parameters.get("gewijzigdSinds")
    if not waarde:
        return None
    try:
        moment = dt.datetime.fromisoformat(waarde)
    except ValueError as fout:
        raise HttpError(400, _("De waarde van %(naam)s is ongeldig.") % {"naam": "gewijzigdSinds"}) from fout
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


@router.get("/vergaderingen/{id}", summary="Vergadering (ODS Vergadering)")
def vergadering(request: HttpRequest, id: str) -> Json:
    return vergadering_ods(_Context(request), _een(publiek.ods_vergaderingen(), id))


def _gemeente_filter(context: _Context, objecten: QuerySet[M]) -> QuerySet[M]:
    """This platform serves one municipality: another gemeentecode matches nothing."""
    code = context.request.GET.get("gemeentecode") or context.request.GET.get("gemeente")
    if code and (context.gemeente is None or code.removeprefix("gm") != context.gemeente["gemeentecode"]):
        return objecten.none()
    return objecten


@router.get(
    "/agendapunten",
    openapi_extra=_zoekparameters(
        "vergaderingsIdentificatie", "agendapuntOmschrijving", "gemeentecode", "gewijzigdSinds"
    ),
    summary="Agendapunten (ODS PaginatedAgendapuntList)",
)
def agendapunten(request: HttpRequest) -> Json:
    """Filters: `vergaderingsIdentificatie`, `agendapuntOmschrijving`, `gemeentecode`."""
    context = _Context(request)
    objecten = publiek.ods_agendapunten()
    if (vergadering_id := _pk(request.GET.get("vergaderingsIdentificatie"))) is not None:
        objecten = objecten.filter(vergadering_id=vergadering_id)
    if omschrijving := request.GET.get("agendapuntOmschrijving"):
        objecten = objecten.filter(Q(omschrijving__icontains=omschrijving) | Q(titel__icontains=omschrijving))
    if (sinds := _gewijzigd_sinds(request.GET)) is not None:
        objecten = publiek.gewijzigd_sinds_agendapunten(objecten, sinds)
    return _pagina(context, _gemeente_filter(context, objecten), agendapunt_ods)


@router.get("/agendapunten/{id}", summary="Agendapunt (ODS Agendapunt)")
def agendapunt(request: HttpRequest, id: str) -> Json:
    return agendapunt_ods(_Context(request), _een(publiek.ods_agendapunten(), id))


@router.get(
    "/informatieobjecten",
    openapi_extra=_zoekparameters(
        "agendapuntIdentificatie", "vergaderingsIdentificatie", "titel", "creatiedatum", "gemeentecode"
    ),
    summary="Informatieobjecten (ODS PaginatedInformatieObjectList)",
)
def informatieobjecten(request: HttpRequest) -> Json:
    """Filters: `agendapuntIdentificatie`, `vergaderingsIdentificatie`, `titel`, `creatiedatum`."""
    context = _Context(request)
    objecten = publiek.ods_informatieobjecten()
    if (punt_id := _pk(request.GET.get("agendapuntIdentificatie"))) is not None:
        objecten = objecten.filter(agendapunt_id=punt_id)
    if (vergadering_id := _pk(request.GET.get("vergaderingsIdentificatie"))) is not None:
        objecten = objecten.filter(agendapunt__vergadering_id=vergadering_id)
    if titel := request.GET.get("titel"):
        objecten = objecten.filter(titel__icontains=titel)
    if datum := request.GET.get("creatiedatum"):
        try:
            objecten = objecten.filter(datum=dt.date.fromisoformat(datum))
        except ValueError as fout:
            raise HttpError(
                400, _("De waarde van %(naam)s is ongeldig.") % {"naam": "creatiedatum"}
            ) from fout
    return _pagina(context, _gemeente_filter(context, objecten), informatieobject_ods)


@router.get("/informatieobjecten/{id}", summary="Informatieobject (ODS InformatieObject)")
def informatieobject(request: HttpRequest, id: str) -> Json:
    return informatieobject_ods(_Context(request), _een(publiek.ods_informatieobjecten(), id))


@router.get(
    "/besluiten",
    openapi_extra=_zoekparameters("besluittoelichting"),
    summary="Besluiten (ODS PaginatedBesluitList)",
)
def besluiten(request: HttpRequest) -> Json:
    """Filter: `besluittoelichting`."""
    context = _Context(request)
    objecten = publiek.ods_besluiten()
    if toelichting := request.GET.get("besluittoelichting"):
        objecten = objecten.filter(toelichting__icontains=toelichting)
    return _pagina(context, objecten, besluit_ods)


@router.get("/besluiten/{id}", summary="Besluit (ODS Besluit)")
def besluit(request: HttpRequest, id: str) -> Json:
    return besluit_ods(_Context(request), _een(publiek.ods_besluiten(), id))


@router.get(
    "/stemmingen",
    openapi_extra=_zoekparameters("stemmingstype"),
    summary="Stemmingen (ODS PaginatedStemmingList)",
)
def stemmingen(request: HttpRequest) -> Json:
    """Filter: `stemmingstype`."""
    context = _Context(request)
    objecten = publiek.ods_stemmingen()
    if soort := _keuze(request.GET, "stemmingstype", Stemming.Type.values):
        objecten = objecten.filter(type=soort)
    return _pagina(context, objecten, stemming_ods)


@router.get("/stemmingen/{id}", summary="Stemming (ODS Stemming)")
def stemming(request: HttpRequest, id: str) -> Json:
    return stemming_ods(_Context(request), _een(publiek.ods_stemmingen(), id))


@router.get(
    "/stemmen",
    openapi_extra=_zoekparameters("stemming", "aanwezigeDeelnemer"),
    summary="Stemmen (ODS PaginatedStemList)",
)
def stemmen(request: HttpRequest) -> Json:
    """Filters: `stemming`, `aanwezigeDeelnemer` (ids or URLs)."""
    context = _Context(request)
    objecten = publiek.ods_stemmen()
    if (stemming_id := _pk(request.GET.get("stemming"))) is not None:
        objecten = objecten.filter(stemming_id=stemming_id)
    if deelnemer := request.GET.get("aanwezigeDeelnemer"):
        vergadering_id, persoon_id = _deelnemer(deelnemer.rstrip("/").rsplit("/", 1)[-1])
        objecten = objecten.filter(stemming__vergadering_id=vergadering_id, persoon_id=persoon_id)
    return _pagina(context, objecten, stem_ods)


@router.get("/stemmen/{id}", summary="Stem (ODS Stem)")
def stem(request: HttpRequest, id: str) -> Json:
    return stem_ods(_Context(request), _een(publiek.ods_stemmen(), id))


@router.get(
    "/stemresultatenperfractie",
    openapi_extra=_zoekparameters("fractie", "Stemming"),
    summary="Stemresultaten per fractie (ODS PaginatedStemresultaatPerFractieList)",
)
def stemresultaten_per_fractie(request: HttpRequest) -> Json:
    """Filters: `fractie`, `Stemming` (spelled so in the standard; `stemming` works too)."""
    context = _Context(request)
    objecten = publiek.ods_stemresultaten_per_fractie()
    if (fractie_id := _pk(request.GET.get("fractie"))) is not None:
        objecten = objecten.filter(fractie_id=fractie_id)
    if (stemming_id := _pk(request.GET.get("Stemming") or request.GET.get("stemming"))) is not None:
        objecten = objecten.filter(stemming_id=stemming_id)
    return _pagina(context, objecten, stemresultaat_ods)


@router.get(
    "/stemresultatenperfractie/{id}", summary="Stemresultaat per fractie (ODS StemresultaatPerFractie)"
)
def stemresultaat_per_fractie(request: HttpRequest, id: str) -> Json:
    return stemresultaat_ods(_Context(request), _een(publiek.ods_stemresultaten_per_fractie(), id))


@router.get(
    "/fracties",
    openapi_extra=_zoekparameters("fractienaam", "gemeente"),
    summary="Fracties (ODS PaginatedFractieList)",
)
def fracties(request: HttpRequest) -> Json:
    """Filters: `fractienaam`, `gemeente`."""
    context = _Context(request)
    objecten = publiek.ods_fracties()
    if naam := request.GET.get("fractienaam"):
        objecten = objecten.filter(naam__icontains=naam)
    return _pagina(context, _gemeente_filter(context, objecten), fractie_ods)


@router.get("/fracties/{id}", summary="Fractie (ODS Fractie)")
def fractie(request: HttpRequest, id: str) -> Json:
    return fractie_ods(_Context(request), _een(publiek.ods_fracties(), id))


@router.get(
    "/fractielidmaatschappen",
    openapi_extra=_zoekparameters("fractie", "fractielid"),
    summary="Fractielidmaatschappen (ODS PaginatedFractieLidmaatschapList)",
)
def fractielidmaatschappen(request: HttpRequest) -> Json:
    """Filters: `fractie`, `fractielid` (ids or URLs)."""
    context = _Context(request)
    objecten = publiek.ods_fractielidmaatschappen()
    if (fractie_id := _pk(request.GET.get("fractie"))) is not None:
        objecten = objecten.filter(fractie_id=fractie_id)
    if (persoon_id := _pk(request.GET.get("fractielid"))) is not None:
        objecten = objecten.filter(persoon_id=persoon_id)
    return _pagina(context, objecten, fractielidmaatschap_ods)


@router.get("/fractielidmaatschappen/{id}", summary="Fractielidmaatschap (ODS FractieLidmaatschap)")
def fractielidmaatschap(request: HttpRequest, id: str) -> Json:
    return fractielidmaatschap_ods(_Context(request), _een(publiek.ods_fractielidmaatschappen(), id))


@router.get(
    "/natuurlijkpersonen",
    openapi_extra=_zoekparameters("achternaam", "geslachtsaanduiding", "functie"),
    summary="Natuurlijke personen (ODS PaginatedNatuurlijkPersoonList)",
)
def natuurlijke_personen(request: HttpRequest) -> Json:
    """Filters: `achternaam`, `geslachtsaanduiding`, `functie`."""
    context = _Context(request)
    objecten = publiek.ods_natuurlijke_personen()
    if achternaam := request.GET.get("achternaam"):
        objecten = objecten.filter(achternaam__icontains=achternaam)
    if geslacht := _keuze(request.GET, "geslachtsaanduiding", Persoon.Geslacht.values):
        objecten = objecten.filter(geslacht=geslacht)
    functie = _keuze(request.GET, "functie", ODS_FUNCTIES)
    pagina = _pagina(context, objecten, natuurlijk_persoon_ods)
    if functie:
        # The function is derived from today's memberships; filtering happens on this page's rows.
        pagina["results"] = [p for p in pagina["results"] if p["functie"] == functie]
    return pagina


@router.get("/natuurlijkpersonen/{id}", summary="Natuurlijk persoon (ODS NatuurlijkPersoon)")
def natuurlijk_persoon(request: HttpRequest, id: str) -> Json:
    return natuurlijk_persoon_ods(_Context(request), _een(publiek.ods_natuurlijke_personen(), id))


def _deelnemer(waarde: str) -> tuple[int, int]:
    vergadering_id, _streep, persoon_id = waarde.partition("-")
    if not (alleen_cijfers(vergadering_id) and alleen_cijfers(persoon_id)):
        raise Http404
    return int(vergadering_id), int(persoon_id)


@router.get(
    "/aanwezigedeelnemers",
    openapi_extra=_zoekparameters(),
    summary="Aanwezige deelnemers (ODS PaginatedAanwezigeDeelnemerList)",
)
def aanwezige_deelnemers(request: HttpRequest) -> Json:
    """The presentielijsten of public meetings; an id is `<vergadering>-<persoon>`."""
    context = _Context(request)
    return _pagina(context, publiek.ods_aanwezige_deelnemers(), aanwezige_deelnemer_ods)


@router.get("/aanwezigedeelnemers/{id}", summary="Aanwezige deelnemer (ODS AanwezigeDeelnemer)")
def aanwezige_deelnemer(request: HttpRequest, id: str) -> Json:
    vergadering_id, persoon_id = _deelnemer(id)
    aanwezigheid = (
        publiek.ods_aanwezige_deelnemers()
        .filter(vergadering_id=vergadering_id, persoon_id=persoon_id)
        .first()
    )
    if aanwezigheid is None:
        raise Http404
    return aanwezige_deelnemer_ods(_Context(request), aanwezigheid)
