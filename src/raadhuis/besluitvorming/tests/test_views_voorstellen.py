"""Submitting and withdrawing moties and (sub)amendementen in the Werkplek: by the griffie for any
member, by a raadslid only as indiener (preselected); errors next to the field, nothing changes."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming.models import Agendapunt, Voorstel
from raadhuis.besluitvorming.tests.factories import (
    AgendapuntFactory,
    PersoonFactory,
    Raad,
    VergaderingFactory,
    VoorstelFactory,
    raad_met_leden,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def raad() -> Raad:
    return raad_met_leden((3, 2))


@pytest.fixture
def punt(raad: Raad) -> Agendapunt:
    return AgendapuntFactory(vergadering=VergaderingFactory(orgaan=raad.orgaan), titel="Bomenplan")


@pytest.fixture
def griffie(client: Client, griffier: Medewerker) -> Client:
    client.force_login(griffier)
    return client


def formulier(punt: Agendapunt) -> str:
    url = reverse("besluitvorming:werkplek_voorstel_nieuw", args=[punt.vergadering_id])
    return f"{url}?agendapunt={punt.pk}"


def motie(punt: Agendapunt, *indieners: int, **extra: object) -> dict[str, object]:
    return {
        "soort": "motie",
        "agendapunt": punt.pk,
        "titel": "Motie Meer bomen",
        "tekst": "De raad, ... verzoekt het college ...",
        "indieners": list(indieners),
        **extra,
    }


def test_griffie_dient_een_motie_in_die_op_de_stempagina_verschijnt(
    griffie: Client, raad: Raad, punt: Agendapunt
) -> None:
    antwoord = griffie.post(formulier(punt), motie(punt, raad.leden[0].pk, mede_indieners=[raad.leden[3].pk]))
    stempagina = reverse("besluitvorming:werkplek_agendapunt_stemmen", args=[punt.pk])
    assert antwoord.status_code == 302
    assert antwoord["Location"] == stempagina
    voorstel = Voorstel.objects.get(titel="Motie Meer bomen")
    assert voorstel.motie_type == Voorstel.MotieType.VOORSTEL
    assert {i.persoon for i in voorstel.indieners.all()} == {raad.leden[0], raad.leden[3]}
    pagina = griffie.get(stempagina).content.decode()
    assert "Motie Meer bomen" in pagina
    assert reverse("besluitvorming:werkplek_stemming_nieuw", args=[voorstel.pk]) in pagina


def test_amendement_kiest_alleen_uit_voorstellen_van_het_agendapunt(
    griffie: Client, raad: Raad, punt: Agendapunt
) -> None:
    raadsvoorstel = VoorstelFactory(
        vergadering=punt.vergadering,
        agendapunt=punt,
        soort=Voorstel.Soort.VOORSTEL,
        motie_type="",
        titel="Bomenplan",
    )
    elders = VoorstelFactory(
        vergadering=punt.vergadering,
        agendapunt=AgendapuntFactory(vergadering=punt.vergadering),
        soort=Voorstel.Soort.VOORSTEL,
        motie_type="",
        titel="Parkeerbeleid",
    )
    keuzes = list(griffie.get(formulier(punt)).context["form"].fields["wijzigt"].queryset)
    assert keuzes == [raadsvoorstel]
    zonder = griffie.post(formulier(punt), motie(punt, raad.leden[0].pk, soort="amendement"))
    assert zonder.status_code == 400
    assert "art. 147b" in zonder.context["form"].errors["wijzigt"][0]
    verkeerd = griffie.post(
        formulier(punt), motie(punt, raad.leden[0].pk, soort="amendement", wijzigt=elders.pk)
    )
    assert verkeerd.status_code == 400
    assert "wijzigt" in verkeerd.context["form"].errors
    goed = griffie.post(
        formulier(punt),
        motie(
            punt,
            raad.leden[0].pk,
            soort="amendement",
            titel="Amendement Twee bomen",
            wijzigt=raadsvoorstel.pk,
            gewijzigde_tekst="Besluit: twee bomen per gekapte boom.",
        ),
    )
    assert goed.status_code == 302
    amendement = Voorstel.objects.get(titel="Amendement Twee bomen")
    assert (amendement.wijzigt, amendement.agendapunt) == (raadsvoorstel, punt)
    assert Voorstel.objects.count() == 3


def test_motie_vreemd_hoort_niet_bij_een_agendapunt(griffie: Client, raad: Raad, punt: Agendapunt) -> None:
    fout = griffie.post(
        formulier(punt), motie(punt, raad.leden[0].pk, soort="motie_vreemd_aan_de_orde_van_de_dag")
    )
    assert fout.status_code == 400
    assert "vreemd aan de orde" in fout.context["form"].errors["agendapunt"][0]
    goed = griffie.post(
        formulier(punt),
        motie(punt, raad.leden[0].pk, soort="motie_vreemd_aan_de_orde_van_de_dag", agendapunt=""),
    )
    assert goed.status_code == 302
    assert Voorstel.objects.get().motie_type == Voorstel.MotieType.VREEMD


def test_wie_geen_zitting_heeft_staat_niet_bij_de_indieners(
    griffie: Client, raad: Raad, punt: Agendapunt
) -> None:
    buitenstaander = PersoonFactory()
    fout = griffie.post(formulier(punt), motie(punt, buitenstaander.pk))
    assert fout.status_code == 400
    assert fout.context["form"].errors["indieners"]
    assert not Voorstel.objects.exists()


def test_raadslid_is_voorgeselecteerd_en_dient_alleen_zelf_in(
    client: Client, raad: Raad, punt: Agendapunt
) -> None:
    raadslid = MedewerkerFactory(rollen=[Rol.RAADSLID])
    raad.leden[1].medewerker = raadslid
    raad.leden[1].save()
    client.force_login(raadslid)
    pagina = client.get(formulier(punt))
    assert pagina.status_code == 200
    assert pagina.context["form"].initial["indieners"] == [raad.leden[1].pk]
    assert f'value="{raad.leden[1].pk}" id="id_indieners_1" checked' in pagina.content.decode()
    namens = client.post(formulier(punt), motie(punt, raad.leden[0].pk))
    assert namens.status_code == 400
    assert "alleen eigen moties" in namens.context["form"].errors["indieners"][0]
    assert not Voorstel.objects.exists()
    eigen = client.post(formulier(punt), motie(punt, raad.leden[1].pk))
    assert eigen.status_code == 302
    assert eigen["Location"].endswith("#ingediend")
    assert Voorstel.objects.get().indieners.get().persoon == raad.leden[1]


def test_intrekken_vraagt_bevestiging_en_laat_amendementen_vervallen(
    griffie: Client, raad: Raad, punt: Agendapunt
) -> None:
    raadsvoorstel = VoorstelFactory(
        vergadering=punt.vergadering,
        agendapunt=punt,
        soort=Voorstel.Soort.VOORSTEL,
        motie_type="",
        titel="Bomenplan",
    )
    amendement = VoorstelFactory(
        vergadering=punt.vergadering,
        agendapunt=punt,
        soort=Voorstel.Soort.AMENDEMENT,
        motie_type="",
        wijzigt=raadsvoorstel,
        titel="Amendement Eik",
    )
    url = reverse("besluitvorming:werkplek_voorstel_intrekken", args=[raadsvoorstel.pk])
    bevestiging = griffie.get(url)
    assert "Amendement Eik" in bevestiging.content.decode()
    niet_bevestigd = griffie.post(url, {})
    assert niet_bevestigd.status_code == 400
    raadsvoorstel.refresh_from_db()
    assert raadsvoorstel.status == Voorstel.Status.INGEDIEND
    assert griffie.post(url, {"bevestigd": "on"}).status_code == 302
    for voorstel in (raadsvoorstel, amendement):
        voorstel.refresh_from_db()
        assert voorstel.status == Voorstel.Status.INGETROKKEN


def test_raadslid_trekt_andermans_motie_niet_in(client: Client, raad: Raad, punt: Agendapunt) -> None:
    motie_van_ander = VoorstelFactory(vergadering=punt.vergadering, agendapunt=punt)
    motie_van_ander.indieners.create(persoon=raad.leden[0], eerste=True)
    raadslid = MedewerkerFactory(rollen=[Rol.RAADSLID])
    raad.leden[1].medewerker = raadslid
    raad.leden[1].save()
    client.force_login(raadslid)
    url = reverse("besluitvorming:werkplek_voorstel_intrekken", args=[motie_van_ander.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"bevestigd": "on"}).status_code == 403
    motie_van_ander.refresh_from_db()
    assert motie_van_ander.status == Voorstel.Status.INGEDIEND


def test_raadslid_ziet_de_geplande_vergaderingen(client: Client, punt: Agendapunt) -> None:
    client.force_login(MedewerkerFactory(rollen=[Rol.RAADSLID]))
    pagina = client.get(reverse("besluitvorming:werkplek_voorstellen")).content.decode()
    assert reverse("besluitvorming:werkplek_voorstel_nieuw", args=[punt.vergadering_id]) in pagina
