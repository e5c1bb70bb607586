"""The monitoring dashboard's figures on small hand-computed data sets (docs/monitoring.md): every
KPI formula, the comparison with the previous period, and a fixed number of queries."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from raadhuis.dienstverlening.models import (
    Afspraak,
    Afspraakstatus,
    Burgerpeilingkanaal,
    Contactkanaal,
    Kanaal,
    Klantcontact,
    Reactie,
    Team,
    Terugbelverzoek,
    Uitnodiging,
    Zaak,
    Zaaktype,
)
from raadhuis.dienstverlening.periode import Periode
from raadhuis.dienstverlening.selectors import monitoring
from raadhuis.dienstverlening.selectors.monitoring import Cijfer, aandeel, percentiel
from raadhuis.dienstverlening.services.zaken import geplande_data
from raadhuis.dienstverlening.tests.factories import product, zaaktype
from raadhuis.dienstverlening.tests.test_afspraken_hulp import afspraaktype, locatie

# Ten days in March 2026; the previous period is 19 up to and including 28 February.
PERIODE = Periode(van=date(2026, 3, 1), tot=date(2026, 3, 10))
_nummers = itertools.count(1)


def _dag(maand: int, dag: int, jaar: int = 2026) -> date:
    return date(jaar, maand, dag)


def _om(maand: int, dag: int, uur: int, minuut: int = 0, seconde: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(date(2026, maand, dag), time(uur, minuut, seconde)))


def _zaak(
    slug: str,
    kanaal: str,
    start: date,
    *,
    eind: date | None = None,
    uiterlijk: date | None = None,
    gepland: date | None = None,
) -> Zaak:
    """A case as history (the dates are the test's), written directly: the services only make today's."""
    gekozen = product(slug)
    assert gekozen.zaaktype is not None
    nummer = next(_nummers)
    uiterlijk = uiterlijk or start + timedelta(days=30)
    return Zaak.objects.create(
        identificatie=f"ZAAK-TEST-{nummer}",
        jaar=start.year,
        volgnummer=nummer,
        zaaktype=gekozen.zaaktype,
        product=gekozen,
        omschrijving=gekozen.naam,
        registratiedatum=start,
        startdatum=start,
        einddatum_gepland=gepland or uiterlijk,
        uiterlijke_einddatum_afdoening=uiterlijk,
        einddatum=eind,
        kanaal=kanaal,
        statustype=gekozen.zaaktype.statustypen.order_by("volgnummer").first(),
        status_gezet_op=timezone.make_aware(datetime.combine(start, time(9))),
    )


def _zaken() -> dict[str, Zaak]:
    """The hand-computed case set (see the expectations in the tests below). Verhuizing is made a
    zaaktype without a service norm (every demo zaaktype has one), vraag keeps its 5 working days."""
    v, q = "verhuizing-doorgeven", "vraag-stellen"
    product(v)
    Zaaktype.objects.filter(identificatie="verhuizing").update(
        servicenorm_aantal=None, servicenorm_eenheid=""
    )
    return {
        # registered in the period
        "z1": _zaak(v, Kanaal.DIGITAAL, _dag(3, 1), eind=_dag(3, 3), uiterlijk=_dag(3, 6)),
        "z2": _zaak(v, Kanaal.DIGITAAL, _dag(3, 2), eind=_dag(3, 9), uiterlijk=_dag(3, 6)),
        "z3": _zaak(v, Kanaal.DIGITAAL, _dag(3, 5), uiterlijk=_dag(3, 12)),
        "z4": _zaak(v, Kanaal.BALIE, _dag(3, 6), eind=_dag(3, 6), uiterlijk=_dag(3, 11)),
        "z5": _zaak(
            q, Kanaal.TELEFOON, _dag(3, 2), eind=_dag(3, 4), gepland=_dag(3, 9), uiterlijk=_dag(3, 16)
        ),
        "z6": _zaak(
            q, Kanaal.TELEFOON, _dag(3, 3), eind=_dag(3, 10), gepland=_dag(3, 9), uiterlijk=_dag(3, 17)
        ),
        # registered in the previous period
        "z7": _zaak(v, Kanaal.DIGITAAL, _dag(2, 20), eind=_dag(2, 25), uiterlijk=_dag(2, 27)),
        "z8": _zaak(v, Kanaal.BALIE, _dag(2, 27), uiterlijk=_dag(3, 6)),
        # older, and after the period
        "z9": _zaak(v, Kanaal.BALIE, _dag(11, 1, 2025), uiterlijk=_dag(11, 8, 2025)),
        "z10": _zaak(
            q, Kanaal.DIGITAAL, _dag(2, 10), eind=_dag(3, 1), gepland=_dag(2, 17), uiterlijk=_dag(2, 24)
        ),
        "z11": _zaak(v, Kanaal.DIGITAAL, _dag(3, 11)),
    }


pytestmark = pytest.mark.django_db


# -- Formulas --------------------------------------------------------------------------------------


def test_percentiel_volgens_nearest_rank() -> None:
    # 0, 2, 2, 7, 7, 19: rank ⌈0.5·6⌉ = 3 and ⌈0.9·6⌉ = 6
    histogram = {0: 1, 2: 2, 7: 2, 19: 1}
    assert percentiel(histogram, 50) == 2
    assert percentiel(histogram, 90) == 19
    assert percentiel({5: 1}, 50) == percentiel({5: 1}, 90) == 5
    assert percentiel({1: 1, 3: 1}, 50) == 1  # even count: the lower middle value
    assert percentiel({1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1, 10: 1}, 90) == 9
    assert percentiel({}, 50) is None


def test_aandeel_rondt_half_naar_boven_en_niets_van_niets_is_onbekend() -> None:
    assert aandeel(2, 3) == Decimal("66.7")
    assert aandeel(1, 8) == Decimal("12.5")
    assert aandeel(1, 6) == Decimal("16.7")
    assert aandeel(0, 4) == Decimal("0.0")
    assert aandeel(0, 0) is None


def test_cijfer_geeft_verschil_en_richting_met_de_vorige_periode() -> None:
    assert Cijfer(huidig=Decimal("75.0"), vorig=Decimal("50.0")).verschil == Decimal("25.0")
    assert Cijfer(huidig=3, vorig=5).richting == "lager"
    assert Cijfer(huidig=5, vorig=3).richting == "hoger"
    assert Cijfer(huidig=4, vorig=4).richting == "gelijk"
    assert Cijfer(huidig=4, vorig=None).verschil is None
    assert Cijfer(huidig=4, vorig=None).richting == ""


# -- Cases -----------------------------------------------------------------------------------------


def test_kanaalmix_telt_zaken_per_product_en_kanaal_met_digitaal_aandeel() -> None:
    # Given cases registered in the period, the one before, and outside both
    _zaken()
    # When the dashboard is computed
    mix = monitoring.dashboard(periode=PERIODE).kanaalmix
    # Then per product: verhuizing 3 digital of 4 (75 %) against 1 of 2 (50 %); vraag 0 of 2
    kanalen = [kanaal for kanaal, _label in mix.kanalen]
    verhuizing = next(v for v in mix.producten if v.naam == product("verhuizing-doorgeven").naam)
    vraag = next(v for v in mix.producten if v.naam == product("vraag-stellen").naam)
    assert verhuizing.aantallen[kanalen.index(Kanaal.DIGITAAL)] == Cijfer(3, 1)
    assert verhuizing.aantallen[kanalen.index(Kanaal.BALIE)] == Cijfer(1, 1)
    assert verhuizing.totaal == Cijfer(4, 2)
    assert verhuizing.digitaal_aandeel == Cijfer(Decimal("75.0"), Decimal("50.0"))
    assert vraag.totaal == Cijfer(2, 0)
    assert vraag.digitaal_aandeel == Cijfer(Decimal("0.0"), None)
    # And in all: 3 of 6 against 1 of 2
    assert mix.totaal.totaal == Cijfer(6, 2)
    assert mix.totaal.digitaal_aandeel == Cijfer(Decimal("50.0"), Decimal("50.0"))
    assert mix.totaal.digitaal_aandeel.richting == "gelijk"


def test_doorlooptijd_mediaan_p90_op_tijd_en_servicenorm() -> None:
    # Given closed cases: this period 0, 2, 2, 7, 7 and 19 days; the previous period 5 days
    _zaken()
    doorloop = monitoring.dashboard(periode=PERIODE).doorlooptijden
    totaal = doorloop.totaal
    assert totaal.afgesloten == Cijfer(6, 1)
    assert totaal.mediaan == Cijfer(2, 5)
    assert totaal.p90 == Cijfer(19, 5)
    # z2 and z10 closed after their latest legal end date: 4 of 6
    assert totaal.op_tijd == Cijfer(Decimal("66.7"), Decimal("100.0"))
    # only vraag has a service norm: z5 within, z6 and z10 not
    assert totaal.met_servicenorm == Cijfer(3, 0)
    assert totaal.binnen_servicenorm == Cijfer(Decimal("33.3"), None)
    per_naam = {regel.naam: regel for regel in doorloop.zaaktypen}
    verhuizing = per_naam[zaaktype("verhuizing").omschrijving]
    assert (verhuizing.mediaan, verhuizing.p90) == (Cijfer(2, 5), Cijfer(7, 5))
    assert verhuizing.servicenorm is None
    assert verhuizing.binnen_servicenorm == Cijfer(None, None)
    vraag = per_naam[zaaktype("vraag").omschrijving]
    assert (vraag.mediaan, vraag.p90) == (Cijfer(7, None), Cijfer(19, None))
    assert vraag.op_tijd == Cijfer(Decimal("66.7"), None)
    assert vraag.binnen_servicenorm == Cijfer(Decimal("33.3"), None)
    assert str(vraag.wettelijke_termijn) == str(zaaktype("vraag").doorlooptijd)


def test_servicenormdatum_is_de_geplande_einddatum_van_de_dienst() -> None:
    # The selector compares with einddatum_gepland; for a zaaktype with a service norm that is the
    # norm's end date from startdatum (services.zaken.geplande_data, the deadline engine).
    vraag = zaaktype("vraag")
    assert vraag.servicenorm is not None
    gepland, uiterlijk = geplande_data(vraag, date(2026, 3, 2))
    assert gepland == date(2026, 3, 9)  # 5 working days
    assert uiterlijk == date(2026, 3, 16)  # 10 working days


def test_werkvoorraad_op_het_einde_van_beide_perioden_met_leeftijd_en_overschrijding() -> None:
    _zaken()
    voorraad = monitoring.dashboard(periode=PERIODE).werkvoorraad
    assert voorraad.instroom == Cijfer(6, 2)
    assert voorraad.uitstroom == Cijfer(6, 1)
    # On 10 March open: z3 (5 days), z8 (11), z9 (129); on 28 February: z8 (1), z10 (18), z9 (119)
    assert voorraad.open == Cijfer(3, 3)
    assert [klasse.aantal for klasse in voorraad.leeftijd] == [
        Cijfer(1, 1),
        Cijfer(1, 1),
        Cijfer(0, 0),
        Cijfer(1, 1),
    ]
    # past the latest legal end date: z8 and z9; before: z9 and z10
    assert voorraad.over_termijn == Cijfer(2, 2)


@pytest.mark.parametrize(
    ("leeftijd", "klasse"), [(0, 0), (7, 0), (8, 1), (30, 1), (31, 2), (90, 2), (91, 3), (400, 3)]
)
def test_leeftijdsklassen_hebben_scherpe_grenzen(leeftijd: int, klasse: int) -> None:
    _zaak("verhuizing-doorgeven", Kanaal.BALIE, PERIODE.tot - timedelta(days=leeftijd))
    voorraad = monitoring.dashboard(periode=PERIODE).werkvoorraad
    assert [k.aantal.huidig for k in voorraad.leeftijd] == [int(i == klasse) for i in range(4)]


def test_lege_periode_geeft_nullen_en_onbekende_aandelen() -> None:
    dashboard = monitoring.dashboard(periode=PERIODE)
    assert dashboard.kanaalmix.totaal.totaal == Cijfer(0, 0)
    assert dashboard.kanaalmix.totaal.digitaal_aandeel == Cijfer(None, None)
    assert dashboard.doorlooptijden.totaal.mediaan == Cijfer(None, None)
    assert dashboard.doorlooptijden.zaaktypen == ()
    assert dashboard.klantcontacten.totaal.eerste_contact_opgelost == Cijfer(None, None)
    assert dashboard.afspraken.wachttijd_mediaan == Cijfer(None, None)
    assert dashboard.tevredenheid.totaal.gemiddelde == Cijfer(None, None)
    assert dashboard.terugbelverzoeken.doorlooptijd_mediaan_uren == Cijfer(None, None)


# -- Contacts and callbacks ------------------------------------------------------------------------


def _contact(kanaal: str, moment: datetime, *, opgelost: bool, zaak: Zaak | None = None) -> Klantcontact:
    return Klantcontact.objects.create(
        kanaal=kanaal,
        onderwerp="Vraag",
        plaatsgevonden_op=moment,
        opgelost_in_eerste_contact=opgelost,
        zaak=zaak,
    )


def _terugbellen(
    contact: Klantcontact, toegewezen: datetime, deadline: datetime, afgehandeld: datetime | None = None
) -> Terugbelverzoek:
    return Terugbelverzoek.objects.create(
        klantcontact=contact,
        gevraagde_handeling="Terugbellen",
        team=Team.objects.get_or_create(naam="KCC")[0],
        toegewezen_op=toegewezen,
        deadline=deadline,
        status="verwerkt" if afgehandeld else "te_verwerken",
        afgehandeld_op=afgehandeld,
    )


def _contacten_en_terugbelverzoeken() -> None:
    z1 = _zaak("verhuizing-doorgeven", Kanaal.DIGITAAL, _dag(3, 1))
    _contact(Contactkanaal.BALIE, _om(3, 2, 10), opgelost=True)
    c2 = _contact(Contactkanaal.TELEFOON, _om(3, 2, 9), opgelost=True)
    c3 = _contact(Contactkanaal.TELEFOON, _om(3, 3, 9), opgelost=False)
    _contact(Contactkanaal.EMAIL, _om(3, 4, 9), opgelost=True)
    _contact(Contactkanaal.WEBFORMULIER, _om(3, 5, 9), opgelost=True, zaak=z1)
    c6 = _contact(Contactkanaal.TELEFOON, _om(2, 20, 9), opgelost=False)
    _contact(Contactkanaal.CHAT, _om(2, 21, 9), opgelost=True)
    _contact(Contactkanaal.CHAT, _om(2, 18, 23, 59), opgelost=True)  # before both periods
    _contact(Contactkanaal.CHAT, _om(3, 11, 0, 0), opgelost=True)  # after the period
    _terugbellen(c2, _om(3, 2, 10), _om(3, 3, 10), _om(3, 2, 14))  # 240 min, on time
    _terugbellen(c3, _om(3, 5, 9), _om(3, 6, 9), _om(3, 7, 9))  # 2,880 min, late
    _terugbellen(c3, _om(3, 9, 9), _om(3, 9, 17))  # open, late
    _terugbellen(c3, _om(3, 10, 9), _om(3, 12, 9))  # open, not yet due
    _terugbellen(c6, _om(2, 26, 9), _om(2, 27, 9), _om(3, 2, 9))  # 5,760 min: open late, then done late
    _terugbellen(c6, _om(2, 20, 9), _om(2, 21, 9), _om(2, 20, 10))  # 60 min, on time


def test_contacten_per_kanaal_digitaal_aandeel_en_eerste_contact_oplossing() -> None:
    # Given contacts in both periods; one resolved contact got a callback, one has a case
    _contacten_en_terugbelverzoeken()
    contacten = monitoring.dashboard(periode=PERIODE).klantcontacten
    # Then 5 contacts, 2 digital (e-mail, web form), against 2 with 1 digital (chat)
    assert contacten.totaal.aantal == Cijfer(5, 2)
    assert contacten.digitaal_aandeel == Cijfer(Decimal("40.0"), Decimal("50.0"))
    # And of the 4 without a case 2 were resolved at once (balie, e-mail), against 1 of 2
    assert contacten.totaal.zonder_zaak == Cijfer(4, 2)
    assert contacten.totaal.eerste_contact_opgelost == Cijfer(Decimal("50.0"), Decimal("50.0"))
    telefoon = next(k for k in contacten.kanalen if k.kanaal == Contactkanaal.TELEFOON)
    assert telefoon.aantal == Cijfer(2, 1)
    assert telefoon.eerste_contact_opgelost == Cijfer(Decimal("0.0"), Decimal("0.0"))
    assert not telefoon.digitaal
    assert next(k for k in contacten.kanalen if k.kanaal == Contactkanaal.CHAT).digitaal


def test_terugbelverzoeken_open_te_laat_en_doorlooptijd() -> None:
    _contacten_en_terugbelverzoeken()
    terug = monitoring.dashboard(periode=PERIODE).terugbelverzoeken
    assert terug.nieuw == Cijfer(4, 2)
    assert terug.afgehandeld == Cijfer(3, 1)
    assert terug.open == Cijfer(2, 1)
    assert terug.open_te_laat == Cijfer(1, 1)
    assert terug.te_laat_afgehandeld == Cijfer(2, 0)
    assert terug.te_laat == Cijfer(3, 1)
    # median of 240, 2,880 and 5,760 minutes is 48 hours; before, 60 minutes
    assert terug.doorlooptijd_mediaan_uren == Cijfer(Decimal("48.0"), Decimal("1.0"))


def test_open_terugbelverzoek_is_pas_te_laat_na_de_deadline() -> None:
    # Given a callback due in an hour, in a period that runs until tonight
    contact = _contact(Contactkanaal.TELEFOON, timezone.now(), opgelost=False)
    _terugbellen(contact, timezone.now() - timedelta(minutes=5), timezone.now() + timedelta(hours=1))
    terug = monitoring.dashboard(periode=Periode.laatste_dagen(30)).terugbelverzoeken
    # Then it is open but not late
    assert terug.open.huidig == 1
    assert terug.open_te_laat.huidig == 0


# -- Appointments ----------------------------------------------------------------------------------


def _afspraak(
    start: datetime, status: str, aangemeld: datetime | None = None, opgeroepen: datetime | None = None
) -> None:
    plek = Afspraak.objects.first()
    if plek is None:
        locatie_ = locatie()
        soort = afspraaktype(locatie_)
    else:
        locatie_, soort = plek.locatie, plek.afspraaktype
    Afspraak.objects.create(
        locatie=locatie_,
        afspraaktype=soort,
        start=start,
        eind=start + timedelta(minutes=15),
        status=status,
        naam="Sanne de Vries",
        kanaal=Kanaal.DIGITAAL,
        beheercode_hash=f"{next(_nummers):064d}",
        aangemeld_op=aangemeld,
        opgeroepen_op=opgeroepen,
    )


def test_no_show_en_wachttijd_aan_de_balie_tegen_de_norm_van_15_minuten() -> None:
    # Given this period: waits of 5 min, exactly 15 min, and 15 min 1 s; a no-show; a cancellation
    _afspraak(_om(3, 2, 10), Afspraakstatus.AFGEROND, _om(3, 2, 10), _om(3, 2, 10, 5))
    _afspraak(_om(3, 2, 11), Afspraakstatus.AFGEROND, _om(3, 2, 11), _om(3, 2, 11, 15))
    _afspraak(_om(3, 3, 10), Afspraakstatus.AFGEROND, _om(3, 3, 10), _om(3, 3, 10, 15, 1))
    _afspraak(_om(3, 3, 11), Afspraakstatus.NIET_VERSCHENEN)
    _afspraak(_om(3, 4, 11), Afspraakstatus.GEANNULEERD)
    _afspraak(_om(3, 4, 12), Afspraakstatus.AFGEROND)
    # And the previous period: two no-shows and one wait of 30 minutes
    _afspraak(_om(2, 20, 9), Afspraakstatus.NIET_VERSCHENEN)
    _afspraak(_om(2, 21, 9), Afspraakstatus.NIET_VERSCHENEN)
    _afspraak(_om(2, 22, 9), Afspraakstatus.AFGEROND, _om(2, 22, 9), _om(2, 22, 9, 30))
    afspraken = monitoring.dashboard(periode=PERIODE).afspraken
    # Then 1 no-show of 5 handled (20 %) against 2 of 3
    assert afspraken.afgerond == Cijfer(4, 1)
    assert afspraken.niet_verschenen == Cijfer(1, 2)
    assert afspraken.no_show == Cijfer(Decimal("20.0"), Decimal("66.7"))
    # And the median wait is 15 begun minutes; 2 of 3 within the norm
    assert afspraken.gemeten == Cijfer(3, 1)
    assert afspraken.wachttijd_mediaan == Cijfer(15, 30)
    assert afspraken.binnen_wachtnorm == Cijfer(Decimal("66.7"), Decimal("0.0"))


# -- Satisfaction ----------------------------------------------------------------------------------


def _reactie(moment: datetime, kanaal: str, cijfer: int, *, slug: str = "", team: Team | None = None) -> None:
    gekozen = product(slug) if slug else None
    uitnodiging = Uitnodiging.objects.create(
        code_hash=f"{next(_nummers):064d}",
        aanleiding="zaak_afgesloten",
        verstuurd_via="email",
        kanaal=kanaal,
        product=gekozen,
        team=team,
        aangemaakt_op=moment - timedelta(days=1),
        geldig_tot=moment + timedelta(days=30),
    )
    Reactie.objects.create(
        uitnodiging=uitnodiging,
        kanaal=kanaal,
        product=gekozen,
        team=team,
        beantwoord_op=moment,
        dv01_rapportcijfer=cijfer,
    )


def test_tevredenheid_per_kanaal_product_en_team() -> None:
    a = Team.objects.create(naam="Burgerzaken")
    b = Team.objects.create(naam="KCC")
    web, balie = Burgerpeilingkanaal.WEBSITE, Burgerpeilingkanaal.BALIE
    _reactie(_om(3, 2, 10), web, 8, slug="verhuizing-doorgeven", team=a)
    _reactie(_om(3, 3, 10), web, 6, slug="verhuizing-doorgeven", team=a)
    _reactie(_om(3, 4, 10), balie, 9, slug="vraag-stellen", team=b)
    _reactie(_om(3, 5, 10), balie, 7)
    _reactie(_om(2, 25, 10), web, 5, slug="verhuizing-doorgeven", team=a)
    tevredenheid = monitoring.dashboard(periode=PERIODE).tevredenheid
    # Then the mean of 8, 6, 9, 7 is 7.5 and 3 of 4 gave 7 or more; before, one 5
    assert tevredenheid.totaal.reacties == Cijfer(4, 1)
    assert tevredenheid.totaal.gemiddelde == Cijfer(Decimal("7.5"), Decimal("5.0"))
    assert tevredenheid.totaal.voldoende == Cijfer(Decimal("75.0"), Decimal("0.0"))
    per_kanaal = {rij.naam: rij for rij in tevredenheid.per_kanaal}
    assert per_kanaal[str(web.label)].gemiddelde == Cijfer(Decimal("7.0"), Decimal("5.0"))
    assert per_kanaal[str(web.label)].gemiddelde.verschil == Decimal("2.0")
    assert per_kanaal[str(balie.label)].voldoende == Cijfer(Decimal("100.0"), None)
    per_product = {rij.naam: rij.gemiddelde.huidig for rij in tevredenheid.per_product}
    assert per_product == {
        product("verhuizing-doorgeven").naam: Decimal("7.0"),
        product("vraag-stellen").naam: Decimal("9.0"),
        "(zonder product)": Decimal("7.0"),
    }
    per_team = {rij.naam: rij.gemiddelde.huidig for rij in tevredenheid.per_team}
    assert per_team == {"Burgerzaken": Decimal("7.0"), "KCC": Decimal("9.0"), "(zonder team)": Decimal("7.0")}


# -- Queries ---------------------------------------------------------------------------------------


def test_dashboard_doet_een_vast_aantal_queries(django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    # Given data in every part
    _zaken()
    _contacten_en_terugbelverzoeken()
    _afspraak(_om(3, 2, 10), Afspraakstatus.AFGEROND, _om(3, 2, 10), _om(3, 2, 10, 5))
    _reactie(_om(3, 2, 10), Burgerpeilingkanaal.BALIE, 8)
    # When the dashboard is computed, then nine queries, however much data there is
    with django_assert_num_queries(9):
        monitoring.dashboard(periode=PERIODE)
    _zaken()
    with django_assert_num_queries(9):
        monitoring.dashboard(periode=PERIODE)
