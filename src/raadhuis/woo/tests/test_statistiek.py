"""The Woo figures (issue 9, point 9): requests per period, lead time (mean, median), share decided
on time, verdagingen, suspensions, ingebrekestellingen, outcomes and grounds, per month; the page
for the coordinator and the controller only, its bad period input (400 at the field), and the CSV.

Requests are registered through `services.verzoeken.verzoek_registreren` with a past `ontvangen_op`
and their suspensions, verdaging and ingebrekestelling through the services, so the stored end of
the term is the real one. The decision and the withdrawal services belong to another part of the
module (besluiten) and the documents and boxes to others again: here the decision is set with a
queryset update of `status`/`besloten_op`/`ingetrokken_op`, and WooBesluit, Document and Lakvak rows
are created directly."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.woo.models import (
    Besluituitkomst,
    Document,
    Documentsoort,
    Herkomst,
    Lakvak,
    Oordeel,
    Opschorting,
    Opschortingssoort,
    Vakstatus,
    Verzoekstatus,
    WooBesluit,
    WooVerzoek,
)
from raadhuis.woo.selectors.statistiek import Periode, statistiek
from raadhuis.woo.services import verzoeken as services
from raadhuis.woo.tests.test_services import OMVANG, ZIENSWIJZE, registreer

pytestmark = pytest.mark.django_db

STATISTIEK = reverse("woo:statistiek")
JAAR = Periode.jaar(2025)
VERZOEKER = "Johanna Verzoekster-Geheim"
VERZOEKER_EMAIL = "johanna.geheim@example.org"


def _medewerker(**velden: Any) -> Medewerker:
    """A MedewerkerFactory employee, narrowed for the type checker."""
    medewerker = MedewerkerFactory(**velden)
    assert isinstance(medewerker, Medewerker)
    return medewerker


@pytest.fixture
def coordinator(db: None) -> Medewerker:
    return _medewerker(rollen=[Rol.WOO_COORDINATOR])


def _besloten(verzoek: WooVerzoek, op: date, uitkomst: str | None = None) -> WooVerzoek:
    """The decision, as the besluiten service will record it (not built in this part): status and
    date by queryset update, and the WooBesluit row created directly."""
    WooVerzoek.objects.filter(pk=verzoek.pk).update(status=Verzoekstatus.BESLOTEN, besloten_op=op)
    if uitkomst is not None:
        WooBesluit.objects.create(
            verzoek=verzoek,
            besluitdatum=op,
            uitkomst=uitkomst,
            ondertekenaar="De burgemeester",
            openbaarmaking_op=op,
        )
    verzoek.refresh_from_db()
    return verzoek


def _ingetrokken(verzoek: WooVerzoek, op: date) -> None:
    WooVerzoek.objects.filter(pk=verzoek.pk).update(status=Verzoekstatus.INGETROKKEN, ingetrokken_op=op)


def _document(verzoek: WooVerzoek, sleutel: str, oordeel: str, **extra: Any) -> Document:
    document: Document = Document.objects.create(
        verzoek=verzoek,
        sleutel=sleutel,
        naam=f"{sleutel}.pdf",
        soort=Documentsoort.PDF,
        mediatype="application/pdf",
        sha256=sleutel.ljust(64, "0"),
        grootte=1000,
        oordeel=oordeel,
        **extra,
    )
    return document


def _vakken(document: Document, grond: str, aantal: int, status: str = Vakstatus.GEACCEPTEERD) -> None:
    for nummer in range(aantal):
        Lakvak.objects.create(
            document=document,
            pagina=1,
            x0=10,
            y0=10 + 20 * nummer,
            x1=100,
            y1=20 + 20 * nummer,
            tekst=f"passage {nummer}",
            soort="naam",
            grond=grond,
            herkomst=Herkomst.AUTOMATISCH,
            status=status,
        )


@pytest.fixture
def jaar_2025(coordinator: Medewerker) -> dict[str, WooVerzoek]:
    """Seven requests around 2025 (dates hand-counted with Woo art. 4.4 and the Atw):

    F received 20-12-2024, term to 17-01-2025, decided 10-01-2025: 21 days, on time.
    A received 03-03-2025, term to 31-03-2025, decided 20-03-2025: 17 days, on time.
    B received 10-03-2025, zienswijze 20-03 to 27-03 (term to 14-04-2025), ingebrekestelling
      15-04-2025, decided 17-04-2025: 38 days, late.
    C received 02-06-2025, verdaagd 20-06-2025 (term to 14-07-2025), decided 10-07-2025: 38 days,
      on time.
    D received 01-09-2025, withdrawn 15-09-2025.
    G received 03-11-2025, a clarification 10-11 to 14-11, still open.
    E received 15-12-2025, decided 20-01-2026: open at the end of 2025.
    """
    verzoeker = {"verzoeker_naam": VERZOEKER, "emailadres": VERZOEKER_EMAIL}
    f = registreer(coordinator, date(2024, 12, 20), **verzoeker)
    a = registreer(coordinator, date(2025, 3, 3), **verzoeker)
    b = registreer(coordinator, date(2025, 3, 10), **verzoeker)
    c = registreer(coordinator, date(2025, 6, 2), **verzoeker)
    d = registreer(coordinator, date(2025, 9, 1), **verzoeker)
    g = registreer(coordinator, date(2025, 11, 3), **verzoeker)
    e = registreer(coordinator, date(2025, 12, 15), **verzoeker)
    services.zienswijze_opschorting_registreren(
        verzoek=b, van=date(2025, 3, 20), tot=date(2025, 3, 27), reden=ZIENSWIJZE, door=coordinator
    )
    services.ingebrekestelling_registreren(verzoek=b, ontvangen_op=date(2025, 4, 15), door=coordinator)
    services.verdaging_besluiten(verzoek=c, reden=OMVANG, besloten_op=date(2025, 6, 20), door=coordinator)
    # The clarification service asks from today on; a past one is written directly (it is only counted).
    Opschorting.objects.create(
        verzoek=g,
        soort=Opschortingssoort.VERDUIDELIJKING,
        van=date(2025, 11, 10),
        tot=date(2025, 11, 14),
        reden="Welke periode?",
    )
    for verzoek in (f, a, b, c):
        verzoek.refresh_from_db()
    # Preconditions: the stored ends of the terms the expectations below rest on.
    assert f.beslistermijn_einde == date(2025, 1, 17)
    assert a.beslistermijn_einde == date(2025, 3, 31)
    assert b.beslistermijn_einde == date(2025, 4, 14)
    assert c.beslistermijn_einde == date(2025, 7, 14)
    _besloten(f, date(2025, 1, 10), Besluituitkomst.GEHEEL_GEWEIGERD)
    _besloten(a, date(2025, 3, 20), Besluituitkomst.GEHEEL_OPENBAAR)
    _besloten(b, date(2025, 4, 17), Besluituitkomst.DEELS_OPENBAAR)
    _besloten(c, date(2025, 7, 10), Besluituitkomst.DEELS_OPENBAAR)
    _besloten(e, date(2026, 1, 20), Besluituitkomst.GEEN_DOCUMENTEN)
    _ingetrokken(d, date(2025, 9, 15))
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f, "g": g}


@pytest.fixture
def documenten(jaar_2025: dict[str, WooVerzoek]) -> None:
    """B: one partly public document (four 5.1.2e boxes, one spelled "5.1.2.e", one 5.1.1e box and a
    rejected one), one withheld on 5.1.2i and 5.2, a duplicate of it, and a public one. C: one partly
    public (two 5.1.2e boxes) and one withheld on 5.1.2e whose accepted box is not a passage of its
    own. E (decided in 2026): one withheld on 5.1.2b."""
    b, c, e = jaar_2025["b"], jaar_2025["c"], jaar_2025["e"]
    d1 = _document(b, "b1", Oordeel.DEELS_OPENBAAR)
    _vakken(d1, "5.1.2e", 3)
    _vakken(d1, "5.1.2.e", 1)
    _vakken(d1, "5.1.1e", 1)
    _vakken(d1, "5.1.2e", 1, status=Vakstatus.AFGEWEZEN)
    _vakken(d1, "5.1.2e", 1, status=Vakstatus.VOORGESTELD)
    d2 = _document(b, "b2", Oordeel.NIET_OPENBAAR, gronden=["5.1.2i", "5.2"])
    _document(b, "b3", Oordeel.NIET_OPENBAAR, gronden=["5.1.2i"], dubbel_van=d2)
    _document(b, "b4", Oordeel.OPENBAAR)
    d5 = _document(c, "c1", Oordeel.DEELS_OPENBAAR)
    _vakken(d5, "5.1.2e", 2)
    d6 = _document(c, "c2", Oordeel.NIET_OPENBAAR, gronden=["5.1.2e"])
    _vakken(d6, "5.1.2e", 1)
    _document(e, "e1", Oordeel.NIET_OPENBAAR, gronden=["5.1.2b"])


# --- the selector ------------------------------------------------------------------------------------


def test_aantallen_per_jaar(jaar_2025: dict[str, WooVerzoek]) -> None:
    cijfers = statistiek(JAAR)
    # Received in 2025: A, B, C, D, G, E (F came in 2024)
    assert cijfers.ontvangen == 6
    # Decided in 2025: F, A, B, C (E only in 2026); withdrawn: D
    assert cijfers.besloten == 4
    assert cijfers.ingetrokken == 1
    # Open on 31 December 2025: G and E
    assert cijfers.open_aan_einde == 2
    assert cijfers.verdagingen == 1
    assert cijfers.opschortingen_zienswijze == 1
    assert cijfers.opschortingen_verduidelijking == 1
    assert cijfers.opschortingen == 2
    assert cijfers.ingebrekestellingen == 1


def test_doorlooptijd_gemiddeld_mediaan_en_op_tijd(jaar_2025: dict[str, WooVerzoek]) -> None:
    d = statistiek(JAAR).doorlooptijd
    # 21, 17, 38 and 38 calendar days; B was decided after its term
    assert d.besloten == 4
    assert d.gemiddeld == Decimal("28.5")
    assert d.mediaan == Decimal("29.5")
    assert d.langste == 38
    assert (d.op_tijd, d.te_laat) == (3, 1)
    assert d.op_tijd_percentage == Decimal("75.0")


def test_kwartaal_en_zelf_gekozen_periode(jaar_2025: dict[str, WooVerzoek]) -> None:
    # Q1 2025: A and B received; F and A decided, both on time; B still open on 31 March
    eerste = statistiek(Periode.kwartaal(2025, 1))
    assert (eerste.ontvangen, eerste.besloten, eerste.open_aan_einde) == (2, 2, 1)
    assert eerste.doorlooptijd.gemiddeld == Decimal("19.0")
    assert eerste.doorlooptijd.op_tijd_percentage == Decimal("100.0")
    # April 2025: only B decided, late; the ingebrekestelling of 15 April
    april = statistiek(Periode(van=date(2025, 4, 1), tot=date(2025, 4, 30)))
    assert (april.ontvangen, april.besloten, april.ingebrekestellingen) == (0, 1, 1)
    assert april.doorlooptijd.op_tijd_percentage == Decimal("0.0")
    assert april.verdagingen == 0
    assert [(m.jaar, m.maand) for m in april.maanden] == [(2025, 4)]


def test_lege_periode_heeft_geen_gemiddelde_en_geen_percentage(jaar_2025: dict[str, WooVerzoek]) -> None:
    cijfers = statistiek(Periode.jaar(2020))
    assert (cijfers.ontvangen, cijfers.besloten, cijfers.open_aan_einde) == (0, 0, 0)
    assert cijfers.doorlooptijd.gemiddeld is None
    assert cijfers.doorlooptijd.mediaan is None
    assert cijfers.doorlooptijd.op_tijd_percentage is None
    assert cijfers.gronden == ()
    assert all(regel.aantal == 0 for regel in cijfers.uitkomsten)


def test_uitkomsten_van_de_besluiten(jaar_2025: dict[str, WooVerzoek]) -> None:
    uitkomsten = {regel.uitkomst: regel.aantal for regel in statistiek(JAAR).uitkomsten}
    assert uitkomsten == {
        Besluituitkomst.GEHEEL_OPENBAAR: 1,
        Besluituitkomst.DEELS_OPENBAAR: 2,
        Besluituitkomst.GEHEEL_GEWEIGERD: 1,
        Besluituitkomst.REEDS_OPENBAAR: 0,
        # E's decision is of 2026
        Besluituitkomst.GEEN_DOCUMENTEN: 0,
    }


def test_gronden_per_document_en_passage(documenten: None) -> None:
    cijfers = statistiek(JAAR)
    gronden = [(g.code, g.documenten, g.passages) for g in cijfers.gronden]
    # In the order of the law; 5.1.2e: b1, c1 and c2 (withheld entirely), 3 + 1 ("5.1.2.e") + 2
    # accepted boxes of partly public documents; rejected and proposed boxes do not count, nor the
    # box in the withheld c2, nor the duplicate b3, nor E's 5.1.2b of 2026
    assert gronden == [("5.1.1e", 1, 1), ("5.1.2e", 3, 6), ("5.1.2i", 1, 0), ("5.2", 1, 0)]
    assert cijfers.gronden[1].artikel == "artikel 5.1, tweede lid, onder e"
    oordelen = {regel.oordeel: regel.aantal for regel in cijfers.oordelen}
    assert oordelen == {
        Oordeel.OPENBAAR: 1,
        Oordeel.DEELS_OPENBAAR: 2,
        Oordeel.NIET_OPENBAAR: 2,
        Oordeel.REEDS_OPENBAAR: 0,
    }


def test_onbekende_grondcode_wordt_apart_geteld(jaar_2025: dict[str, WooVerzoek]) -> None:
    # Given a document of an old file withheld on a Wob code
    _document(jaar_2025["a"], "oud", Oordeel.NIET_OPENBAAR, gronden=["10.2.e", "5.1.2e"])
    gronden = statistiek(JAAR).gronden
    # Then it is counted under its own code, after the Woo grounds
    assert [(g.code, g.documenten, g.artikel) for g in gronden] == [
        ("5.1.2e", 1, "artikel 5.1, tweede lid, onder e"),
        ("10.2.e", 1, ""),
    ]


def test_per_maand(jaar_2025: dict[str, WooVerzoek]) -> None:
    maanden = {(m.jaar, m.maand): m for m in statistiek(JAAR).maanden}
    assert len(maanden) == 12
    assert (maanden[(2025, 1)].besloten, maanden[(2025, 1)].op_tijd) == (1, 1)
    assert maanden[(2025, 3)].ontvangen == 2
    assert (maanden[(2025, 4)].besloten, maanden[(2025, 4)].op_tijd) == (1, 0)
    assert (maanden[(2025, 9)].ontvangen, maanden[(2025, 9)].ingetrokken) == (1, 1)
    assert maanden[(2025, 12)].ontvangen == 1
    assert sum(m.ontvangen for m in maanden.values()) == 6
    assert maanden[(2025, 1)].sleutel == "2025-01"


def test_besluit_tijdens_open_opschorting_is_op_tijd(coordinator: Medewerker) -> None:
    # Given a request whose clock stood still (an open zienswijze) when it was decided
    verzoek = registreer(coordinator, date(2024, 2, 5))
    services.zienswijze_opschorting_registreren(
        verzoek=verzoek, van=date(2024, 2, 12), reden=ZIENSWIJZE, door=coordinator
    )
    verzoek.refresh_from_db()
    assert verzoek.beslistermijn_einde is None
    # When it is decided well after the four weeks of the unsuspended term
    _besloten(verzoek, date(2024, 3, 25))
    # Then it counts as on time: the term is recomputed on the decision day
    doorlooptijd = statistiek(Periode.jaar(2024)).doorlooptijd
    assert (doorlooptijd.besloten, doorlooptijd.op_tijd) == (1, 1)


def test_periode_weigert_een_einde_voor_het_begin_en_een_vijfde_kwartaal() -> None:
    with pytest.raises(ValueError, match="eindigt niet"):
        Periode(van=date(2025, 2, 1), tot=date(2025, 1, 31))
    with pytest.raises(ValueError, match="kwartaal"):
        Periode.kwartaal(2025, 5)
    assert Periode.kwartaal(2025, 4) == Periode(van=date(2025, 10, 1), tot=date(2025, 12, 31))
    assert len(Periode(van=date(2024, 11, 15), tot=date(2025, 2, 1)).maanden()) == 4


def test_aantal_queries_hangt_niet_af_van_het_aantal_verzoeken(
    jaar_2025: dict[str, WooVerzoek], coordinator: Medewerker, django_assert_max_num_queries: Any
) -> None:
    for dag in range(1, 21):
        verzoek = registreer(coordinator, date(2025, 10, dag))
        _besloten(verzoek, date(2025, 10, 25), Besluituitkomst.GEHEEL_OPENBAAR)
    with django_assert_max_num_queries(12):
        statistiek(JAAR)


# --- the page ----------------------------------------------------------------------------------------


@pytest.fixture
def controller(client: Any) -> Medewerker:
    medewerker = _medewerker(rollen=[Rol.CONTROLLER])
    client.force_login(medewerker)
    return medewerker


def test_controller_ziet_de_cijfers_zonder_persoonsgegevens(
    client: Any, controller: Medewerker, documenten: None
) -> None:
    antwoord = client.get(STATISTIEK, {"jaar": "2025"})
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Woo-cijfers" in html
    assert "1 januari 2025 t/m 31 december 2025" in html
    assert "28,5" in html  # mean lead time
    assert "75,0 %" in html
    assert "5.1.2e" in html
    # Tables with caption and header cells with scope; the chart has its text alternative
    assert '<caption class="utrecht-table__caption">' in html
    assert 'scope="row"' in html
    assert "<svg" in html
    assert 'role="img"' in html
    # No personal data of the requesters, and no link to their requests
    for geheim in (VERZOEKER, VERZOEKER_EMAIL, "WOO-20"):
        assert geheim not in html
    # The controller does not see the requests, so the breadcrumb does not lead there
    assert reverse("woo:werkplek") + '"' not in html


@pytest.mark.parametrize(
    ("query", "veld"),
    [
        ({"soort": "kwartaal", "jaar": "2025"}, "kwartaal"),
        ({"soort": "aangepast", "van": "2025-05-01"}, "tot"),
        ({"soort": "aangepast", "van": "2025-05-01", "tot": "2025-04-01"}, "tot"),
        ({"soort": "aangepast", "van": "2015-01-01", "tot": "2025-01-01"}, "tot"),
        ({"soort": "aangepast", "van": "gisteren", "tot": "2025-01-01"}, "van"),
        ({"jaar": "twintig"}, "jaar"),
        ({"jaar": "1850"}, "jaar"),
        ({"soort": "decennium"}, "soort"),
    ],
)
def test_verkeerde_periode_geeft_fout_bij_het_veld(
    client: Any, controller: Medewerker, query: dict[str, str], veld: str
) -> None:
    antwoord = client.get(STATISTIEK, query)
    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert f'id="id_{veld}_error"' in html
    assert f'href="#id_{veld}"' in html  # the error summary links to the field


def test_csv_met_verkeerde_periode_geeft_het_formulier(client: Any, controller: Medewerker) -> None:
    antwoord = client.get(STATISTIEK, {"soort": "kwartaal", "formaat": "csv"})
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"].startswith("text/html")


def test_zonder_keuze_is_het_dit_jaar(client: Any, controller: Medewerker) -> None:
    from django.utils import timezone

    antwoord = client.get(STATISTIEK)
    assert antwoord.status_code == 200
    assert f"1 januari {timezone.localdate().year} t/m 31 december" in antwoord.content.decode()


def test_csv_met_dezelfde_cijfers(client: Any, controller: Medewerker, documenten: None) -> None:
    antwoord = client.get(
        STATISTIEK, {"soort": "kwartaal", "jaar": "2025", "kwartaal": "2", "formaat": "csv"}
    )
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "text/csv; charset=utf-8"
    assert antwoord["Content-Disposition"] == 'attachment; filename="woo-cijfers-2025-04-01-2025-06-30.csv"'
    inhoud = antwoord.content.decode("utf-8")
    assert inhoud.startswith("\ufeff")
    rijen = list(csv.reader(io.StringIO(inhoud.removeprefix("\ufeff")), delimiter=";"))
    assert rijen[0] == ["Onderdeel", "Categorie", "Cijfer", "Waarde", "Eenheid"]
    waarden = {(r[0], r[1], r[2]): r[3] for r in rijen[1:]}
    # Q2 2025: C received; B decided (38 days, late)
    assert waarden[("Kerncijfers", "Ontvangen verzoeken", "Waarde")] == "1"
    assert waarden[("Kerncijfers", "Besloten verzoeken", "Waarde")] == "1"
    assert waarden[("Kerncijfers", "Gemiddelde doorlooptijd (kalenderdagen)", "Waarde")] == "38,0"
    assert waarden[("Kerncijfers", "Binnen de beslistermijn besloten (%)", "Waarde")] == "0,0"
    assert waarden[("Uitkomst van de besluiten", "Deels openbaar gemaakt", "Besluiten")] == "1"
    assert (
        waarden[("Weigeringsgronden", "5.1.2e – de eerbiediging van de persoonlijke levenssfeer", "Passages")]
        == "4"
    )
    assert waarden[("Per maand", "2025-04", "Besloten")] == "1"
    assert ("Per maand", "2025-07", "Besloten") not in waarden
    assert VERZOEKER not in inhoud
    assert VERZOEKER_EMAIL not in inhoud


def test_csv_in_een_lege_periode_laat_onbekende_cijfers_leeg(client: Any, controller: Medewerker) -> None:
    antwoord = client.get(STATISTIEK, {"jaar": "2021", "formaat": "csv"})
    rijen = list(csv.reader(io.StringIO(antwoord.content.decode().removeprefix("\ufeff")), delimiter=";"))
    waarden = {(r[0], r[1]): r[3] for r in rijen[1:]}
    assert waarden[("Kerncijfers", "Mediane doorlooptijd (kalenderdagen)")] == ""
    assert waarden[("Kerncijfers", "Ontvangen verzoeken")] == "0"


@pytest.mark.parametrize("rol", [Rol.BEHANDELAAR, Rol.GRIFFIE, Rol.KCC_MEDEWERKER])
def test_zonder_recht_geen_cijfers(client: Any, rol: str) -> None:
    client.force_login(MedewerkerFactory(rollen=[rol]))
    assert client.get(STATISTIEK).status_code == 403
    assert client.get(STATISTIEK, {"formaat": "csv"}).status_code == 403


def test_niet_ingelogd_naar_inloggen(client: Any) -> None:
    antwoord = client.get(STATISTIEK)
    assert antwoord.status_code == 302
    assert reverse("accounts:inloggen") in antwoord["Location"]


def test_coordinator_ziet_de_cijfers_met_kruimel_naar_de_verzoeken(
    client: Any, coordinator: Medewerker
) -> None:
    client.force_login(coordinator)
    antwoord = client.get(STATISTIEK, {"soort": "aangepast", "van": "2025-01-01", "tot": "2025-03-31"})
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert f'href="{reverse("woo:werkplek")}"' in html
    assert "formaat=csv" in html
