"""Reads: the agenda tree and its filters, public items only, statuses as of a date, figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from raadhuis.uitvoering import selectors, services
from raadhuis.uitvoering.models import PcMoment, Status
from raadhuis.uitvoering.tests.hulp import Keten, collegelid, keten

pytestmark = pytest.mark.django_db


def _tweede_activiteit(k: Keten, **velden: object) -> object:
    gegevens: dict[str, object] = {
        "actie": k.actie,
        "titel": "Geheim voorbereidend werk",
        "begin": dt.date(2024, 2, 1),
        "einde": dt.date(2024, 6, 1),
    }
    gegevens.update(velden)
    return services.activiteit_vastleggen(door=k.door, gegevens=gegevens, budget={2024: Decimal("1000")})


def _titels(boom: list[selectors.AmbitieTak]) -> list[str]:
    return [
        a.titel for tak in boom for doel in tak.doelen for actie in doel.acties for a in actie.activiteiten
    ]


def test_boom_toont_de_hele_keten() -> None:
    k = keten()
    boom = selectors.agendaboom(k.akkoord)
    assert boom[0].ambitie == k.ambitie
    assert boom[0].doelen[0].doel == k.doel
    assert boom[0].doelen[0].acties[0].actie == k.actie
    assert _titels(boom) == ["Tussenbalans opstellen"]


def test_boom_filtert_op_status_en_laat_lege_takken_weg() -> None:
    k = keten()
    _tweede_activiteit(k)
    services.voortgang_vastleggen(
        door=k.door, activiteit=k.activiteit, moment=PcMoment.BEGROTING, jaar=2024,
        datum=dt.date(2024, 5, 1), status=Status.RISICO, toelichting="Krap.",
    )  # fmt: skip
    assert _titels(selectors.agendaboom(k.akkoord, selectors.Boomfilter(status=Status.RISICO))) == [
        "Tussenbalans opstellen"
    ]
    assert selectors.agendaboom(k.akkoord, selectors.Boomfilter(status=Status.AFGEROND)) == []


def test_boom_filtert_op_portefeuillehouder_ook_via_de_actie() -> None:
    k = keten()
    houder = collegelid()
    services.actie_vastleggen(door=k.door, gegevens={"portefeuillehouder": houder}, actie=k.actie)
    _tweede_activiteit(k, portefeuillehouder=collegelid())
    boom = selectors.agendaboom(k.akkoord, selectors.Boomfilter(portefeuillehouder_id=houder.pk))
    assert _titels(boom) == ["Tussenbalans opstellen"]
    assert (houder.pk, str(houder)) in selectors.portefeuillehouders(k.akkoord)


def test_boom_filtert_op_programma() -> None:
    k = keten()
    from raadhuis.uitvoering.tests.hulp import programma

    ander = programma(k.door, nummer=2, naam="Veiligheid")
    assert selectors.agendaboom(k.akkoord, selectors.Boomfilter(programma=ander)) == []
    assert _titels(selectors.agendaboom(k.akkoord, selectors.Boomfilter(programma=k.programma)))


def test_niet_openbare_onderdelen_verschijnen_nooit_publiek() -> None:
    k = keten()
    _tweede_activiteit(k, openbaar=False)
    services.voortgang_vastleggen(
        door=k.door, activiteit=k.activiteit, moment=PcMoment.BEGROTING, jaar=2024,
        datum=dt.date(2024, 5, 1), status=Status.OP_SCHEMA, toelichting="Interne notitie", openbaar=False,
    )  # fmt: skip
    publiek = selectors.Boomfilter(alleen_openbaar=True)
    boom = selectors.agendaboom(k.akkoord, publiek)
    assert _titels(boom) == ["Tussenbalans opstellen"]
    assert list(boom[0].doelen[0].acties[0].activiteiten[0].updates.all()) == []
    services.actie_vastleggen(door=k.door, gegevens={"openbaar": False}, actie=k.actie)
    assert selectors.agendaboom(k.akkoord, publiek)[0].doelen[0].acties == []
    services.ambitie_vastleggen(door=k.door, gegevens={"openbaar": False}, ambitie=k.ambitie)
    assert selectors.agendaboom(k.akkoord, publiek) == []
    services.akkoord_vastleggen(door=k.door, gegevens={"openbaar": False}, akkoord=k.akkoord)
    assert selectors.akkoord_op_slug(k.akkoord.slug, alleen_openbaar=True) is None


def test_boom_in_een_vast_aantal_queries() -> None:
    k = keten()
    with CaptureQueriesContext(connection) as een:
        selectors.agendaboom(k.akkoord)
    for index in range(5):
        _tweede_activiteit(k, titel=f"Extra {index}")
    with CaptureQueriesContext(connection) as zes:
        selectors.agendaboom(k.akkoord)
    assert len(zes) == len(een)


def test_actiestatus_is_de_ernstigste_open_status() -> None:
    assert (
        selectors.samengevatte_status([Status.OP_SCHEMA, Status.VERTRAAGD, Status.AFGEROND])
        == Status.VERTRAAGD
    )
    assert selectors.samengevatte_status([Status.AFGEROND, Status.VERVALLEN]) == Status.AFGEROND
    assert selectors.samengevatte_status([Status.VERVALLEN]) == Status.VERVALLEN
    assert selectors.samengevatte_status([]) == Status.NIET_GESTART


def test_budget_begroot_en_besteed_per_jaar_neemt_de_laatste_update() -> None:
    k = keten()
    for datum, besteed in ((dt.date(2024, 4, 1), "5000"), (dt.date(2024, 9, 1), "12000")):
        services.voortgang_vastleggen(
            door=k.door, activiteit=k.activiteit, moment=PcMoment.BESTUURSRAPPORTAGE, jaar=2024,
            datum=datum, status=Status.OP_SCHEMA, toelichting="x", besteed=Decimal(besteed),
        )  # fmt: skip
    cijfers = selectors.budget_per_jaar(list(selectors.activiteiten_van_programma(k.programma)))
    assert cijfers == [selectors.Jaarcijfers(2024, Decimal("25000"), Decimal("12000"))]


def test_mid_term_review_kijkt_naar_de_stand_op_de_peildatum() -> None:
    k = keten()
    for datum, status in ((dt.date(2024, 5, 1), Status.VERTRAAGD), (dt.date(2024, 9, 1), Status.AFGEROND)):
        services.voortgang_vastleggen(
            door=k.door, activiteit=k.activiteit, moment=PcMoment.MID_TERM_REVIEW, jaar=2024,
            datum=datum, status=status, toelichting=str(status),
        )  # fmt: skip
    juni = selectors.mid_term_review(akkoord=k.akkoord, peildatum=dt.date(2024, 6, 1)).ambities[0]
    assert [r.status for r in juni.risico] == [Status.VERTRAAGD]
    assert juni.gedaan == []
    oktober = selectors.mid_term_review(akkoord=k.akkoord, peildatum=dt.date(2024, 10, 1)).ambities[0]
    assert [r.activiteit for r in oktober.gedaan] == [k.activiteit]
    assert [r.activiteit for r in oktober.gewijzigd] == [k.activiteit]
    assert oktober.risico == []


def test_hoofdstuk_in_begroting_gebruikt_de_toekomende_tijd() -> None:
    k = keten()
    hoofdstuk = selectors.programmahoofdstuk(programma=k.programma, jaar=2024, soort=selectors.BEGROTING)
    assert hoofdstuk.vragen == (
        "Wat willen we bereiken?",
        "Wat gaan we daarvoor doen?",
        "Wat mag het kosten?",
    )
    assert hoofdstuk.begroot == Decimal("25000")
    assert len(hoofdstuk.bbv_indicatoren) == 5


def test_hoofdstuk_neemt_de_bijdragen_van_verbonden_partijen_op(monkeypatch: pytest.MonkeyPatch) -> None:
    from raadhuis.samenwerking.selectors import Programmabijdrage
    from raadhuis.uitvoering import rapporten
    from raadhuis.uitvoering.selectors import verantwoording

    k = keten()
    gevraagd: list[tuple[object, int]] = []

    def bijdragen(*, programma: object, jaar: int) -> list[Programmabijdrage]:
        gevraagd.append((programma, jaar))
        return [Programmabijdrage("Metropoolregio (demo)", "mrdh", Decimal("1000"), Decimal("990"))]

    monkeypatch.setattr(verantwoording, "bijdragen_aan_programma", bijdragen)
    hoofdstuk = selectors.programmahoofdstuk(programma=k.programma, jaar=2024)
    assert gevraagd == [(k.programma, 2024)]
    assert "verbonden partij;;Metropoolregio (demo);;EUR;1000;990" in rapporten.hoofdstuk_csv(hoofdstuk)
