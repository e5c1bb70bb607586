"""Services of the register: parties, verbonden partij or not, participants over time, agenda, documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.samenwerking import services
from raadhuis.samenwerking.models import Categorie, Deelnemer, Rechtsvorm, Samenwerkingsverband
from raadhuis.samenwerking.selectors.register import deelnemers_op, verbanden
from raadhuis.samenwerking.tests.factories import controller, programma, verband

pytestmark = pytest.mark.django_db


def test_verbonden_partij_only_with_both_interests() -> None:
    """BBV art. 1 lid 1 onder b: bestuurlijk and financieel belang, one is not enough."""
    mrdh = verband()
    regio = verband(
        naam="Arbeidsmarktregio Haaglanden",
        rechtsvorm=Rechtsvorm.CONVENANT,
        tooi_code="",
        financieel_belang=False,
        verplicht=True,
        wettelijke_grondslag="Wet SUWI art. 10",
    )
    assert mrdh.is_verbonden_partij
    assert mrdh.categorie == Categorie.GEMEENSCHAPPELIJKE_REGELINGEN
    assert not regio.is_verbonden_partij
    assert list(verbanden(alleen_verbonden_partijen=True)) == [mrdh]
    assert mrdh.slug == "metropoolregio-rotterdam-den-haag"


@pytest.mark.parametrize(
    ("rechtsvorm", "categorie"),
    [
        (Rechtsvorm.NV, Categorie.VENNOOTSCHAPPEN),
        (Rechtsvorm.COOPERATIE, Categorie.VENNOOTSCHAPPEN),
        (Rechtsvorm.STICHTING, Categorie.STICHTINGEN),
        (Rechtsvorm.VERENIGING, Categorie.STICHTINGEN),
        (Rechtsvorm.BEDRIJFSVOERINGSORGANISATIE, Categorie.GEMEENSCHAPPELIJKE_REGELINGEN),
        (Rechtsvorm.OVERIG, Categorie.OVERIG),
    ],
)
def test_legal_form_grouped_as_bbv_article_15_lid_2(rechtsvorm: str, categorie: str) -> None:
    assert verband(rechtsvorm=rechtsvorm, tooi_code="").categorie == categorie


def test_mandatory_cooperation_needs_its_legal_basis() -> None:
    with pytest.raises(ValidationError) as fout:
        verband(verplicht=True, wettelijke_grondslag="")
    assert "wettelijke grondslag" in str(fout.value.message_dict["wettelijke_grondslag"])
    assert not Samenwerkingsverband.objects.exists()


def test_party_code_not_in_tooi_is_refused() -> None:
    with pytest.raises(ValidationError) as fout:
        verband(tooi_code="so9999")
    assert "staat niet in de TOOI" in fout.value.message_dict["tooi_code"][0]


def test_only_register_roles_may_write() -> None:
    with pytest.raises(PermissionDenied, match="controller"):
        verband(door=MedewerkerFactory(rollen=[Rol.GRIFFIE]))
    for rol in (Rol.BEHEERDER, Rol.COLLEGELID):
        verband(door=MedewerkerFactory(rollen=[rol]), naam=f"Partij {rol}")


def test_unknown_field_refused() -> None:
    with pytest.raises(ValidationError, match="Onbekende velden: kleur"):
        services.verband_vastleggen(door=controller(), gegevens={"kleur": "rood"})


def test_membership_changes_over_time() -> None:
    """MRDH: Brielle left on 1 January 2023 when it merged into Voorne aan Zee, which joined."""
    door = controller()
    mrdh = verband(door=door)
    brielle = services.deelnemer_toevoegen(
        door=door, verband=mrdh, tooi_code="gm0501", toegetreden_op=dt.date(2015, 1, 1)
    )
    services.deelnemer_toevoegen(
        door=door, verband=mrdh, tooi_code="GM1926", toegetreden_op=dt.date(2015, 1, 1)
    )
    services.deelnemer_uittreden(
        door=door, deelnemer=brielle, uitgetreden_op=dt.date(2022, 12, 31), toelichting="fusie"
    )
    services.deelnemer_toevoegen(
        door=door, verband=mrdh, tooi_code="gm1992", toegetreden_op=dt.date(2023, 1, 1)
    )
    assert [d.tooi_code for d in deelnemers_op(mrdh, dt.date(2022, 6, 1))] == ["gm0501", "gm1926"]
    assert {d.tooi_code for d in deelnemers_op(mrdh, dt.date(2023, 6, 1))} == {"gm1926", "gm1992"}
    assert Deelnemer.objects.get(tooi_code="gm1926").naam == "gemeente Pijnacker-Nootdorp"


def test_participant_code_not_in_tooi_is_refused_and_nothing_changes() -> None:
    mrdh = verband()
    with pytest.raises(ValidationError) as fout:
        services.deelnemer_toevoegen(
            door=controller(), verband=mrdh, tooi_code="gm9999", toegetreden_op=dt.date(2016, 1, 1)
        )
    assert fout.value.message_dict["tooi_code"] == [
        "De code gm9999 staat niet in de TOOI-organisatielijsten; kies een gemeente (gm…) of een andere "
        "overheidsorganisatie met een geldige TOOI-code."
    ]
    assert not Deelnemer.objects.exists()


def test_participant_cannot_be_member_twice_at_once_or_before_the_start() -> None:
    door = controller()
    mrdh = verband(door=door)
    services.deelnemer_toevoegen(
        door=door, verband=mrdh, tooi_code="gm1926", toegetreden_op=dt.date(2015, 1, 1)
    )
    with pytest.raises(ValidationError, match="al deelnemer"):
        services.deelnemer_toevoegen(
            door=door, verband=mrdh, tooi_code="gm1926", toegetreden_op=dt.date(2020, 1, 1)
        )
    with pytest.raises(ValidationError, match="vóór de start"):
        services.deelnemer_toevoegen(
            door=door, verband=mrdh, tooi_code="gm0518", toegetreden_op=dt.date(2010, 1, 1)
        )


def test_strategic_agenda_with_opgaven_and_opdrachten() -> None:
    door = controller()
    mrdh = verband(door=door)
    agenda = services.agenda_vastleggen(
        door=door,
        verband=mrdh,
        titel="Met elkaar, voor elkaar",
        van_jaar=2023,
        tot_en_met_jaar=2026,
        vastgesteld_op=dt.date(2023, 5, 26),
        opgaven=[("A", ["a1", "a2"]), ("B", ["b1"])],
    )
    opdracht = agenda.opgaven.get(nummer=2).opdrachten.get()
    assert opdracht.nummer == 3
    services.opdracht_voortgang(door=door, opdracht=opdracht, voortgang=40, status="op_koers")
    with pytest.raises(ValidationError):
        services.opdracht_voortgang(door=door, opdracht=opdracht, voortgang=140, status="op_koers")


def test_programmes_linked(settings: Any) -> None:
    door = controller()
    mrdh = verband(door=door)
    services.programmas_koppelen(door=door, verband=mrdh, programmas=[programma()])
    assert mrdh.programmas.count() == 1


def test_document_checked_and_kept_private(settings: Any) -> None:
    door = controller()
    mrdh = verband(door=door)
    with pytest.raises(ValidationError) as fout:
        services.document_toevoegen(
            door=door,
            verband=mrdh,
            soort="begroting",
            titel="x",
            datum=dt.date(2026, 4, 1),
            bestand=SimpleUploadedFile("x.pdf", b"geen pdf"),
        )
    assert "bestand" in fout.value.message_dict
    document = services.document_toevoegen(
        door=door,
        verband=mrdh,
        soort="begroting",
        titel="Ontwerpbegroting 2027",
        datum=dt.date(2026, 4, 1),
        bestand=SimpleUploadedFile("begroting.pdf", b"%PDF-1.4\n%%EOF\n"),
        jaar=2027,
    )
    assert document.mediatype == "application/pdf"
    assert not Path(document.bestand.path).is_relative_to(settings.MEDIA_ROOT)
    document.bestand.delete(save=False)
