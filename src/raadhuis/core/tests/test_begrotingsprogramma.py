"""The begrotingsprogramma's and the Iv3 taakvelden they map to (BBV art. 7-8)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core import iv3
from raadhuis.core.models import Begrotingsprogramma
from raadhuis.core.selectors import begrotingsprogramma, begrotingsprogrammas
from raadhuis.core.services import programma_vastleggen

pytestmark = pytest.mark.django_db


@pytest.fixture
def controller():
    return MedewerkerFactory(rollen=[Rol.CONTROLLER])


def _programma(controller, **velden):
    gegevens = {
        "nummer": 1,
        "naam": "Bestuur en Dienstverlening",
        "taakvelden": ["0.2", "0.1"],
        "vanaf_jaar": 2023,
    }
    return programma_vastleggen(door=controller, gegevens={**gegevens, **velden})


def test_taakvelden_are_strings_so_0_10_is_not_0_1():
    assert iv3.taakveld("0.1").naam == "Bestuur"
    assert iv3.taakveld("0.10").naam == "Mutaties reserves"
    assert iv3.taakveld("0.2").hoofdtaakveld == "0"
    assert len([t for t in iv3.taakvelden() if t.startswith("0.")]) == 14


def test_controller_records_a_programme_with_taakvelden_in_list_order(controller):
    programma = _programma(controller)
    assert programma.slug == "bestuur-en-dienstverlening"
    assert programma.taakvelden == ["0.1", "0.2"]
    assert begrotingsprogramma("bestuur-en-dienstverlening") == programma


def test_unknown_taakveld_is_refused_and_nothing_is_stored(controller):
    with pytest.raises(ValidationError) as fout:
        _programma(controller, taakvelden=["0.1", "9.9"])
    assert "Onbekend Iv3-taakveld: 9.9" in str(fout.value)
    assert not Begrotingsprogramma.objects.exists()


def test_a_number_is_used_once_in_overlapping_years(controller):
    _programma(controller, tot_en_met_jaar=2026)
    with pytest.raises(ValidationError) as fout:
        _programma(controller, naam="Iets anders", vanaf_jaar=2025)
    assert "Programma 1 bestaat al" in str(fout.value)
    # After the old programme ends, the number is free again (a new council term, a new structure).
    later = _programma(controller, naam="Bestuur", vanaf_jaar=2027)
    assert later.slug == "bestuur"


def test_period_must_run_forward(controller):
    with pytest.raises(ValidationError):
        _programma(controller, vanaf_jaar=2026, tot_en_met_jaar=2024)


def test_unknown_field_is_refused(controller):
    with pytest.raises(ValidationError):
        _programma(controller, kleur="rood")


def test_only_controller_or_beheerder_may_record(db):
    with pytest.raises(PermissionDenied):
        _programma(MedewerkerFactory(rollen=[Rol.GRIFFIE]))


def test_selector_filters_on_year(controller):
    oud = _programma(controller, tot_en_met_jaar=2024)
    nieuw = _programma(controller, nummer=2, naam="Veiligheid", taakvelden=["1.1"], vanaf_jaar=2025)
    assert list(begrotingsprogrammas(jaar=2024)) == [oud]
    assert list(begrotingsprogrammas(jaar=2025)) == [nieuw]
    assert list(begrotingsprogrammas()) == [oud, nieuw]
    assert oud.geldt_in(2023)
    assert not oud.geldt_in(2025)
