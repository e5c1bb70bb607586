"""Meedoen notifications: double opt-in, one-click cancel, each event once (AVG arts. 6-7)."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from raadhuis.accounts.tests.hulp import TweestapClient
from raadhuis.samenleving.models import Abonnement
from raadhuis.samenleving.services import abonnementen

pytestmark = pytest.mark.django_db


def _links(bericht: mail.EmailMessage) -> list[str]:
    return re.findall(r"https?://\S+", str(bericht.body))


def _bevestigd(adres: str = "lezer@example.org", **keuzes: bool) -> Abonnement:
    abonnementen.abonnement_aanvragen(
        emailadres=adres, consultaties=keuzes.get("consultaties", True), petities=keuzes.get("petities", True)
    )
    return abonnementen.abonnement_bevestigen(abonnement=Abonnement.objects.get(emailadres=adres))


def test_aanmelden_stuurt_alleen_een_bevestiging() -> None:
    abonnementen.abonnement_aanvragen(emailadres="Lezer@Example.org", consultaties=True, petities=False)
    abonnement = Abonnement.objects.get()
    assert abonnement.emailadres == "lezer@example.org"
    assert abonnement.bevestigd_op is None
    assert len(mail.outbox) == 1
    assert any("/meedoen/meldingen/" in link and "/bevestigen/" in link for link in _links(mail.outbox[0]))
    assert abonnementen.melden(onderwerp="consultaties", sleutel="x", titel="X", url="https://x") == 0


def test_aanmelden_zonder_onderwerp_of_met_onjuist_adres() -> None:
    with pytest.raises(ValidationError) as fout:
        abonnementen.abonnement_aanvragen(emailadres="geen", consultaties=False, petities=False)
    assert set(fout.value.message_dict) == {"emailadres", "consultaties"}
    assert not Abonnement.objects.exists()


def test_elke_gebeurtenis_eenmaal_en_alleen_voor_het_gekozen_onderwerp() -> None:
    _bevestigd("a@example.org", petities=False)
    _bevestigd("b@example.org")
    mail.outbox.clear()
    assert (
        abonnementen.petitie_geopend_melden(titel="Red het bos", url="/meedoen/petities/1/", sleutel="p-1")
        == 1
    )
    assert mail.outbox[0].to == ["b@example.org"]
    assert "Red het bos" in mail.outbox[0].subject
    assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert (
        abonnementen.petitie_geopend_melden(titel="Red het bos", url="/meedoen/petities/1/", sleutel="p-1")
        == 0
    )


def test_bevestigen_en_afmelden_via_de_links(client: TweestapClient) -> None:
    abonnementen.abonnement_aanvragen(emailadres="lezer@example.org", consultaties=True, petities=True)
    abonnement = Abonnement.objects.get()
    sleutel = abonnementen.sleutel(abonnement)
    bevestigen = reverse("samenleving:abonnement_bevestigen", args=[abonnement.pk, sleutel])
    assert client.get(bevestigen).status_code == 200
    abonnement.refresh_from_db()
    assert abonnement.bevestigd_op is None  # a GET (a mail scanner) confirms nothing
    client.post(bevestigen)
    abonnement.refresh_from_db()
    assert abonnement.bevestigd_op is not None
    fout = reverse("samenleving:abonnement_opzeggen", args=[abonnement.pk, "verkeerd"])
    assert client.get(fout).status_code == 404
    client.post(reverse("samenleving:abonnement_opzeggen", args=[abonnement.pk, sleutel]))
    assert not Abonnement.objects.exists()


def test_aanmeldformulier_met_onjuiste_invoer(client: TweestapClient) -> None:
    antwoord = client.post(reverse("samenleving:meldingen"), {"emailadres": "x@", "consultaties": ""})
    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert 'id="id_emailadres_error"' in html
    assert 'id="id_consultaties_error"' in html
    assert not Abonnement.objects.exists()
    goed = client.post(reverse("samenleving:meldingen"), {"emailadres": "x@example.org", "petities": "on"})
    assert goed.status_code == 302
