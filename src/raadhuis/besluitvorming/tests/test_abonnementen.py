"""E-mail notifications of new agendas and besluitenlijsten: double opt-in, one-click cancel,
each notification once, only public content (Gemeentewet arts. 19, 23; AVG arts. 6-7)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from raadhuis.besluitvorming import services
from raadhuis.besluitvorming.models import Abonnement, Besluit, Melding
from raadhuis.besluitvorming.services import abonnementen
from raadhuis.besluitvorming.tests.factories import AgendapuntFactory, OrgaanFactory, VergaderingFactory
from raadhuis.core.models import Logregel

pytestmark = pytest.mark.django_db


def _links(bericht: mail.EmailMessage) -> list[str]:
    return re.findall(r"https?://\S+", str(bericht.body))


def _aanmelden(adres: str = "Inwoner@Voorbeeld.nl", orgaan=None, **velden) -> Abonnement:
    abonnementen.abonnement_aanvragen(
        emailadres=adres,
        orgaan=orgaan,
        agendas=velden.get("agendas", True),
        besluiten=velden.get("besluiten", True),
    )
    return Abonnement.objects.get(emailadres=adres.strip().lower(), orgaan=orgaan)


def _bevestigd(adres: str = "inwoner@voorbeeld.nl", orgaan=None, **velden) -> Abonnement:
    return abonnementen.abonnement_bevestigen(abonnement=_aanmelden(adres, orgaan, **velden))


def _gepubliceerde_vergadering(**velden):
    vergadering = VergaderingFactory(agenda_gepubliceerd_op=timezone.now(), **velden)
    AgendapuntFactory(vergadering=vergadering, titel="Programmabegroting 2027", volgnummer=1)
    AgendapuntFactory(
        vergadering=vergadering, titel="Grondtransactie (besloten)", volgnummer=2, besloten=True
    )
    return vergadering


def test_subscribing_sends_a_confirmation_and_nothing_else_until_confirmed():
    abonnement = _aanmelden()
    assert abonnement.emailadres == "inwoner@voorbeeld.nl"
    assert abonnement.bevestigd_op is None
    assert len(mail.outbox) == 1
    bevestiging = mail.outbox[0]
    assert bevestiging.to == ["inwoner@voorbeeld.nl"]
    assert any("/bevestigen/" in link for link in _links(bevestiging))
    assert abonnementen.agenda_melden(vergadering=_gepubliceerde_vergadering()) == 0
    assert len(mail.outbox) == 1


def test_every_change_is_in_the_logboek_with_the_address_encrypted():
    abonnement = _bevestigd()
    abonnementen.abonnement_opzeggen(abonnement=abonnement)
    regels = list(
        Logregel.objects.filter(verwerkingsactiviteit__sleutel="meldingen-abonnementen").order_by("pk")
    )
    assert [regel.naam for regel in regels] == [
        "abonnement op meldingen aangevraagd",
        "abonnement op meldingen bevestigd",
        "abonnement op meldingen opgezegd",
    ]
    assert all("voorbeeld.nl" not in regel.betrokkene_versleuteld for regel in regels)


@pytest.mark.parametrize(
    ("adres", "agendas", "besluiten", "veld"),
    [
        ("geen-adres", True, True, "emailadres"),
        ("a@b.nl", False, False, "agendas"),
        ("", True, True, "emailadres"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(adres, agendas, besluiten, veld):
    with pytest.raises(ValidationError) as fout:
        abonnementen.abonnement_aanvragen(emailadres=adres, orgaan=None, agendas=agendas, besluiten=besluiten)
    assert veld in fout.value.message_dict
    assert not Abonnement.objects.exists()
    assert not mail.outbox


def test_a_known_address_learns_nothing_new_and_changes_nothing():
    abonnement = _bevestigd(agendas=True, besluiten=False)
    mail.outbox.clear()
    abonnementen.abonnement_aanvragen(
        emailadres="inwoner@voorbeeld.nl", orgaan=None, agendas=False, besluiten=True
    )
    abonnement.refresh_from_db()
    assert (abonnement.agendas, abonnement.besluiten) == (True, False)
    assert len(mail.outbox) == 1
    assert "al geabonneerd" in mail.outbox[0].subject


def test_unconfirmed_requests_are_forgotten_after_seven_days():
    oud = _aanmelden("oud@voorbeeld.nl")
    Abonnement.objects.filter(pk=oud.pk).update(aangevraagd_op=timezone.now() - dt.timedelta(days=8))
    _aanmelden("nieuw@voorbeeld.nl")
    assert not Abonnement.objects.filter(emailadres="oud@voorbeeld.nl").exists()


def test_agenda_notification_names_public_items_only_and_goes_once():
    raad = OrgaanFactory()
    _bevestigd("alles@voorbeeld.nl")
    _bevestigd("raad@voorbeeld.nl", orgaan=raad)
    _bevestigd("ander@voorbeeld.nl", orgaan=OrgaanFactory())
    _bevestigd("alleen-besluiten@voorbeeld.nl", agendas=False)
    mail.outbox.clear()
    vergadering = _gepubliceerde_vergadering(orgaan=raad)
    assert abonnementen.agenda_melden(vergadering=vergadering) == 2
    assert sorted(bericht.to[0] for bericht in mail.outbox) == ["alles@voorbeeld.nl", "raad@voorbeeld.nl"]
    bericht = mail.outbox[0]
    assert "Programmabegroting 2027" in bericht.body
    assert "Grondtransactie" not in bericht.body
    assert bericht.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/afmelden/" in bericht.extra_headers["List-Unsubscribe"]
    # The task may run again (at-least-once delivery): nobody gets it twice.
    assert abonnementen.agenda_melden(vergadering=vergadering) == 0
    assert len(mail.outbox) == 2
    assert Melding.objects.count() == 2


def test_closed_meeting_or_unpublished_agenda_sends_nothing():
    _bevestigd()
    mail.outbox.clear()
    assert abonnementen.agenda_melden(vergadering=_gepubliceerde_vergadering(besloten=True)) == 0
    assert abonnementen.agenda_melden(vergadering=VergaderingFactory()) == 0
    assert not mail.outbox


def test_besluiten_notification_lists_public_decisions():
    _bevestigd(agendas=False)
    mail.outbox.clear()
    vergadering = _gepubliceerde_vergadering(status="gehouden")
    openbaar, besloten = vergadering.agendapunten.order_by("volgnummer")
    for punt in (openbaar, besloten):
        Besluit.objects.create(
            agendapunt=punt, resultaat=Besluit.Resultaat.AANGENOMEN, genomen_op=timezone.localdate()
        )
    assert abonnementen.besluiten_melden(vergadering=vergadering) == 0  # not adopted yet
    vergadering.besluitenlijst_vastgesteld_op = timezone.now()
    vergadering.save()
    assert abonnementen.besluiten_melden(vergadering=vergadering) == 1
    assert "Programmabegroting 2027: aangenomen" in mail.outbox[0].body
    assert "Grondtransactie" not in mail.outbox[0].body


def test_notification_is_in_the_subscribers_language():
    abonnementen.abonnement_aanvragen(
        emailadres="resident@example.org", orgaan=None, agendas=True, besluiten=True, taal="en"
    )
    assert "Confirm" in mail.outbox[0].subject


def test_publishing_an_agenda_enqueues_the_notifications(
    griffier, django_capture_on_commit_callbacks, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    _bevestigd()
    mail.outbox.clear()
    vergadering = VergaderingFactory()
    AgendapuntFactory(vergadering=vergadering, titel="Vaststelling verordening")
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_publiceren(vergadering=vergadering, door=griffier)
    assert len(mail.outbox) == 1
    assert "Vaststelling verordening" in mail.outbox[0].body


# -- the pages ------------------------------------------------------------------------------------


def test_form_shows_errors_next_to_the_field(client):
    antwoord = client.post(reverse("besluitvorming:meldingen"), {"emailadres": "niet-goed"})
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "Vul een geldig e-mailadres in" in inhoud
    assert "Kies nieuwe agenda" in inhoud
    assert not Abonnement.objects.exists()


def test_subscribe_confirm_and_cancel_through_the_links(client):
    antwoord = client.post(
        reverse("besluitvorming:meldingen"), {"emailadres": "inwoner@voorbeeld.nl", "agendas": "on"}
    )
    assert antwoord.status_code == 302
    bevestigen = next(link for link in _links(mail.outbox[0]) if "/bevestigen/" in link)
    pad = bevestigen.split("8000", 1)[1] if "8000" in bevestigen else bevestigen
    # Opening the link (as a mail scanner would) does not confirm; the button does.
    assert client.get(pad).status_code == 200
    assert Abonnement.objects.get().bevestigd_op is None
    client.post(pad)
    abonnement = Abonnement.objects.get()
    assert abonnement.bevestigd_op is not None
    afmelden = reverse(
        "besluitvorming:abonnement_opzeggen", args=[abonnement.pk, abonnementen.sleutel(abonnement)]
    )
    # RFC 8058 one-click: a POST without CSRF token from the mail client.
    client.handler.enforce_csrf_checks = True
    assert client.post(afmelden, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not Abonnement.objects.exists()


def test_a_wrong_key_does_nothing(client):
    abonnement = _aanmelden()
    pad = reverse("besluitvorming:abonnement_bevestigen", args=[abonnement.pk, "0" * 64])
    assert client.post(pad).status_code == 404
    assert (
        client.post(reverse("besluitvorming:abonnement_opzeggen", args=[abonnement.pk, "0" * 64])).status_code
        == 200
    )
    abonnement.refresh_from_db()
    assert abonnement.bevestigd_op is None
