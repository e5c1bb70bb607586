"""The satisfaction figures of a period, checked against a small set computed by hand (see the table
in the comments), in three queries; comments only once screened."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from raadhuis.dienstverlening.models import (
    Aanleiding,
    Burgerpeilingkanaal,
    Product,
    Reactie,
    Screening,
    Team,
    Uitnodiging,
    Uitnodigingskanaal,
)
from raadhuis.dienstverlening.periode import Periode
from raadhuis.dienstverlening.selectors.kto import gescreende_opmerkingen, kto_resultaten
from raadhuis.dienstverlening.tests import factories

pytestmark = pytest.mark.django_db

MAART = Periode.maand(2026, 3)


def _moment(dag: date, uur: int = 12) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time(uur)))


def _uitnodiging(
    kanaal: str, *, product: Product | None = None, team: Team | None = None, op: date = date(2026, 3, 5)
) -> Uitnodiging:
    return Uitnodiging.objects.create(
        code_hash=secrets.token_hex(32),
        aanleiding=Aanleiding.ZAAK_AFGESLOTEN,
        verstuurd_via=Uitnodigingskanaal.EMAIL,
        kanaal=kanaal,
        product=product,
        team=team,
        aangemaakt_op=_moment(op),
        geldig_tot=_moment(op) + timedelta(days=30),
    )


def _reactie(
    uitnodiging: Uitnodiging,
    *,
    op: date = date(2026, 3, 10),
    gescreend: str = "",
    ruw: str = "",
    **cijfers: int | None,
) -> Reactie:
    uitnodiging.beantwoord_op = _moment(op)
    uitnodiging.save(update_fields=["beantwoord_op"])
    screening = (
        Screening.GESCREEND if gescreend else Screening.TE_SCREENEN if ruw else Screening.GEEN_OPMERKING
    )
    return Reactie.objects.create(
        uitnodiging=uitnodiging,
        kanaal=uitnodiging.kanaal,
        product=uitnodiging.product,
        team=uitnodiging.team,
        beantwoord_op=_moment(op),
        opmerking=ruw,
        opmerking_gescreend=gescreend,
        screening=screening,
        **cijfers,
    )


@dataclass
class Gegevens:
    product: Product
    team: Team


@pytest.fixture
def gegevens() -> Gegevens:
    """Invitations in March: A, B (balie, product, team), C (website, product), D (telefoon), E
    (website); F was sent in February (balie, product, team) and answered in March.

    | resp. | kanaal  | dv01 | dv06 | dv05 | dv07 tijd | dv07 info |
    | A     | balie   | 8    | –    | 4    | 2         | 5         |
    | C     | website | 6    | 7    | 5    | –         | 3         |
    | E     | website | 9    | 5    | 2    | 4         | –         |
    | F     | balie   | 7    | –    | –    | –         | –         |
    B and D are not answered. Outside March: G (sent and answered in April)."""
    product = factories.product()
    team = Team.objects.create(naam="Burgerzaken")
    a = _uitnodiging(Burgerpeilingkanaal.BALIE, product=product, team=team)
    _uitnodiging(Burgerpeilingkanaal.BALIE, product=product, team=team)  # B
    c = _uitnodiging(Burgerpeilingkanaal.WEBSITE, product=product)
    _uitnodiging(Burgerpeilingkanaal.TELEFOON)  # D
    e = _uitnodiging(Burgerpeilingkanaal.WEBSITE)
    f = _uitnodiging(Burgerpeilingkanaal.BALIE, product=product, team=team, op=date(2026, 2, 25))
    g = _uitnodiging(Burgerpeilingkanaal.BALIE, op=date(2026, 4, 1))
    _reactie(
        a,
        op=date(2026, 3, 6),
        gescreend="Prima geholpen door [NAAM].",
        dv01_rapportcijfer=8,
        dv05_gemak=4,
        dv07_doorlooptijd=2,
        dv07_op_de_hoogte=5,
    )
    _reactie(
        c,
        op=date(2026, 3, 8),
        ruw="Jan de Vries was heel vriendelijk.",
        dv01_rapportcijfer=6,
        dv06_rapportcijfer_digitaal=7,
        dv05_gemak=5,
        dv07_op_de_hoogte=3,
    )
    _reactie(
        e,
        op=date(2026, 3, 20),
        gescreend="Snel geregeld.",
        dv01_rapportcijfer=9,
        dv06_rapportcijfer_digitaal=5,
        dv05_gemak=2,
        dv07_doorlooptijd=4,
    )
    _reactie(f, op=date(2026, 3, 2), dv01_rapportcijfer=7)
    _reactie(g, op=date(2026, 4, 2), gescreend="Buiten de periode.", dv01_rapportcijfer=1)
    return Gegevens(product=product, team=team)


def test_totaal_van_de_periode(gegevens: Gegevens) -> None:
    totaal = kto_resultaten(periode=MAART).totaal
    assert (totaal.uitnodigingen, totaal.beantwoord, totaal.reacties) == (5, 3, 4)
    assert totaal.respons_procent == Decimal("60.0")
    # dv01: 8, 6, 9, 7 -> 30/4 = 7.5; 7 or more: 3 of 4
    assert (totaal.dv01.code, totaal.dv01.aantal, totaal.dv01.gemiddelde) == ("dv01", 4, Decimal("7.5"))
    assert totaal.dv01.tevreden_procent == Decimal("75.0")
    # dv06: 7, 5 -> 6.0; 7 or more: 1 of 2
    assert (totaal.dv06.code, totaal.dv06.aantal, totaal.dv06.gemiddelde) == ("dv06", 2, Decimal("6.0"))
    assert totaal.dv06.tevreden_procent == Decimal("50.0")


def test_stellingen_gemiddelde_en_aandeel_eens(gegevens: Gegevens) -> None:
    stellingen = {s.veld: s for s in kto_resultaten(periode=MAART).totaal.stellingen}
    gemak = stellingen["dv05_gemak"]  # 4, 5, 2 -> 11/3 = 3.67; agree (4-5): 2 of 3
    assert (gemak.code, gemak.aantal, gemak.gemiddelde, gemak.eens_procent) == (
        "dv05",
        3,
        Decimal("3.7"),
        Decimal("66.7"),
    )
    tijd = stellingen["dv07_doorlooptijd"]  # 2, 4 -> 3.0; 1 of 2
    assert (tijd.code, tijd.aantal, tijd.gemiddelde, tijd.eens_procent) == (
        "dv07",
        2,
        Decimal("3.0"),
        Decimal("50.0"),
    )
    info = stellingen["dv07_op_de_hoogte"]  # 5, 3 -> 4.0; 1 of 2
    assert (info.code, info.aantal, info.gemiddelde, info.eens_procent) == (
        "dv07",
        2,
        Decimal("4.0"),
        Decimal("50.0"),
    )


def test_per_kanaal_in_burgerpeilingvolgorde(gegevens: Gegevens) -> None:
    per_kanaal = kto_resultaten(periode=MAART).per_kanaal
    assert [u.sleutel for u in per_kanaal] == ["website", "balie", "telefoon"]
    website, balie, telefoon = per_kanaal
    assert (website.uitnodigingen, website.beantwoord, website.respons_procent) == (2, 2, Decimal("100.0"))
    assert (website.reacties, website.dv01.gemiddelde, website.dv01.tevreden_procent) == (
        2,
        Decimal("7.5"),
        Decimal("50.0"),
    )
    assert (balie.uitnodigingen, balie.beantwoord, balie.respons_procent) == (2, 1, Decimal("50.0"))
    assert (balie.reacties, balie.dv01.gemiddelde, balie.dv01.tevreden_procent) == (
        2,
        Decimal("7.5"),
        Decimal("100.0"),
    )
    assert (telefoon.uitnodigingen, telefoon.respons_procent, telefoon.reacties) == (1, Decimal("0.0"), 0)
    assert telefoon.dv01.gemiddelde is None
    assert telefoon.dv01.tevreden_procent is None


def test_per_product_en_per_team_met_een_groep_zonder(gegevens: Gegevens) -> None:
    resultaten = kto_resultaten(periode=MAART)
    product, zonder_product = resultaten.per_product
    assert product.naam == gegevens.product.naam
    assert (product.uitnodigingen, product.beantwoord, product.respons_procent) == (3, 2, Decimal("66.7"))
    # A, C, F: 8, 6, 7 -> 7.0; 7 or more: 2 of 3
    assert (product.reacties, product.dv01.gemiddelde, product.dv01.tevreden_procent) == (
        3,
        Decimal("7.0"),
        Decimal("66.7"),
    )
    assert (zonder_product.naam, zonder_product.uitnodigingen, zonder_product.reacties) == ("(geen)", 2, 1)
    assert zonder_product.dv01.gemiddelde == Decimal("9.0")
    team, zonder_team = resultaten.per_team
    assert (team.naam, team.uitnodigingen, team.reacties, team.dv01.gemiddelde) == (
        "Burgerzaken",
        2,
        2,
        Decimal("7.5"),
    )
    assert (zonder_team.uitnodigingen, zonder_team.beantwoord, zonder_team.respons_procent) == (
        3,
        2,
        Decimal("66.7"),
    )


def test_alleen_gescreende_opmerkingen_nieuwste_eerst(gegevens: Gegevens) -> None:
    opmerkingen = kto_resultaten(periode=MAART).opmerkingen
    assert [o.tekst for o in opmerkingen] == ["Snel geregeld.", "Prima geholpen door [NAAM]."]
    assert opmerkingen[0].kanaal == "website of app"
    assert opmerkingen[1].product == gegevens.product.naam
    assert all("Jan" not in o.tekst for o in opmerkingen)


def test_lege_periode_geeft_geen_cijfers() -> None:
    resultaten = kto_resultaten(periode=MAART)
    assert (resultaten.totaal.uitnodigingen, resultaten.totaal.reacties) == (0, 0)
    assert resultaten.totaal.respons_procent is None
    assert resultaten.totaal.dv01.gemiddelde is None
    assert resultaten.per_kanaal == resultaten.per_product == resultaten.per_team == ()
    assert resultaten.opmerkingen == ()


def test_resultaten_in_drie_queries(gegevens: Gegevens, django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(3):
        kto_resultaten(periode=MAART)
    # More groups and responses cost no more queries.
    ander = Team.objects.create(naam="Vergunningen")
    for kanaal in Burgerpeilingkanaal.values:
        _reactie(_uitnodiging(kanaal, team=ander), gescreend="Goed.", dv01_rapportcijfer=8)
    with django_assert_num_queries(3):
        kto_resultaten(periode=MAART)


def test_opmerkingen_in_een_query(gegevens: Gegevens, django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(1):
        opmerkingen = gescreende_opmerkingen(periode=MAART, aantal=1)
    assert [o.tekst for o in opmerkingen] == ["Snel geregeld."]
