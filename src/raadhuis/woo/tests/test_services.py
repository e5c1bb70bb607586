"""The Woo services against the database: registration with a gapless kenmerk and the
acknowledgement, suspensions, verdaging, ingebrekestelling and behandelaar, each recomputing the
stored decision term. The expected dates are the hand-counted ones of test_termijnen.py (Woo art.
4.4, Atw art. 1–3 with the equated days as migration core 0002 recorded them)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from freezegun import freeze_time

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, Soort
from raadhuis.core.models import Logregel
from raadhuis.core.selectors import gelijkgestelde_dagen
from raadhuis.woo import termijnen
from raadhuis.woo.models import (
    Ingebrekestelling,
    Kanaal,
    Kenmerkreeks,
    Opschorting,
    Opschortingssoort,
    Verdaging,
    Verzoekstatus,
    WooVerzoek,
)
from raadhuis.woo.services import verzoeken as services

pytestmark = pytest.mark.django_db

ONMIDDELLIJK = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ZIENSWIJZE = "Zienswijze van een derde-belanghebbende gevraagd"
OMVANG = "Omvangrijk verzoek: 340 documenten moeten worden beoordeeld"
BSN = "999993653"


@pytest.fixture
def coordinator(db: None) -> Medewerker:
    medewerker: Medewerker = MedewerkerFactory(rollen=[Rol.WOO_COORDINATOR])
    return medewerker


@pytest.fixture
def griffiemedewerker(db: None) -> Medewerker:
    medewerker: Medewerker = MedewerkerFactory(rollen=[Rol.GRIFFIE])
    return medewerker


def registreer(door: Medewerker, ontvangen_op: date, **extra: Any) -> WooVerzoek:
    """An e-mailed request registered by an employee on the day given."""
    gegevens: dict[str, Any] = {
        "onderwerp": "Verkeersbesluit Stationsstraat",
        "omschrijving": "Alle e-mails over het verkeersbesluit",
        "ontvangen_op": ontvangen_op,
        "kanaal": Kanaal.EMAIL,
        "verzoeker_naam": "J. de Vries",
        "emailadres": "j.devries@example.org",
    }
    return services.verzoek_registreren(**(gegevens | extra), door=door)


def momentopname() -> tuple[Any, ...]:
    """What a refused change must leave alone."""
    return (
        list(WooVerzoek.objects.order_by("pk").values()),
        list(Opschorting.objects.order_by("pk").values()),
        list(Verdaging.objects.order_by("pk").values()),
        Ingebrekestelling.objects.count(),
        list(Kenmerkreeks.objects.values()),
        Logregel.objects.count(),
    )


# --- registration ---------------------------------------------------------------------------------


def test_medewerker_registreert_een_verzoek_met_kenmerk_en_beslistermijn(coordinator: Medewerker) -> None:
    # Given an e-mail received on 1 March 2024; when it is registered
    verzoek = registreer(coordinator, date(2024, 3, 1))
    # then it has the first kenmerk of this year and the term ending after Easter Monday 2024
    assert verzoek.kenmerk == f"WOO-{verzoek.jaar}-0001"
    assert verzoek.status == Verzoekstatus.ONTVANGEN
    assert verzoek.geregistreerd_door == coordinator
    assert verzoek.beslistermijn_einde == date(2024, 4, 2)
    assert verzoek.eerste_termijn_einde == date(2024, 4, 2)
    assert Logregel.objects.filter(naam="woo-verzoek.registreren").count() == 1


def test_kenmerken_lopen_zonder_gaten_door(coordinator: Medewerker) -> None:
    eerste = registreer(coordinator, date(2026, 3, 2))
    with pytest.raises(ValidationError):
        registreer(coordinator, date(2026, 3, 2), onderwerp="")
    tweede = registreer(coordinator, date(2026, 3, 2))
    assert (eerste.volgnummer, tweede.volgnummer) == (1, 2)
    assert tweede.kenmerk == f"WOO-{tweede.jaar}-0002"


def _registreren_en_terugdraaien(door: Medewerker) -> None:
    with transaction.atomic():
        registreer(door, date(2026, 3, 2))
        raise RuntimeError("teruggedraaid")


def test_teruggedraaide_registratie_geeft_haar_kenmerk_terug(coordinator: Medewerker) -> None:
    # Given a registration whose transaction rolls back after the kenmerk was drawn
    with pytest.raises(RuntimeError):
        _registreren_en_terugdraaien(coordinator)
    # then the next request gets the same number: the series has no gaps
    assert registreer(coordinator, date(2026, 3, 2)).volgnummer == 1
    assert WooVerzoek.objects.count() == 1


@pytest.mark.parametrize(
    ("ontvangen_op", "einde"),
    [
        (date(2024, 3, 1), date(2024, 4, 2)),  # Good Friday and Easter Monday 2024
        (date(2025, 3, 24), date(2025, 4, 22)),  # Easter Monday 2025
        (date(2025, 5, 1), date(2025, 6, 2)),  # Ascension 2025 with the equated Friday
        (date(2024, 4, 12), date(2024, 5, 13)),  # the equated Friday after Ascension 2024
        (date(2025, 3, 29), date(2025, 4, 28)),  # King's Day 2025 on Saturday 26 April
        (date(2026, 3, 30), date(2026, 4, 28)),  # King's Day 2026 on Monday 27 April
        (date(2026, 4, 7), date(2026, 5, 6)),  # 5 May 2026
        (date(2027, 4, 7), date(2027, 5, 10)),  # 5 May, Ascension and the equated Friday 2027
        (date(2024, 11, 27), date(2024, 12, 30)),  # Christmas 2024 with the equated 27 December
        (date(2025, 12, 4), date(2026, 1, 5)),  # New Year 2026 with the equated 2 January
    ],
)
@freeze_time("2027-06-01 10:00")
def test_beslistermijn_rond_de_feestdagen_via_de_service(
    coordinator: Medewerker, ontvangen_op: date, einde: date
) -> None:
    verzoek = registreer(coordinator, ontvangen_op)
    assert verzoek.beslistermijn_einde == einde
    assert WooVerzoek.objects.get(pk=verzoek.pk).beslistermijn_einde == einde


def test_iedereen_mag_via_het_webformulier_zonder_inloggen(settings: Any, mailoutbox: list[Any]) -> None:
    # Woo art. 4.1 lid 1: anyone, no identification, no reason
    settings.TASKS = ONMIDDELLIJK
    with freeze_time("2026-03-30 09:00"):
        verzoek = services.verzoek_registreren(
            onderwerp="Subsidies sportclubs",
            omschrijving="",
            ontvangen_op=date(2026, 3, 30),
            kanaal=Kanaal.WEBFORMULIER,
            postadres="Postbus 1, 1000 AA Amsterdam",
            door=None,
        )
    assert verzoek.bsn == ""
    assert verzoek.geregistreerd_door is None
    assert verzoek.beslistermijn_einde == date(2026, 4, 28)  # King's Day 2026
    regel = Logregel.objects.get(naam="woo-verzoek.registreren")
    assert regel.betrokkene_type == ""
    assert mailoutbox == []  # no e-mail address: nothing to send


def test_met_digid_wordt_het_bsn_bewaard(settings: Any) -> None:
    settings.TASKS = ONMIDDELLIJK
    identiteit = Identiteit(soort=Soort.INWONER, niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL, bsn=BSN)
    with freeze_time("2026-04-07 09:00"):
        verzoek = services.verzoek_registreren(
            onderwerp="Bomenkap Parkweg",
            omschrijving="",
            ontvangen_op=date(2026, 4, 7),
            kanaal=Kanaal.WEBFORMULIER,
            emailadres="inwoner@example.org",
            door=identiteit,
        )
    assert verzoek.bsn == BSN
    assert verzoek.beslistermijn_einde == date(2026, 5, 6)  # 5 May 2026
    assert Logregel.objects.get(naam="woo-verzoek.registreren").betrokkene_type == "BSN"


def test_ontvangstbevestiging_noemt_kenmerk_en_termijn_na_commit(
    coordinator: Medewerker,
    settings: Any,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.TASKS = ONMIDDELLIJK
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        verzoek = registreer(coordinator, date(2024, 11, 27))
    assert mailoutbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["j.devries@example.org"]
    assert verzoek.kenmerk in mail.subject
    assert verzoek.kenmerk in mail.body
    assert "maandag 30 december 2024" in mail.body
    assert "art. 4.4 lid 1" in mail.body


def test_teruggedraaide_registratie_stuurt_geen_mail(
    coordinator: Medewerker, settings: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    settings.TASKS = ONMIDDELLIJK
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        registreer(coordinator, date(2024, 11, 27), emailadres="geen-adres")
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("extra", "veld"),
    [
        ({"onderwerp": "  "}, "onderwerp"),
        ({"onderwerp": "x" * 201}, "onderwerp"),
        ({"kanaal": "fax"}, "kanaal"),
        ({"ontvangen_op": date(2099, 1, 1)}, "ontvangen_op"),
        ({"emailadres": "geen-adres"}, "emailadres"),
        ({"emailadres": "", "postadres": ""}, "emailadres"),
        ({"telefoonnummer": "0" * 21}, "telefoonnummer"),
        ({"periode_van": date(2024, 2, 1), "periode_tot": date(2024, 1, 1)}, "periode_tot"),
    ],
)
def test_ongeldig_verzoek_wordt_geweigerd_en_verandert_niets(
    coordinator: Medewerker, extra: dict[str, Any], veld: str
) -> None:
    gegevens = dict(extra)
    ontvangen_op = gegevens.pop("ontvangen_op", date(2024, 3, 1))
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        registreer(coordinator, ontvangen_op, **gegevens)
    assert veld in fout.value.message_dict
    assert momentopname() == voor


def test_webformulier_kan_geen_andere_datum_of_kanaal_opgeven() -> None:
    voor = momentopname()
    with freeze_time("2026-03-30 09:00"):
        with pytest.raises(ValidationError) as fout:
            services.verzoek_registreren(
                onderwerp="X",
                omschrijving="",
                ontvangen_op=date(2026, 3, 1),
                kanaal=Kanaal.WEBFORMULIER,
                emailadres="a@example.org",
                door=None,
            )
        assert "ontvangen_op" in fout.value.message_dict
        with pytest.raises(ValidationError) as fout:
            services.verzoek_registreren(
                onderwerp="X",
                omschrijving="",
                ontvangen_op=date(2026, 3, 30),
                kanaal=Kanaal.BRIEF,
                emailadres="a@example.org",
                door=None,
            )
        assert "kanaal" in fout.value.message_dict
    assert momentopname() == voor


def test_medewerker_zonder_woo_recht_mag_niet_registreren(griffiemedewerker: Medewerker) -> None:
    voor = momentopname()
    with pytest.raises(PermissionDenied):
        registreer(griffiemedewerker, date(2024, 3, 1))
    assert momentopname() == voor


# --- suspension (Woo art. 4.4 lid 3; art. 4.1 lid 5 with Awb 4:15) ---------------------------------


def test_zienswijze_opschorting_duwt_de_termijn_over_pasen(coordinator: Medewerker) -> None:
    # Given a request of 26 February 2024 (four weeks: 25 March)
    verzoek = registreer(coordinator, date(2024, 2, 26))
    assert verzoek.beslistermijn_einde == date(2024, 3, 25)
    # when the term stands still 5–8 March (4 days; the clock runs again on the 9th)
    services.zienswijze_opschorting_registreren(
        verzoek=verzoek, van=date(2024, 3, 5), tot=date(2024, 3, 9), reden=ZIENSWIJZE, door=coordinator
    )
    # then 25 March + 4 = Friday 29 March (Good Friday), Easter Monday 1 April: Tuesday 2 April
    verzoek.refresh_from_db()
    assert verzoek.beslistermijn_einde == date(2024, 4, 2)
    assert verzoek.eerste_termijn_einde == date(2024, 4, 2)


def test_open_opschorting_laat_de_einddatum_leeg_tot_ze_eindigt(coordinator: Medewerker) -> None:
    verzoek = registreer(coordinator, date(2024, 5, 2))
    with freeze_time("2024-05-09 10:00"):
        services.zienswijze_opschorting_registreren(
            verzoek=verzoek, van=date(2024, 5, 10), reden=ZIENSWIJZE, door=coordinator
        )
    verzoek.refresh_from_db()
    assert verzoek.beslistermijn_einde is None
    assert verzoek.status == Verzoekstatus.ZIENSWIJZE_GEVRAAGD
    with freeze_time("2024-05-20 10:00"):
        services.opschorting_beeindigen(verzoek=verzoek, tot=date(2024, 5, 17), door=coordinator)
    verzoek.refresh_from_db()
    # 30 May + 7 suspended days (10–16 May) = 6 June 2024
    assert verzoek.beslistermijn_einde == date(2024, 6, 6)
    assert verzoek.status == Verzoekstatus.ONTVANGEN
    assert Opschorting.objects.get(verzoek=verzoek).tot == date(2024, 5, 17)


def test_verduidelijking_rond_vijf_mei_en_hemelvaart_2027(coordinator: Medewerker) -> None:
    # Given a request of 7 April 2027 (end 10 May: 5 May, Ascension 6 May, equated Friday 7 May)
    with freeze_time("2027-04-08 10:00"):
        verzoek = registreer(coordinator, date(2027, 4, 7))
        assert verzoek.beslistermijn_einde == date(2027, 5, 10)
        # when it is sent back as too general on 8 April: the clock stops from 9 April
        services.verduidelijking_vragen(verzoek=verzoek, reden="Welke periode bedoelt u?", door=coordinator)
    verzoek.refresh_from_db()
    assert verzoek.status == Verzoekstatus.VERDUIDELIJKING_GEVRAAGD
    assert verzoek.beslistermijn_einde is None
    opschorting = Opschorting.objects.get(verzoek=verzoek)
    assert (opschorting.soort, opschorting.van, opschorting.tot) == (
        Opschortingssoort.VERDUIDELIJKING,
        date(2027, 4, 9),
        None,
    )
    # and the answer arrives on 15 April: 6 days suspended (9–14 April)
    with freeze_time("2027-04-15 10:00"):
        services.verduidelijking_ontvangen(verzoek=verzoek, op=date(2027, 4, 15), door=coordinator)
    verzoek.refresh_from_db()
    # then 5 May + 6 = Tuesday 11 May 2027, an ordinary working day
    assert verzoek.beslistermijn_einde == date(2027, 5, 11)
    assert verzoek.status == Verzoekstatus.ONTVANGEN
    assert verzoek.beslistermijn_einde == (
        termijnen.beslistermijn(
            date(2027, 4, 7),
            opschortingen=[termijnen.Opschorting(date(2027, 4, 9), date(2027, 4, 15), "v")],
            op=date(2027, 4, 15),
            extra_feestdagen=gelijkgestelde_dagen(),
        ).einddatum
    )


def test_antwoord_op_dezelfde_dag_schort_niets_op(coordinator: Medewerker) -> None:
    with freeze_time("2026-03-30 10:00"):
        verzoek = registreer(coordinator, date(2026, 3, 30))
        services.verduidelijking_vragen(verzoek=verzoek, reden="Welke straat?", door=coordinator)
        services.verduidelijking_ontvangen(verzoek=verzoek, op=date(2026, 3, 30), door=coordinator)
    verzoek.refresh_from_db()
    assert verzoek.beslistermijn_einde == date(2026, 4, 28)  # King's Day 2026, unchanged


@pytest.mark.parametrize(
    ("van", "tot", "reden", "veld"),
    [
        (date(2024, 5, 2), None, ZIENSWIJZE, "van"),  # not before the day after receipt
        (date(2024, 5, 10), date(2024, 5, 9), ZIENSWIJZE, "tot"),  # ends before it starts
        (date(2024, 5, 10), None, "  ", "reden"),
        (date(2024, 6, 10), None, ZIENSWIJZE, "van"),  # the term ended on 6 June
        (date(2024, 5, 12), date(2024, 5, 14), ZIENSWIJZE, "van"),  # overlaps 10–16 May
    ],
)
def test_ongeldige_opschorting_verandert_niets(
    coordinator: Medewerker, van: date, tot: date | None, reden: str, veld: str
) -> None:
    verzoek = registreer(coordinator, date(2024, 5, 2))
    services.zienswijze_opschorting_registreren(
        verzoek=verzoek, van=date(2024, 5, 10), tot=date(2024, 5, 17), reden=ZIENSWIJZE, door=coordinator
    )
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        services.zienswijze_opschorting_registreren(
            verzoek=verzoek, van=van, tot=tot, reden=reden, door=coordinator
        )
    assert veld in fout.value.message_dict
    assert momentopname() == voor


def test_tweede_open_opschorting_en_beeindigen_zonder_opschorting_worden_geweigerd(
    coordinator: Medewerker,
) -> None:
    with freeze_time("2026-04-08 10:00"):
        verzoek = registreer(coordinator, date(2026, 4, 7))
        voor = momentopname()
        with pytest.raises(ValidationError) as fout:
            services.opschorting_beeindigen(verzoek=verzoek, tot=date(2026, 4, 8), door=coordinator)
        assert "tot" in fout.value.message_dict
        services.zienswijze_opschorting_registreren(
            verzoek=verzoek, van=date(2026, 4, 9), reden=ZIENSWIJZE, door=coordinator
        )
        na_eerste = momentopname()
        with pytest.raises(ValidationError):
            services.zienswijze_opschorting_registreren(
                verzoek=verzoek, van=date(2026, 4, 9), reden=ZIENSWIJZE, door=coordinator
            )
    assert momentopname() == na_eerste != voor


# --- verdaging (Woo art. 4.4 lid 2) ----------------------------------------------------------------


def test_verdaging_in_de_kerstweek_2024(coordinator: Medewerker) -> None:
    # 13 November + 4 weeks = 11 December; + 2 weeks = 25 December (Christmas), 26th, 27th equated,
    # weekend: Monday 30 December 2024
    verzoek = registreer(coordinator, date(2024, 11, 13))
    verdaging = services.verdaging_besluiten(
        verzoek=verzoek, reden=OMVANG, besloten_op=date(2024, 12, 9), door=coordinator
    )
    verzoek.refresh_from_db()
    assert verdaging.dagen == 14
    assert verzoek.eerste_termijn_einde == date(2024, 12, 11)
    assert verzoek.beslistermijn_einde == date(2024, 12, 30)


def test_verdaging_en_opschorting_samen(coordinator: Medewerker) -> None:
    verzoek = registreer(coordinator, date(2024, 5, 2))
    services.zienswijze_opschorting_registreren(
        verzoek=verzoek, van=date(2024, 5, 10), tot=date(2024, 5, 17), reden=ZIENSWIJZE, door=coordinator
    )
    services.verdaging_besluiten(
        verzoek=verzoek, reden=OMVANG, besloten_op=date(2024, 6, 3), door=coordinator
    )
    verzoek.refresh_from_db()
    assert verzoek.eerste_termijn_einde == date(2024, 6, 6)
    assert verzoek.beslistermijn_einde == date(2024, 6, 20)


def test_verdaging_op_tweede_paasdag_is_op_tijd_de_dag_erna_niet(coordinator: Medewerker) -> None:
    # The first term of a request of 1 March 2024 ends Tuesday 2 April (after Easter Monday)
    laat = registreer(coordinator, date(2024, 3, 1))
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        services.verdaging_besluiten(
            verzoek=laat, reden=OMVANG, besloten_op=date(2024, 4, 3), door=coordinator
        )
    assert "besloten_op" in fout.value.message_dict
    assert momentopname() == voor
    services.verdaging_besluiten(verzoek=laat, reden=OMVANG, besloten_op=date(2024, 4, 2), door=coordinator)
    laat.refresh_from_db()
    # counted from 29 March (before the Atw move) + 14 days = Friday 12 April
    assert laat.beslistermijn_einde == date(2024, 4, 12)


@pytest.mark.parametrize(
    ("reden", "dagen", "veld"),
    [("", 14, "reden"), (OMVANG, 15, "dagen"), (OMVANG, 0, "dagen")],
)
def test_ongeldige_verdaging_verandert_niets(
    coordinator: Medewerker, reden: str, dagen: int, veld: str
) -> None:
    verzoek = registreer(coordinator, date(2024, 5, 2))
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        services.verdaging_besluiten(
            verzoek=verzoek, reden=reden, dagen=dagen, besloten_op=date(2024, 5, 20), door=coordinator
        )
    assert veld in fout.value.message_dict
    assert momentopname() == voor


def test_tweede_verdaging_wordt_geweigerd(coordinator: Medewerker) -> None:
    verzoek = registreer(coordinator, date(2024, 5, 2))
    services.verdaging_besluiten(
        verzoek=verzoek, reden=OMVANG, besloten_op=date(2024, 5, 20), door=coordinator
    )
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        services.verdaging_besluiten(
            verzoek=verzoek, reden=OMVANG, besloten_op=date(2024, 5, 21), door=coordinator
        )
    assert "besloten_op" in fout.value.message_dict
    assert momentopname() == voor


def test_verdaging_in_de_toekomst_wordt_geweigerd(coordinator: Medewerker) -> None:
    with freeze_time("2026-04-08 10:00"):
        verzoek = registreer(coordinator, date(2026, 4, 7))
        voor = momentopname()
        with pytest.raises(ValidationError) as fout:
            services.verdaging_besluiten(
                verzoek=verzoek, reden=OMVANG, besloten_op=date(2026, 4, 9), door=coordinator
            )
    assert "besloten_op" in fout.value.message_dict
    assert momentopname() == voor


# --- ingebrekestelling (Awb 6:12) and behandelaar --------------------------------------------------


def test_ingebrekestelling_na_de_termijn_wordt_geregistreerd(coordinator: Medewerker) -> None:
    # 4 December 2025 + 4 weeks = 1 January (New Year), 2 January equated, weekend: the term ends
    # Monday 5 January 2026, so a notice on that day is premature
    verzoek = registreer(coordinator, date(2025, 12, 4))
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        services.ingebrekestelling_registreren(
            verzoek=verzoek, ontvangen_op=date(2026, 1, 5), door=coordinator
        )
    assert "ontvangen_op" in fout.value.message_dict
    assert momentopname() == voor
    ingebrekestelling = services.ingebrekestelling_registreren(
        verzoek=verzoek, ontvangen_op=date(2026, 1, 6), door=coordinator
    )
    assert ingebrekestelling.verzoek_id == verzoek.pk
    assert termijnen.ingebrekestelling(date(2026, 1, 6)) == date(2026, 1, 21)


def test_behandelaar_toewijzen_zet_het_verzoek_in_behandeling(coordinator: Medewerker) -> None:
    collega: Medewerker = MedewerkerFactory(rollen=[Rol.WOO_COORDINATOR])
    verzoek = registreer(coordinator, date(2026, 3, 30))
    verzoek = services.behandelaar_toewijzen(verzoek=verzoek, behandelaar=collega, door=coordinator)
    assert (verzoek.behandelaar, verzoek.status) == (collega, Verzoekstatus.IN_BEHANDELING)
    verzoek = services.behandelaar_toewijzen(verzoek=verzoek, behandelaar=None, door=coordinator)
    assert (verzoek.behandelaar, verzoek.status) == (None, Verzoekstatus.ONTVANGEN)


def test_behandelaar_zonder_woo_recht_wordt_geweigerd(
    coordinator: Medewerker, griffiemedewerker: Medewerker
) -> None:
    verzoek = registreer(coordinator, date(2026, 3, 30))
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        services.behandelaar_toewijzen(verzoek=verzoek, behandelaar=griffiemedewerker, door=coordinator)
    assert "behandelaar" in fout.value.message_dict
    with pytest.raises(PermissionDenied):
        services.behandelaar_toewijzen(verzoek=verzoek, behandelaar=coordinator, door=griffiemedewerker)
    assert momentopname() == voor


def test_afgesloten_verzoek_verandert_niet_meer(coordinator: Medewerker) -> None:
    verzoek = registreer(coordinator, date(2024, 5, 2))
    WooVerzoek.objects.filter(pk=verzoek.pk).update(status=Verzoekstatus.BESLOTEN)
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        services.verdaging_besluiten(
            verzoek=verzoek, reden=OMVANG, besloten_op=date(2024, 5, 20), door=coordinator
        )
    assert "status" in fout.value.message_dict
    assert momentopname() == voor


@pytest.mark.parametrize(
    "actie",
    [
        lambda v, d: services.verduidelijking_vragen(verzoek=v, reden="x", door=d),
        lambda v, d: services.zienswijze_opschorting_registreren(
            verzoek=v, van=date(2024, 5, 10), reden=ZIENSWIJZE, door=d
        ),
        lambda v, d: services.verdaging_besluiten(
            verzoek=v, reden=OMVANG, besloten_op=date(2024, 5, 20), door=d
        ),
        lambda v, d: services.ingebrekestelling_registreren(verzoek=v, ontvangen_op=date(2024, 6, 3), door=d),
    ],
)
def test_zonder_woo_recht_verandert_niemand_de_termijn(
    coordinator: Medewerker, griffiemedewerker: Medewerker, actie: Any
) -> None:
    verzoek = registreer(coordinator, date(2024, 5, 2))
    voor = momentopname()
    with pytest.raises(PermissionDenied):
        actie(verzoek, griffiemedewerker)
    assert momentopname() == voor
