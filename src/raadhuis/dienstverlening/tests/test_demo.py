"""Demo data of dienstverlening: loads once, later runs change nothing."""

from __future__ import annotations

import io

import pytest
from django.core.management.base import OutputWrapper

from raadhuis.accounts.models import Medewerker
from raadhuis.dienstverlening import demo
from raadhuis.dienstverlening.models import Product


@pytest.mark.django_db
def test_demo_laadt_producten_eenmaal(beheerder: Medewerker) -> None:
    demo.laden(OutputWrapper(io.StringIO()))
    demo.laden(OutputWrapper(io.StringIO()))
    assert Product.objects.count() == len(demo.PRODUCTEN)
    assert Product.objects.get(slug="vertrek-buitenland").minimum_betrouwbaarheidsniveau == 30
    assert Product.objects.get(slug="aangifte-overlijden").doelgroep == "ondernemer"


@pytest.mark.django_db
def test_demo_zonder_beheerder_slaat_producten_over() -> None:
    uitvoer = io.StringIO()
    demo.laden(OutputWrapper(uitvoer))
    assert not Product.objects.exists()
    assert "overgeslagen" in uitvoer.getvalue()


@pytest.mark.django_db
def test_demo_zaken_zijn_consistent_genummerd_en_eenmalig(beheerder: Medewerker) -> None:
    from django.db.models import Count, Max, Min

    from raadhuis.accounts.models import Rol
    from raadhuis.dienstverlening.models import Rol as Zaakrol
    from raadhuis.dienstverlening.models import RolGeneriek, Zaak, Zaakstatus
    from raadhuis.dienstverlening.tests.factories import medewerker

    medewerker(Rol.BEHANDELAAR)
    demo.laden(OutputWrapper(io.StringIO()))
    aantal = Zaak.objects.count()
    assert aantal == 200  # RAADHUIS_DEMO_ZAKEN in the test run
    demo.laden(OutputWrapper(io.StringIO()))
    assert Zaak.objects.count() == aantal

    assert Zaak.objects.filter(initiator_bsn=demo.DEMO_BSN).count() >= 12
    assert Zaak.objects.filter(einddatum__isnull=True).exists()
    assert Zaak.objects.filter(einddatum__isnull=False).exists()
    # Gapless per year, as zaak_aanmaken numbers them.
    for jaar in Zaak.objects.values("jaar").annotate(
        n=Count("id"), laagste=Min("volgnummer"), hoogste=Max("volgnummer")
    ):
        assert (jaar["laagste"], jaar["hoogste"]) == (1, jaar["n"])
    for zaak in Zaak.objects.select_related("statustype"):
        historie = list(Zaakstatus.objects.filter(zaak=zaak).order_by("datum_status_gezet", "id"))
        assert historie[-1].statustype_id == zaak.statustype_id
        assert (
            zaak.statustype.is_eindstatus
            == (zaak.einddatum is not None)
            == (zaak.resultaattype_id is not None)
        )
        behandelaars = Zaakrol.objects.filter(
            zaak=zaak, roltype__omschrijving_generiek=RolGeneriek.BEHANDELAAR
        )
        assert [rol.medewerker_id for rol in behandelaars] == (
            [zaak.behandelaar_id] if zaak.behandelaar_id else []
        )
        assert Zaakrol.objects.filter(
            zaak=zaak, roltype__omschrijving_generiek=RolGeneriek.INITIATOR, bsn=zaak.initiator_bsn
        ).exists()
