"""Inspreken: signing up until the closing time of the Reglement van Orde (verify locally), never at a
besloten meeting or item (Gemeentewet art. 23), decisions with a reason, each mail once, withdrawal,
and wiping contact details after the meeting (AVG art. 5 lid 1 sub e)."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming.models import Agendapunt, Inspreekregeling, Spreekverzoek, Vergadering
from raadhuis.besluitvorming.selectors.inspreken import insprekers_publiek, sluiting
from raadhuis.besluitvorming.services import inspreken
from raadhuis.besluitvorming.tests.factories import AgendapuntFactory, OrgaanFactory, VergaderingFactory
from raadhuis.core.models import Logregel
from raadhuis.core.termijnen import is_werkdag

pytestmark = pytest.mark.django_db

TZ = dt.timezone(dt.timedelta(hours=1))


def _vergadering(regeling: dict[str, Any] | None = None, **velden: Any) -> Vergadering:
    orgaan = OrgaanFactory(commissie=True)
    Inspreekregeling.objects.create(orgaan=orgaan, **(regeling or {}))
    vergadering = VergaderingFactory(
        orgaan=orgaan,
        begin=velden.pop("begin", timezone.now() + dt.timedelta(days=14)),
        agenda_gepubliceerd_op=timezone.now(),
        **velden,
    )
    return vergadering


def _punt(vergadering: Vergadering, **velden: Any) -> Agendapunt:
    return AgendapuntFactory(vergadering=vergadering, **velden)


def _indienen(vergadering: Vergadering, agendapunt: Agendapunt | None, **velden: Any) -> Spreekverzoek:
    gegevens: dict[str, Any] = {
        "naam": "Fatma Yilmaz",
        "emailadres": "Fatma@Voorbeeld.nl",
        "samenvatting": "Over parkeren in het centrum.",
        "akkoord": True,
        **velden,
    }
    return inspreken.spreekverzoek_indienen(vergadering=vergadering, agendapunt=agendapunt, **gegevens)


@pytest.fixture
def verzoek(django_capture_on_commit_callbacks: Any) -> Spreekverzoek:
    vergadering = _vergadering()
    with django_capture_on_commit_callbacks(execute=True):
        return _indienen(vergadering, _punt(vergadering))


# -- Closing time ---------------------------------------------------------------------------------


def test_aanmelden_sluit_om_twaalf_uur_op_de_werkdag_ervoor_over_het_weekend_heen() -> None:
    regeling = Inspreekregeling(sluiting=Inspreekregeling.Sluiting.WERKDAG_VOORAF)
    maandag = Vergadering(begin=dt.datetime(2026, 3, 2, 19, 30, tzinfo=TZ))
    gesloten = timezone.localtime(sluiting(maandag, regeling))
    assert (gesloten.date(), gesloten.time()) == (dt.date(2026, 2, 27), dt.time(12, 0))


def test_aanmelden_sluit_voor_de_kerstdagen_bij_een_vergadering_daarna() -> None:
    regeling = Inspreekregeling(sluiting=Inspreekregeling.Sluiting.WERKDAG_VOORAF)
    # Monday 28 December 2026: Sunday, Saturday 26 and Friday 25 December (Christmas) are no working days.
    vergadering = Vergadering(begin=dt.datetime(2026, 12, 28, 19, 30, tzinfo=TZ))
    assert timezone.localtime(sluiting(vergadering, regeling)).date() == dt.date(2026, 12, 24)


def test_aanmelden_sluit_een_aantal_uren_vooraf() -> None:
    regeling = Inspreekregeling(sluiting=Inspreekregeling.Sluiting.UREN_VOORAF, uren_vooraf=24)
    begin = dt.datetime(2026, 3, 2, 19, 30, tzinfo=TZ)
    assert sluiting(Vergadering(begin=begin), regeling) == begin - dt.timedelta(hours=24)


@settings(max_examples=200, deadline=None)
# Hypothesis draws naive datetimes between naive bounds; they are made aware in Dutch time below.
@given(st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2032, 12, 31)))  # noqa: DTZ001
def test_sluiting_is_twaalf_uur_op_de_laatste_werkdag_voor_de_vergaderdag(begin: dt.datetime) -> None:
    regeling = Inspreekregeling(sluiting=Inspreekregeling.Sluiting.WERKDAG_VOORAF)
    begin = timezone.make_aware(begin)
    gesloten = timezone.localtime(sluiting(Vergadering(begin=begin), regeling))
    vergaderdag = timezone.localtime(begin).date()
    assert gesloten < begin
    assert gesloten.time() == dt.time(12, 0)
    assert is_werkdag(gesloten.date())
    tussen = gesloten.date() + dt.timedelta(days=1)
    while tussen < vergaderdag:
        assert not is_werkdag(tussen)
        tussen += dt.timedelta(days=1)


def test_na_de_sluiting_wordt_niets_opgeslagen() -> None:
    vergadering = _vergadering(
        regeling={"sluiting": Inspreekregeling.Sluiting.UREN_VOORAF, "uren_vooraf": 24}
    )
    punt = _punt(vergadering)
    net_op_tijd = vergadering.begin - dt.timedelta(hours=24, seconds=1)
    _indienen(vergadering, punt, nu=net_op_tijd)
    with pytest.raises(ValidationError) as fout:
        _indienen(vergadering, punt, nu=vergadering.begin - dt.timedelta(hours=24))
    assert "gesloten" in fout.value.message_dict["vergadering"][0]
    assert Spreekverzoek.objects.count() == 1


def test_een_vergadering_die_geweest_is_neemt_geen_aanmeldingen() -> None:
    vergadering = _vergadering()
    with pytest.raises(ValidationError) as fout:
        _indienen(vergadering, _punt(vergadering), nu=vergadering.begin + dt.timedelta(minutes=1))
    assert "al geweest" in fout.value.message_dict["vergadering"][0]


# -- What one may speak on ------------------------------------------------------------------------


def test_besloten_agendapunt_wordt_geweigerd() -> None:
    vergadering = _vergadering()
    with pytest.raises(ValidationError) as fout:
        _indienen(vergadering, _punt(vergadering, besloten=True))
    assert "besloten" in fout.value.message_dict["agendapunt"][0]
    assert not Spreekverzoek.objects.exists()


def test_besloten_vergadering_wordt_geweigerd() -> None:
    vergadering = _vergadering(besloten=True)
    with pytest.raises(ValidationError) as fout:
        _indienen(vergadering, _punt(vergadering))
    assert "artikel 23" in fout.value.message_dict["vergadering"][0]


def test_agendapunt_van_een_andere_vergadering_wordt_geweigerd() -> None:
    vergadering = _vergadering()
    ander = _punt(VergaderingFactory(orgaan=vergadering.orgaan))
    with pytest.raises(ValidationError) as fout:
        _indienen(vergadering, ander)
    assert "hoort niet bij" in fout.value.message_dict["agendapunt"][0]


def test_orgaan_zonder_inspreekregeling_neemt_geen_aanmeldingen() -> None:
    vergadering = VergaderingFactory(agenda_gepubliceerd_op=timezone.now())
    with pytest.raises(ValidationError) as fout:
        _indienen(vergadering, _punt(vergadering))
    assert "niet inspreken" in fout.value.message_dict["vergadering"][0]


def test_eigen_onderwerp_alleen_waar_de_regeling_het_toestaat() -> None:
    zonder = _vergadering(regeling={"vrij_onderwerp": False})
    with pytest.raises(ValidationError) as fout:
        _indienen(zonder, None, onderwerp="Zwerfafval in het park")
    assert "op de agenda staat" in fout.value.message_dict["onderwerp"][0]

    met = _vergadering(regeling={"vrij_onderwerp": True})
    verzoek = _indienen(met, None, onderwerp="Zwerfafval in het park")
    assert verzoek.agendapunt is None
    assert verzoek.onderwerp == "Zwerfafval in het park"


def test_zonder_agendapunt_en_onderwerp_of_zonder_akkoord_wordt_niets_opgeslagen() -> None:
    vergadering = _vergadering()
    with pytest.raises(ValidationError) as fout:
        _indienen(vergadering, None, akkoord=False, naam=" ", samenvatting="", kvk_nummer="123")
    fouten = fout.value.message_dict
    assert set(fouten) >= {"agendapunt", "akkoord", "naam", "samenvatting", "kvk_nummer", "organisatie"}
    assert not Spreekverzoek.objects.exists()


def test_aanmelding_wordt_vastgelegd_gelogd_en_een_keer_bevestigd(verzoek: Spreekverzoek) -> None:
    assert verzoek.status == Spreekverzoek.Status.AANGEVRAAGD
    assert verzoek.emailadres == "fatma@voorbeeld.nl"
    assert not verzoek.naam_publiceren  # consent is never assumed
    assert len(mail.outbox) == 1
    assert verzoek.vergadering.titel in mail.outbox[0].subject
    assert "/intrekken/" in str(mail.outbox[0].body)
    assert Logregel.objects.filter(verwerkingsactiviteit__sleutel="inspreken").count() == 1


def test_een_teruggedraaide_aanmelding_stuurt_geen_mail(django_capture_on_commit_callbacks: Any) -> None:
    vergadering = _vergadering()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        _indienen(vergadering, _punt(vergadering, besloten=True))
    assert mail.outbox == []


# -- The griffie's decision -----------------------------------------------------------------------


def test_toelaten_geeft_volgorde_en_spreektijd_en_mailt_een_keer(
    verzoek: Spreekverzoek, griffier: Medewerker, django_capture_on_commit_callbacks: Any
) -> None:
    tweede = _indienen(verzoek.vergadering, verzoek.agendapunt, naam="Jan de Vries")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        inspreken.spreekverzoek_toelaten(spreekverzoek=verzoek, door=griffier)
        inspreken.spreekverzoek_toelaten(spreekverzoek=tweede, spreektijd=3, door=griffier)
    verzoek.refresh_from_db()
    tweede.refresh_from_db()
    assert (verzoek.volgorde, verzoek.spreektijd) == (1, 5)  # the regeling's default
    assert (tweede.volgorde, tweede.spreektijd) == (2, 3)
    assert verzoek.beslist_door == griffier
    assert verzoek.beslist_op is not None
    assert len(mail.outbox) == 2
    assert "inspreker nummer 1" in str(mail.outbox[0].body)

    # A second decision on the same request is refused and sends nothing.
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        inspreken.spreekverzoek_toelaten(spreekverzoek=verzoek, door=griffier)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        inspreken.spreekverzoek_afwijzen(spreekverzoek=verzoek, reden="Te laat", door=griffier)
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("reden", ["", "   "])
def test_afwijzen_vraagt_een_reden(verzoek: Spreekverzoek, griffier: Medewerker, reden: str) -> None:
    with pytest.raises(ValidationError) as fout:
        inspreken.spreekverzoek_afwijzen(spreekverzoek=verzoek, reden=reden, door=griffier)
    assert "reden" in fout.value.message_dict
    verzoek.refresh_from_db()
    assert verzoek.status == Spreekverzoek.Status.AANGEVRAAGD


def test_afwijzing_gaat_met_reden_naar_de_aanvrager(
    verzoek: Spreekverzoek, griffier: Medewerker, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        inspreken.spreekverzoek_afwijzen(
            spreekverzoek=verzoek, reden="Er zijn al vijf insprekers bij dit punt.", door=griffier
        )
    assert "Er zijn al vijf insprekers bij dit punt." in str(mail.outbox[-1].body)
    assert "afgewezen" in mail.outbox[-1].subject


def test_alleen_de_griffie_beslist(verzoek: Spreekverzoek) -> None:
    raadslid = MedewerkerFactory(rollen=[Rol.RAADSLID])
    with pytest.raises(PermissionDenied):
        inspreken.spreekverzoek_toelaten(spreekverzoek=verzoek, door=raadslid)
    verzoek.refresh_from_db()
    assert verzoek.status == Spreekverzoek.Status.AANGEVRAAGD


def test_na_het_begin_van_de_vergadering_wordt_niet_meer_beslist(
    verzoek: Spreekverzoek, griffier: Medewerker
) -> None:
    with pytest.raises(ValidationError):
        inspreken.spreekverzoek_toelaten(
            spreekverzoek=verzoek, door=griffier, nu=verzoek.vergadering.begin + dt.timedelta(minutes=5)
        )


def test_volgorde_alleen_voor_een_toegelaten_inspreker(verzoek: Spreekverzoek, griffier: Medewerker) -> None:
    with pytest.raises(ValidationError):
        inspreken.spreekverzoek_volgorde_wijzigen(
            spreekverzoek=verzoek, volgorde=2, spreektijd=5, door=griffier
        )
    inspreken.spreekverzoek_toelaten(spreekverzoek=verzoek, door=griffier)
    inspreken.spreekverzoek_volgorde_wijzigen(spreekverzoek=verzoek, volgorde=3, spreektijd=4, door=griffier)
    verzoek.refresh_from_db()
    assert (verzoek.volgorde, verzoek.spreektijd) == (3, 4)


# -- The public agenda ----------------------------------------------------------------------------


def test_openbare_agenda_noemt_alleen_toegelaten_insprekers_met_naam_alleen_met_toestemming(
    griffier: Medewerker,
) -> None:
    vergadering = _vergadering(regeling={"vrij_onderwerp": True})
    punt = _punt(vergadering)
    met = _indienen(
        vergadering, punt, naam="Fatma Yilmaz", organisatie="Buurtvereniging", naam_publiceren=True
    )
    zonder = _indienen(vergadering, punt, naam="Jan de Vries", organisatie="Bedrijf De Vries")
    _indienen(vergadering, punt, naam="Nog Niet Beslist", naam_publiceren=True)
    afgewezen = _indienen(vergadering, punt, naam="Afgewezen Persoon", naam_publiceren=True)
    vrij = _indienen(vergadering, None, onderwerp="Zwerfafval", naam="Vrije Spreker", naam_publiceren=True)
    for toegelaten in (met, zonder, vrij):
        inspreken.spreekverzoek_toelaten(spreekverzoek=toegelaten, door=griffier)
    inspreken.spreekverzoek_afwijzen(spreekverzoek=afgewezen, reden="Vol", door=griffier)

    insprekers = insprekers_publiek(vergadering)
    namen = [v.openbare_naam for v in insprekers.per_agendapunt[punt.pk]]
    assert namen == ["Fatma Yilmaz, namens Buurtvereniging", "een inspreker"]
    assert [v.openbare_naam for v in insprekers.vrije_onderwerpen] == ["Vrije Spreker"]


def test_besloten_vergadering_toont_geen_insprekers(griffier: Medewerker) -> None:
    vergadering = _vergadering()
    punt = _punt(vergadering)
    verzoek = _indienen(vergadering, punt, naam_publiceren=True)
    inspreken.spreekverzoek_toelaten(spreekverzoek=verzoek, door=griffier)
    Vergadering.objects.filter(pk=vergadering.pk).update(besloten=True)
    vergadering.refresh_from_db()
    assert insprekers_publiek(vergadering).per_agendapunt == {}


# -- Withdrawal and retention ---------------------------------------------------------------------


def test_intrekken_haalt_de_naam_van_de_agenda(verzoek: Spreekverzoek, griffier: Medewerker) -> None:
    Spreekverzoek.objects.filter(pk=verzoek.pk).update(naam_publiceren=True)
    inspreken.spreekverzoek_toelaten(spreekverzoek=verzoek, door=griffier)
    inspreken.spreekverzoek_intrekken(spreekverzoek=verzoek)
    verzoek.refresh_from_db()
    assert verzoek.status == Spreekverzoek.Status.INGETROKKEN
    assert not verzoek.naam_publiceren
    assert insprekers_publiek(verzoek.vergadering).per_agendapunt == {}
    # A second click changes nothing.
    inspreken.spreekverzoek_intrekken(spreekverzoek=verzoek)


def test_sleutel_van_de_link_hoort_bij_een_verzoek(verzoek: Spreekverzoek) -> None:
    assert inspreken.sleutel_klopt(verzoek, inspreken.sleutel(verzoek))
    assert not inspreken.sleutel_klopt(verzoek, "0" * 64)


def test_contactgegevens_worden_vier_weken_na_de_vergadering_gewist(griffier: Medewerker) -> None:
    vergadering = _vergadering()
    punt = _punt(vergadering)
    openbaar = _indienen(
        vergadering, punt, naam="Openbare Naam", naam_publiceren=True, telefoonnummer="0151234567"
    )
    anoniem = _indienen(vergadering, punt, naam="Geheime Naam")
    inspreken.spreekverzoek_toelaten(spreekverzoek=openbaar, door=griffier)
    inspreken.spreekverzoek_toelaten(spreekverzoek=anoniem, door=griffier)

    te_vroeg = vergadering.begin + inspreken.BEWAREN_NA_VERGADERING - dt.timedelta(hours=1)
    assert inspreken.spreekverzoeken_opschonen(nu=te_vroeg) == 0
    na_termijn = vergadering.begin + inspreken.BEWAREN_NA_VERGADERING + dt.timedelta(hours=1)
    assert inspreken.spreekverzoeken_opschonen(nu=na_termijn) == 2
    assert inspreken.spreekverzoeken_opschonen(nu=na_termijn) == 0

    openbaar.refresh_from_db()
    anoniem.refresh_from_db()
    assert (openbaar.naam, openbaar.emailadres, openbaar.telefoonnummer, openbaar.samenvatting) == (
        "Openbare Naam",
        "",
        "",
        "",
    )
    assert (anoniem.naam, anoniem.emailadres) == ("", "")
    assert not inspreken.sleutel_klopt(anoniem, inspreken.sleutel(anoniem))  # the link is dead
    assert Logregel.objects.filter(naam="contactgegevens van inspreker gewist").count() == 2


def test_opdracht_wist_de_contactgegevens(verzoek: Spreekverzoek) -> None:
    Vergadering.objects.filter(pk=verzoek.vergadering_id).update(
        begin=timezone.now() - inspreken.BEWAREN_NA_VERGADERING - dt.timedelta(days=1)
    )
    uitvoer = io.StringIO()
    call_command("inspreken_opschonen", stdout=uitvoer)
    assert "1 inspreker(s)" in uitvoer.getvalue()
    verzoek.refresh_from_db()
    assert verzoek.emailadres == ""
