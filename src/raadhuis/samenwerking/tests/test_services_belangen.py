"""Services of the interests: representation over time, financieel belang per year, risks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming.tests.factories import PersoonFactory
from raadhuis.samenwerking import services
from raadhuis.samenwerking.models import Jaarcijfers, Vertegenwoordiging
from raadhuis.samenwerking.selectors import bijdragen_aan_programma, signalen
from raadhuis.samenwerking.selectors.register import vertegenwoordigers_op
from raadhuis.samenwerking.tests.factories import controller, programma, verband

pytestmark = pytest.mark.django_db


def test_mandates_over_time_with_person_or_plain_name() -> None:
    door = controller()
    mrdh = verband(door=door)
    wethouder = PersoonFactory(voornaam="Anna", achternaam="Jansen (demo)")
    services.vertegenwoordiging_vastleggen(
        door=door,
        verband=mrdh,
        bestuursorgaan="ab",
        persoon=wethouder,
        functie="wethouder",
        begin=dt.date(2018, 4, 1),
        einde=dt.date(2022, 5, 31),
    )
    services.vertegenwoordiging_vastleggen(
        door=door, verband=mrdh, bestuursorgaan="ab", naam="B. de Vries (demo)", begin=dt.date(2022, 6, 1)
    )
    assert [v.wie for v in vertegenwoordigers_op(mrdh, dt.date(2020, 1, 1))] == [str(wethouder)]
    assert [v.wie for v in vertegenwoordigers_op(mrdh, dt.date(2024, 1, 1))] == ["B. de Vries (demo)"]


def test_overlapping_mandates_for_one_seat_refused() -> None:
    door = controller()
    mrdh = verband(door=door)
    services.vertegenwoordiging_vastleggen(
        door=door, verband=mrdh, bestuursorgaan="db", naam="A", begin=dt.date(2022, 6, 1)
    )
    with pytest.raises(ValidationError) as fout:
        services.vertegenwoordiging_vastleggen(
            door=door, verband=mrdh, bestuursorgaan="db", naam="B", begin=dt.date(2024, 1, 1)
        )
    assert fout.value.message_dict["begin"] == [
        "Zetel 1 in het dagelijks bestuur is in deze periode al bezet door A (01-06-2022 tot heden). "
        "Beëindig eerst dat mandaat."
    ]
    # Another seat, or another body, is fine; so is the same seat after the first mandate ended.
    services.vertegenwoordiging_vastleggen(
        door=door, verband=mrdh, bestuursorgaan="db", zetel="2", naam="B", begin=dt.date(2024, 1, 1)
    )
    services.vertegenwoordiging_vastleggen(
        door=door, verband=mrdh, bestuursorgaan="ab", naam="B", begin=dt.date(2024, 1, 1)
    )
    eerste = Vertegenwoordiging.objects.get(naam="A")
    services.vertegenwoordiging_beeindigen(door=door, mandaat=eerste, einde=dt.date(2023, 12, 31))
    services.vertegenwoordiging_vastleggen(
        door=door, verband=mrdh, bestuursorgaan="db", naam="C", begin=dt.date(2024, 1, 1)
    )
    assert Vertegenwoordiging.objects.count() == 4


def test_mandate_needs_someone() -> None:
    with pytest.raises(ValidationError, match="Kies een persoon of vul een naam in"):
        services.vertegenwoordiging_vastleggen(
            door=controller(), verband=verband(), bestuursorgaan="ab", begin=dt.date(2020, 1, 1)
        )


def test_financial_interest_per_year_and_update() -> None:
    door = controller()
    mrdh = verband(door=door)
    services.jaarcijfers_vastleggen(
        door=door,
        verband=mrdh,
        jaar=2026,
        gegevens={"bijdrage_begroot": Decimal("250000"), "aandeel": Decimal("2.5")},
    )
    services.jaarcijfers_vastleggen(
        door=door, verband=mrdh, jaar=2026, gegevens={"bijdrage_werkelijk": Decimal("248000")}
    )
    cijfers = Jaarcijfers.objects.get()
    assert (cijfers.bijdrage_begroot, cijfers.bijdrage_werkelijk) == (Decimal("250000"), Decimal("248000"))


def test_contribution_for_a_year_before_the_party_existed_refused() -> None:
    door = controller()
    mrdh = verband(door=door)
    with pytest.raises(ValidationError) as fout:
        services.jaarcijfers_vastleggen(
            door=door, verband=mrdh, jaar=2014, gegevens={"bijdrage_begroot": Decimal(1)}
        )
    assert fout.value.message_dict["jaar"] == [
        "Metropoolregio Rotterdam Den Haag bestaat pas sinds 01-01-2015; voor 2014 kan geen bijdrage of "
        "financieel belang worden vastgelegd."
    ]
    assert not Jaarcijfers.objects.exists()


def test_share_above_hundred_percent_refused() -> None:
    with pytest.raises(ValidationError) as fout:
        services.jaarcijfers_vastleggen(
            door=controller(), verband=verband(), jaar=2026, gegevens={"aandeel": Decimal(120)}
        )
    assert "aandeel" in fout.value.message_dict


def test_risk_scores_between_one_and_five() -> None:
    door = controller()
    mrdh = verband(door=door)
    risico = services.risico_vastleggen(
        door=door,
        verband=mrdh,
        gegevens={
            "omschrijving": "Lagere rijksbijdrage",
            "kans": 3,
            "impact": 4,
            "bedrag_weerstandsvermogen": Decimal(100000),
        },
    )
    assert risico.pk
    with pytest.raises(ValidationError) as fout:
        services.risico_vastleggen(
            door=door, verband=mrdh, gegevens={"omschrijving": "x", "kans": 6, "impact": 0}
        )
    assert set(fout.value.message_dict) == {"kans", "impact"}


def test_griffie_may_not_change_finances() -> None:
    with pytest.raises(PermissionDenied):
        services.jaarcijfers_vastleggen(
            door=MedewerkerFactory(rollen=[Rol.GRIFFIE]), verband=verband(), jaar=2026, gegevens={}
        )


def test_contributions_to_a_programme() -> None:
    """The programme chapter reads each verbonden partij's contribution (BBV art. 8 lid 3 onder b)."""
    door = controller()
    bestuur, ander = programma(1), programma(2, "Veiligheid")
    mrdh = verband(door=door)
    services.programmas_koppelen(door=door, verband=mrdh, programmas=[bestuur])
    vrh = verband(door=door, naam="Veiligheidsregio Haaglanden", tooi_code="so0044")
    services.programmas_koppelen(door=door, verband=vrh, programmas=[ander])
    niet_verbonden = verband(door=door, naam="Convenant", tooi_code="", financieel_belang=False)
    services.programmas_koppelen(door=door, verband=niet_verbonden, programmas=[bestuur])
    services.jaarcijfers_vastleggen(
        door=door, verband=mrdh, jaar=2026, gegevens={"bijdrage_begroot": Decimal("1000.50")}
    )
    bijdragen = bijdragen_aan_programma(programma=bestuur, jaar=2026)
    assert [(b.partij, b.slug, b.begroot, b.werkelijk) for b in bijdragen] == [
        ("Metropoolregio Rotterdam Den Haag", "metropoolregio-rotterdam-den-haag", Decimal("1000.50"), None)
    ]
    assert bijdragen_aan_programma(programma=bestuur, jaar=2010) == []


def test_signals_for_negative_equity_and_steep_rise() -> None:
    door = controller()
    mrdh = verband(door=door)
    services.jaarcijfers_vastleggen(
        door=door, verband=mrdh, jaar=2025, gegevens={"bijdrage_begroot": Decimal(100)}
    )
    services.jaarcijfers_vastleggen(
        door=door,
        verband=mrdh,
        jaar=2026,
        gegevens={"bijdrage_begroot": Decimal(112), "eigen_vermogen_eind": Decimal(-5)},
    )
    soorten = [s.soort for s in signalen(jaar=2026, drempel_procent=Decimal(10))]
    assert soorten == ["negatief_vermogen", "stijging"]
    assert [s.soort for s in signalen(jaar=2026, drempel_procent=Decimal(15))] == ["negatief_vermogen"]
