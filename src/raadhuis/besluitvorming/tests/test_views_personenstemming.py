"""The page of a secret written vote on persons (Gemeentewet art. 31): counts per round, the open record
updated round by round until someone is chosen, herstemming and lot; nobody's vote is recorded."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming.models import Agendapunt, Besluit, Stem, Stemming
from raadhuis.besluitvorming.tests.factories import (
    AgendapuntFactory,
    Raad,
    VergaderingFactory,
    raad_met_leden,
)

pytestmark = pytest.mark.django_db

KANDIDATEN = "Anna Jansen\nBram de Vries"


@pytest.fixture
def raad() -> Raad:
    return raad_met_leden((3, 2))


@pytest.fixture
def punt(raad: Raad) -> Agendapunt:
    return AgendapuntFactory(
        vergadering=VergaderingFactory(orgaan=raad.orgaan), titel="Benoeming voorzitter rekenkamer"
    )


@pytest.fixture
def griffie(client: Client, griffier: Medewerker) -> Client:
    client.force_login(griffier)
    return client


def url(punt: Agendapunt) -> str:
    return reverse("besluitvorming:werkplek_stemming_over_personen", args=[punt.pk])


def invoer(raad: Raad, *rondes: tuple[int, int, int], **extra: object) -> dict[str, object]:
    """Rounds as (Jansen, De Vries, blanco); everyone present."""
    gegevens: dict[str, object] = {
        "actie": "vastleggen",
        "kandidaten": KANDIDATEN,
        "aanwezig": [lid.pk for lid in raad.leden],
        "rondes": str(len(rondes)),
        **extra,
    }
    for nummer, (jansen, de_vries, blanco) in enumerate(rondes, start=1):
        gegevens |= {
            f"ronde{nummer}_k0": jansen,
            f"ronde{nummer}_k1": de_vries,
            f"ronde{nummer}_blanco": blanco,
        }
    return gegevens


def test_kandidaten_geven_de_velden_van_een_ronde(griffie: Client, punt: Agendapunt) -> None:
    leeg = griffie.get(url(punt))
    assert leeg.status_code == 200
    assert "Ronde 1" not in leeg.content.decode()
    pagina = griffie.post(url(punt), {"actie": "kandidaten", "kandidaten": KANDIDATEN, "rondes": "1"})
    inhoud = pagina.content.decode()
    assert pagina.status_code == 200
    assert "Ronde 1: stemmen op Bram de Vries" in inhoud
    assert not Stemming.objects.exists()


def test_gekozen_in_de_eerste_ronde(griffie: Client, raad: Raad, punt: Agendapunt) -> None:
    antwoord = griffie.post(url(punt), invoer(raad, (3, 2, 0)))
    assert antwoord.status_code == 302
    stemming = Stemming.objects.get(over_personen=True)
    assert stemming.uitkomst == Stemming.Uitkomst.GEKOZEN
    assert Besluit.objects.get(agendapunt=punt).stemming == stemming
    assert not Stem.objects.exists()  # secret: nobody's vote is stored
    pagina = griffie.get(url(punt)).content.decode()
    assert "Gekozen: Anna Jansen met 3 van 5 stemmen" in pagina
    assert "Ronde vastleggen" not in pagina


def test_ronde_voor_ronde_tot_het_lot_beslist(griffie: Client, raad: Raad, punt: Agendapunt) -> None:
    rondes = [(2, 2, 1)]
    assert griffie.post(url(punt), invoer(raad, *rondes)).status_code == 302
    open_stemming = Stemming.objects.get(over_personen=True)
    assert open_stemming.uitkomst == Stemming.Uitkomst.VOLGENDE_RONDE
    # The recorded round is filled in again, with an empty round for the next one.
    volgende = griffie.get(url(punt))
    assert volgende.context["form"].aantal_rondes == 2
    assert volgende.context["form"].initial["ronde1_k0"] == 2
    assert "tweede, vrije stemming" in volgende.content.decode()
    for ronde in [(2, 2, 1), (2, 2, 1), (2, 2, 1)]:
        rondes.append(ronde)
        assert griffie.post(url(punt), invoer(raad, *rondes)).status_code == 302
    uitkomst = Stemming.objects.get(over_personen=True)
    assert uitkomst.pk == open_stemming.pk  # one record, updated round by round
    assert uitkomst.uitkomst == Stemming.Uitkomst.VOLGENDE_RONDE
    pagina = griffie.get(url(punt)).content.decode()
    assert "Het lot moet beslissen tussen Anna Jansen en Bram de Vries" in pagina
    # The lot drawn in the meeting, given as a name that is not a candidate: refused, nothing changes.
    fout = griffie.post(url(punt), invoer(raad, *rondes, lot="Karel Anders"))
    assert fout.status_code == 400
    assert "Karel Anders hoort daar niet bij" in " ".join(fout.context["form"].non_field_errors())
    assert griffie.post(url(punt), invoer(raad, *rondes, lot="Bram de Vries")).status_code == 302
    uitkomst.refresh_from_db()
    assert uitkomst.uitkomst == Stemming.Uitkomst.GEKOZEN
    assert "Gekozen: Bram de Vries, door het lot (Gemeentewet art. 31 lid 3)" in uitkomst.uitleg


def test_meer_stembriefjes_dan_aanwezigen_wordt_geweigerd(
    griffie: Client, raad: Raad, punt: Agendapunt
) -> None:
    gegevens = invoer(raad, (3, 2, 0))
    gegevens["aanwezig"] = [lid.pk for lid in raad.leden[:4]]
    antwoord = griffie.post(url(punt), gegevens)
    assert antwoord.status_code == 400
    assert "meer dan de 4 aanwezige leden" in " ".join(antwoord.context["form"].non_field_errors())
    assert not Stemming.objects.exists()


def test_systeem_trekt_het_lot(griffie: Client, raad: Raad, punt: Agendapunt) -> None:
    rondes = [(2, 2, 1)] * 4
    assert griffie.post(url(punt), invoer(raad, *rondes, lot_trekken="on")).status_code == 302
    stemming = Stemming.objects.get(over_personen=True)
    assert stemming.uitkomst == Stemming.Uitkomst.GEKOZEN
    assert any("door het lot" in regel for regel in stemming.uitleg)


def test_alleen_de_griffie(client: Client, punt: Agendapunt) -> None:
    client.force_login(MedewerkerFactory(rollen=[Rol.RAADSLID]))
    assert client.get(url(punt)).status_code == 403
