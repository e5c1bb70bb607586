"""Appointment e-mails: prepared in the appointment's language, sent by a task after the commit, with
the appointment as an iCalendar (RFC 5545/5546) attachment."""

from __future__ import annotations

from datetime import timedelta
from email.mime.base import MIMEBase
from typing import Any

import pytest
from django.core import mail
from django.db.models import F
from django.utils import timezone, translation
from django.utils.formats import date_format
from icalendar import Calendar

from raadhuis.dienstverlening.models import Afspraak
from raadhuis.dienstverlening.services import afspraken as services
from raadhuis.dienstverlening.tests.test_afspraken_hulp import (
    EMAIL,
    afspraaktype,
    boeken,
    locatie,
    moment,
    werkdag,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _direct(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _ics(bericht: mail.EmailMessage) -> tuple[MIMEBase, Calendar]:
    (bijlage,) = bericht.attachments
    assert isinstance(bijlage, MIMEBase)
    return bijlage, Calendar.from_ical(bijlage.get_payload(decode=True))


def test_bevestiging_met_ical_request_na_de_commit(django_capture_on_commit_callbacks: Any) -> None:
    plek = locatie()
    start = moment(werkdag(), 10)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        afspraak, code = boeken(afspraaktype(plek), plek, start)
    assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    (bericht,) = mail.outbox
    assert bericht.to == [EMAIL]
    assert "Bevestiging van uw afspraak" in bericht.subject
    assert f"/afspraak/beheren/{code}/" in bericht.body
    assert "Een pasfoto." in bericht.body
    bijlage, kalender = _ics(bericht)
    assert bijlage.get_content_type() == "text/calendar"
    assert bijlage.get_param("method") == "REQUEST"
    assert kalender["METHOD"] == "REQUEST"
    (event,) = kalender.walk("VEVENT")
    assert str(event["UID"]) == f"afspraak-{afspraak.pk}@127.0.0.1"
    assert int(event["SEQUENCE"]) == 0
    assert event.decoded("DTSTART") == start
    assert event.decoded("DTEND") == start + timedelta(minutes=15)


def test_rollback_stuurt_niets(django_capture_on_commit_callbacks: Any) -> None:
    plek = locatie(balies=1)
    soort = afspraaktype(plek)
    start = moment(werkdag(), 10)
    with django_capture_on_commit_callbacks(execute=True):
        boeken(soort, plek, start)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Exception):  # noqa: B017, PT011
        boeken(soort, plek, start)
    assert mail.outbox == []


def test_in_het_engels_bij_taal_en(django_capture_on_commit_callbacks: Any) -> None:
    plek = locatie()
    start = moment(werkdag(), 10)
    with django_capture_on_commit_callbacks(execute=True):
        boeken(afspraaktype(plek), plek, start, taal="en")
        boeken(afspraaktype(plek, slug="id-kaart"), plek, start, taal="nl")
    engels, nederlands = mail.outbox
    with translation.override("en"):
        datum_en = date_format(timezone.localtime(start), "l j F Y")
    with translation.override("nl"):
        datum_nl = date_format(timezone.localtime(start), "l j F Y")
    assert datum_en != datum_nl
    assert datum_en in engels.body
    assert datum_en in engels.subject
    assert datum_nl in nederlands.body


def test_verzetten_verhoogt_sequence_en_annuleren_stuurt_cancel(
    django_capture_on_commit_callbacks: Any,
) -> None:
    plek = locatie()
    dag = werkdag()
    with django_capture_on_commit_callbacks(execute=True):
        afspraak, _code = boeken(afspraaktype(plek), plek, moment(dag, 10))
    # As if booked an hour ago (the sequence counts the seconds since the booking).
    Afspraak.objects.filter(pk=afspraak.pk).update(aangemaakt_op=F("aangemaakt_op") - timedelta(hours=1))
    afspraak.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        afspraak, nieuwe_code = services.afspraak_verzetten(
            afspraak=afspraak, start=moment(dag, 11), door=None
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.afspraak_annuleren(afspraak=afspraak, door=None)
    bevestiging, verzet, geannuleerd = mail.outbox
    _b, eerste = _ics(bevestiging)
    _v, tweede = _ics(verzet)
    bijlage, derde = _ics(geannuleerd)
    uid = {str(k.walk("VEVENT")[0]["UID"]) for k in (eerste, tweede, derde)}
    assert len(uid) == 1
    volgnummers = [int(k.walk("VEVENT")[0]["SEQUENCE"]) for k in (eerste, tweede, derde)]
    assert volgnummers[0] < volgnummers[1] <= volgnummers[2]
    assert f"/afspraak/beheren/{nieuwe_code}/" in verzet.body
    assert derde["METHOD"] == "CANCEL"
    assert bijlage.get_param("method") == "CANCEL"
    assert str(derde.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"
    assert "geannuleerd" in geannuleerd.subject


def test_taak_verstuurt_een_keer() -> None:
    argumenten = {
        "sleutel": "1:bevestiging:abc",
        "aan": EMAIL,
        "onderwerp": "Onderwerp",
        "tekst": "Tekst",
        "ical": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        "methode": "REQUEST",
    }
    assert services.afspraakmail_versturen.call(**argumenten) is True
    assert services.afspraakmail_versturen.call(**argumenten) is False
    assert len(mail.outbox) == 1


def test_zonder_e_mailadres_geen_bericht(django_capture_on_commit_callbacks: Any) -> None:
    from raadhuis.accounts.models import Rol
    from raadhuis.dienstverlening.models import Kanaal
    from raadhuis.dienstverlening.tests.factories import medewerker

    plek = locatie()
    with django_capture_on_commit_callbacks(execute=True):
        boeken(
            afspraaktype(plek),
            plek,
            moment(werkdag(), 10),
            emailadres="",
            door=medewerker(Rol.KCC_MEDEWERKER),
            kanaal=Kanaal.TELEFOON,
        )
    assert mail.outbox == []
