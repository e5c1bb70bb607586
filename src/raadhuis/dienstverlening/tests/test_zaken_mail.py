"""E-mails about a case: prepared in the transaction, sent by a background task after commit, through
a real (local) SMTP server; in the case's language; nothing for a rolled-back change; sent once."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import socket
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.db import transaction
from django_tasks import task_backends
from django_tasks.backends.dummy import DummyBackend

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.dienstverlening.models import Berichtsoort, Resultaattype, Statustype, Zaak, Zaakbericht
from raadhuis.dienstverlening.services import berichten, zaken
from raadhuis.dienstverlening.tests import factories

pytestmark = pytest.mark.django_db

ONMIDDELLIJK = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
KLAARZETTEN = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


class Postvak:
    """aiosmtpd handler keeping every message it receives."""

    def __init__(self) -> None:
        self.berichten: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        bericht = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(bericht, EmailMessage)
        self.berichten.append(bericht)
        return "250 OK"


def _vrije_poort() -> int:
    with socket.socket() as sok:
        sok.bind(("127.0.0.1", 0))
        return int(sok.getsockname()[1])


@pytest.fixture
def smtp(settings: Any) -> Iterator[Postvak]:
    postvak = Postvak()
    controller = Controller(postvak, hostname="127.0.0.1", port=_vrije_poort())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    try:
        yield postvak
    finally:
        controller.stop()


@pytest.fixture
def onmiddellijk(settings: Any) -> None:
    """Tasks run as soon as they are enqueued (that is: on commit)."""
    settings.TASKS = ONMIDDELLIJK


@pytest.fixture
def klaargezet(settings: Any) -> Callable[[], list[int]]:
    """Tasks are only recorded; returns the ids of the mails enqueued so far."""
    settings.TASKS = KLAARZETTEN
    backend = task_backends["default"]
    assert isinstance(backend, DummyBackend)
    backend.clear()
    return lambda: [int(resultaat.args[0]) for resultaat in backend.results]


@pytest.fixture
def behandelaar() -> Medewerker:
    return factories.medewerker(Rol.BEHANDELAAR)


def _tekst(bericht: EmailMessage) -> str:
    inhoud = bericht.get_body(preferencelist=("plain",))
    assert inhoud is not None
    return str(inhoud.get_content())


def _naar_in_behandeling(zaak: Zaak, door: Medewerker) -> Zaak:
    return zaken.status_zetten(
        zaak=zaak, statustype=Statustype.objects.get(zaaktype=zaak.zaaktype, volgnummer=2), door=door
    )


def test_ontvangstbevestiging_komt_aan_na_commit(
    smtp: Postvak, onmiddellijk: None, django_capture_on_commit_callbacks: Any
) -> None:
    factories.product()  # the catalogue first: its services clear cached choices at their commit
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        zaak = factories.zaak(startdatum=dt.date(2026, 3, 2))
        assert smtp.berichten == []  # nothing before the commit
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(smtp.berichten) == 1
    bericht = smtp.berichten[0]
    assert bericht["To"] == "j.jansen@example.org"
    assert zaak.identificatie in str(bericht["Subject"])
    assert "maart 2026" in _tekst(bericht)
    assert Zaakbericht.objects.get(zaak=zaak, soort=Berichtsoort.EMAIL).verzonden_op is not None


def test_mail_in_het_engels_als_de_zaak_engelstalig_is(
    smtp: Postvak, onmiddellijk: None, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        zaak = factories.zaak(startdatum=dt.date(2026, 3, 2), taal="en")
    assert len(smtp.berichten) == 1
    tekst = _tekst(smtp.berichten[0])
    # The date is formatted by Django's own English locale: proof the mail was rendered in English.
    assert "March 2026" in tekst
    assert "maart" not in tekst
    assert zaak.identificatie in str(smtp.berichten[0]["Subject"])


def test_statuswijziging_met_informeren_mailt_de_aanvrager(
    smtp: Postvak,
    onmiddellijk: None,
    behandelaar: Medewerker,
    django_capture_on_commit_callbacks: Any,
) -> None:
    zaak = factories.zaak()
    with django_capture_on_commit_callbacks(execute=True):
        _naar_in_behandeling(zaak, behandelaar)
    assert len(smtp.berichten) == 1
    assert "In behandeling" in _tekst(smtp.berichten[0])


def test_teruggedraaide_statuswijziging_stuurt_niets(
    smtp: Postvak,
    onmiddellijk: None,
    behandelaar: Medewerker,
    django_capture_on_commit_callbacks: Any,
) -> None:
    zaak = factories.zaak()
    Zaakbericht.objects.all().delete()

    class Terugdraaien(Exception):
        pass

    def mislukte_wijziging() -> None:
        with transaction.atomic():
            _naar_in_behandeling(zaak, behandelaar)
            raise Terugdraaien

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(Terugdraaien):
        mislukte_wijziging()
    assert callbacks == []
    assert smtp.berichten == []
    assert not Zaakbericht.objects.exists()
    zaak.refresh_from_db()
    assert zaak.statustype.volgnummer == 1


def test_geweigerde_statuswijziging_zet_geen_mail_klaar(
    klaargezet: Callable[[], list[int]],
    behandelaar: Medewerker,
    django_capture_on_commit_callbacks: Any,
) -> None:
    zaak = factories.zaak()
    eind = Statustype.objects.get(zaaktype=zaak.zaaktype, is_eindstatus=True)
    resultaat = Resultaattype.objects.filter(zaaktype=zaak.zaaktype).first()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Exception):  # noqa: B017, PT011
        zaken.status_zetten(zaak=zaak, statustype=eind, resultaattype=resultaat, door=behandelaar)
    assert klaargezet() == []


def test_taak_twee_keer_uitvoeren_verstuurt_een_keer(
    smtp: Postvak,
    klaargezet: Callable[[], list[int]],
    behandelaar: Medewerker,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        zaak = factories.zaak()
    assert len(klaargezet()) == 1
    assert smtp.berichten == []  # enqueued, not yet run
    bericht_id = klaargezet()[0]
    assert berichten.zaakmail_versturen.call(bericht_id) is True
    assert berichten.zaakmail_versturen.call(bericht_id) is False
    assert len(smtp.berichten) == 1
    assert Zaakbericht.objects.get(pk=bericht_id, zaak=zaak).verzonden_op is not None


def test_zonder_e_mailadres_geen_mail(
    klaargezet: Callable[[], list[int]], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        zaak = factories.zaak(emailadres="")
    assert klaargezet() == []
    assert not zaak.berichten.exists()


def test_bericht_sturen_mailt_alleen_dat_er_een_bericht_is(
    smtp: Postvak,
    onmiddellijk: None,
    behandelaar: Medewerker,
    django_capture_on_commit_callbacks: Any,
) -> None:
    zaak = factories.zaak()
    with django_capture_on_commit_callbacks(execute=True):
        zaken.bericht_sturen(
            zaak=zaak, onderwerp="Huurcontract", tekst="Wilt u het huurcontract sturen?", door=behandelaar
        )
    assert len(smtp.berichten) == 1
    tekst = _tekst(smtp.berichten[0])
    assert zaak.identificatie in tekst
    assert "huurcontract" not in tekst.lower()  # mail is not a secure channel
