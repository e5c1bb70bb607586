"""Raadsvragen (Gemeentewet art. 155): who may put them, the answer term of the Reglement van Orde
computed by the deadline engine, uitstel, overdue questions, answers only by the college, concepts
never public, and the e-mail notices sent once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming.models import (
    Abonnement,
    Lidmaatschap,
    Persoon,
    Raadsvraag,
    Raadsvraagmelding,
    Raadsvragenregeling,
    Toezegging,
)
from raadhuis.besluitvorming.selectors import raadsvragen as lezen
from raadhuis.besluitvorming.selectors.registers import toezeggingen_register
from raadhuis.besluitvorming.services import raadsvragen as diensten
from raadhuis.besluitvorming.tests.factories import (
    AgendapuntFactory,
    LidmaatschapFactory,
    OrgaanFactory,
    PersoonFactory,
    Raad,
    VergaderingFactory,
    raad_met_leden,
)
from raadhuis.core import zoeken
from raadhuis.core.termijnen import Eenheid, Termijn, bereken_termijn, is_werkdag

pytestmark = pytest.mark.django_db

# Monday 2 March 2026: 30 days later is Wednesday 1 April 2026, no holiday in between that matters.
MAANDAG = dt.date(2026, 3, 2)


@pytest.fixture
def raad() -> Raad:
    return raad_met_leden((2, 1))


@pytest.fixture
def griffie() -> Medewerker:
    return MedewerkerFactory(rollen=[Rol.GRIFFIE])


@pytest.fixture
def wethouder() -> Persoon:
    college = OrgaanFactory(college=True)
    return LidmaatschapFactory(orgaan=college, functie=Lidmaatschap.Functie.WETHOUDER).persoon


@pytest.fixture
def collegelid(wethouder: Persoon) -> Medewerker:
    medewerker = MedewerkerFactory(rollen=[Rol.COLLEGELID])
    wethouder.medewerker = medewerker
    wethouder.save()
    return medewerker


def _raadslid_van(persoon: Persoon) -> Medewerker:
    medewerker = MedewerkerFactory(rollen=[Rol.RAADSLID])
    persoon.medewerker = medewerker
    persoon.save()
    return medewerker


def _stellen(
    indieners: list[Persoon],
    door: Medewerker,
    *,
    op: dt.date = MAANDAG,
    indienen: bool = True,
    vragen: tuple[str, ...] = ("Hoeveel bomen zijn gekapt?", "Wanneer wordt herplant?"),
) -> Raadsvraag:
    return diensten.raadsvraag_opstellen(
        onderwerp="Bomenkap Ackerswoude",
        inleiding="Bewoners meldden kap zonder vergunning.",
        vragen=list(vragen),
        indieners=indieners,
        indienen=indienen,
        ingediend_op=op,
        door=door,
    )


# -- putting and submitting --------------------------------------------------------------------------


def test_raadslid_stelt_eigen_vragen_met_kenmerk_fractie_en_termijn_van_30_dagen(raad: Raad) -> None:
    lid = raad.leden[0]
    vraag = _stellen([lid], _raadslid_van(lid))
    assert vraag.status == Raadsvraag.Status.INGEDIEND
    assert vraag.kenmerk == "RV-2026-001"
    assert [v.nummer for v in vraag.vragen.all()] == [1, 2]
    indiener = vraag.indieners.get()
    assert indiener.eerste
    assert indiener.fractie == raad.fractie_van[lid.pk]
    assert (vraag.termijn_aantal, vraag.termijn_eenheid) == (30, "dagen")
    assert vraag.uiterste_datum == dt.date(2026, 4, 1)


def test_kenmerk_telt_door_binnen_een_jaar_en_begint_opnieuw_in_een_nieuw_jaar(
    raad: Raad, griffie: Medewerker
) -> None:
    eerste = _stellen([raad.leden[0]], griffie, op=dt.date(2025, 12, 30))
    tweede = _stellen([raad.leden[1]], griffie, op=dt.date(2025, 12, 31))
    derde = _stellen([raad.leden[0]], griffie, op=dt.date(2026, 1, 5))
    assert [eerste.kenmerk, tweede.kenmerk, derde.kenmerk] == ["RV-2025-001", "RV-2025-002", "RV-2026-001"]


def test_termijn_die_in_het_weekend_eindigt_schuift_naar_maandag_atw(raad: Raad, griffie: Medewerker) -> None:
    # Friday 2 January 2026 + 30 days = Sunday 1 February; Atw art. 1: Monday 2 February.
    vraag = _stellen([raad.leden[0]], griffie, op=dt.date(2026, 1, 2))
    assert vraag.uiterste_datum == dt.date(2026, 2, 2)


def test_de_griffie_stelt_de_termijn_in_en_oude_vragen_houden_hun_termijn(
    raad: Raad, griffie: Medewerker
) -> None:
    oud = _stellen([raad.leden[0]], griffie)
    diensten.raadsvragenregeling_wijzigen(
        antwoordtermijn=3, eenheid="weken", grondslag="art. 39 RvO (verify locally)", door=griffie
    )
    nieuw = _stellen([raad.leden[0]], griffie)
    oud.refresh_from_db()
    assert oud.uiterste_datum == dt.date(2026, 4, 1)
    assert (nieuw.termijn_aantal, nieuw.termijn_eenheid) == (3, "weken")
    assert nieuw.uiterste_datum == dt.date(2026, 3, 23)


@pytest.mark.parametrize(("aantal", "eenheid"), [(0, "dagen"), (366, "dagen"), (30, "maanden"), (30, "")])
def test_onzinnige_termijn_wordt_geweigerd(griffie: Medewerker, aantal: int, eenheid: str) -> None:
    with pytest.raises(ValidationError) as fout:
        diensten.raadsvragenregeling_wijzigen(
            antwoordtermijn=aantal, eenheid=eenheid, grondslag="RvO", door=griffie
        )
    assert "antwoordtermijn" in fout.value.message_dict
    assert not Raadsvragenregeling.objects.exists()


def test_alleen_de_griffie_stelt_de_termijn_in(raad: Raad) -> None:
    with pytest.raises(PermissionDenied):
        diensten.raadsvragenregeling_wijzigen(
            antwoordtermijn=20, eenheid="dagen", grondslag="RvO", door=_raadslid_van(raad.leden[0])
        )


def test_iemand_die_geen_raadslid_is_kan_geen_vragen_stellen(raad: Raad, griffie: Medewerker) -> None:
    buitenstaander = PersoonFactory(achternaam="Jansen")
    with pytest.raises(ValidationError) as fout:
        _stellen([raad.leden[0], buitenstaander], griffie)
    assert any("geen lid van de gemeenteraad" in m for m in fout.value.message_dict["indieners"])
    assert not Raadsvraag.objects.exists()


def test_een_wethouder_is_geen_raadslid_en_stelt_geen_raadsvragen(
    raad: Raad, griffie: Medewerker, wethouder: Persoon
) -> None:
    with pytest.raises(ValidationError) as fout:
        _stellen([wethouder], griffie)
    assert "indieners" in fout.value.message_dict


def test_lidmaatschap_telt_op_de_datum_van_indiening(raad: Raad, griffie: Medewerker) -> None:
    vertrokken = raad.leden[0]
    Lidmaatschap.objects.filter(persoon=vertrokken).update(einde=dt.date(2026, 2, 28))
    with pytest.raises(ValidationError):
        _stellen([vertrokken], griffie, op=MAANDAG)
    # Registered late by the griffie, with the date the questions came in: then still a member.
    assert _stellen([vertrokken], griffie, op=dt.date(2026, 2, 27)).status == Raadsvraag.Status.INGEDIEND


def test_raadslid_stelt_geen_vragen_namens_een_ander(raad: Raad) -> None:
    with pytest.raises(PermissionDenied):
        _stellen([raad.leden[1]], _raadslid_van(raad.leden[0]))


def test_collegelid_stelt_geen_raadsvragen(raad: Raad, collegelid: Medewerker) -> None:
    with pytest.raises(PermissionDenied):
        _stellen([raad.leden[0]], collegelid)


@pytest.mark.parametrize(
    ("onderwerp", "vragen", "veld"),
    [("", ("Een vraag?",), "onderwerp"), ("Bomen", (), "vragen"), ("Bomen", ("  ", "\n"), "vragen")],
)
def test_lege_invoer_wordt_geweigerd(
    raad: Raad, griffie: Medewerker, onderwerp: str, vragen: tuple[str, ...], veld: str
) -> None:
    with pytest.raises(ValidationError) as fout:
        diensten.raadsvraag_opstellen(
            onderwerp=onderwerp, vragen=list(vragen), indieners=[raad.leden[0]], door=griffie
        )
    assert veld in fout.value.message_dict
    assert not Raadsvraag.objects.exists()


def test_dubbele_indiener_en_datum_in_de_toekomst_worden_geweigerd(raad: Raad, griffie: Medewerker) -> None:
    with pytest.raises(ValidationError) as fout:
        _stellen([raad.leden[0], raad.leden[0]], griffie, op=timezone.localdate() + dt.timedelta(days=1))
    assert set(fout.value.message_dict) == {"indieners", "ingediend_op"}


def test_concept_is_niet_openbaar_tot_het_is_ingediend(raad: Raad) -> None:
    lid = raad.leden[0]
    raadslid = _raadslid_van(lid)
    concept = _stellen([lid], raadslid, indienen=False)
    assert concept.kenmerk == ""
    assert concept.uiterste_datum is None
    assert lezen.raadsvragen_register(lezen.Raadsvragenfilter(openbaar=True)) == []
    assert lezen.openbare_raadsvraag(concept.kenmerk) is None
    assert zoeken.zoeken(vraag="Bomenkap", alleen_openbaar=False).totaal == 0

    diensten.raadsvraag_indienen(raadsvraag=concept, door=raadslid)
    concept.refresh_from_db()
    assert concept.status == Raadsvraag.Status.INGEDIEND
    assert lezen.openbare_raadsvraag(concept.kenmerk) == concept
    assert zoeken.zoeken(vraag="Bomenkap", alleen_openbaar=False).totaal == 1


def test_concept_van_een_ander_raadslid_is_in_de_werkplek_onzichtbaar(
    raad: Raad, griffie: Medewerker
) -> None:
    eigen = _raadslid_van(raad.leden[0])
    ander = _raadslid_van(raad.leden[1])
    _stellen([raad.leden[0]], eigen, indienen=False)

    def zichtbaar(medewerker: Medewerker, alle: bool = False) -> int:
        filter = lezen.Raadsvragenfilter(openbaar=False, alle_concepten=alle, concepten_van=medewerker.pk)
        return len(lezen.raadsvragen_register(filter))

    assert zichtbaar(eigen) == 1
    assert zichtbaar(ander) == 0
    assert zichtbaar(griffie, alle=True) == 1


def test_ingediende_vraag_kan_niet_opnieuw_worden_ingediend(raad: Raad, griffie: Medewerker) -> None:
    vraag = _stellen([raad.leden[0]], griffie)
    with pytest.raises(ValidationError):
        diensten.raadsvraag_indienen(raadsvraag=vraag, door=griffie)


# -- routing, uitstel, answer --------------------------------------------------------------------------


def test_griffie_wijst_een_wethouder_toe_en_koppelt_agendapunt(
    raad: Raad, griffie: Medewerker, wethouder: Persoon
) -> None:
    vraag = _stellen([raad.leden[0]], griffie)
    punt = AgendapuntFactory(vergadering=VergaderingFactory(orgaan=raad.orgaan))
    diensten.raadsvraag_toewijzen(
        raadsvraag=vraag, portefeuillehouder=wethouder, agendapunten=[punt], door=griffie
    )
    vraag.refresh_from_db()
    assert vraag.status == Raadsvraag.Status.IN_BEHANDELING
    assert vraag.portefeuillehouder == wethouder
    assert list(vraag.agendapunten.all()) == [punt]


def test_portefeuillehouder_is_een_collegelid(raad: Raad, griffie: Medewerker) -> None:
    vraag = _stellen([raad.leden[0]], griffie)
    with pytest.raises(ValidationError) as fout:
        diensten.raadsvraag_toewijzen(raadsvraag=vraag, portefeuillehouder=raad.leden[1], door=griffie)
    assert "portefeuillehouder" in fout.value.message_dict


def _recent(raad: Raad, griffie: Medewerker, wethouder: Persoon) -> Raadsvraag:
    """A question submitted today, in behandeling with the wethouder: its term still runs."""
    vraag = _stellen([raad.leden[0]], griffie, op=timezone.localdate())
    return diensten.raadsvraag_toewijzen(raadsvraag=vraag, portefeuillehouder=wethouder, door=griffie)


def test_uitstel_verschuift_de_uiterste_datum_met_de_termijnmotor(
    raad: Raad, griffie: Medewerker, wethouder: Persoon, collegelid: Medewerker
) -> None:
    vraag = _recent(raad, griffie, wethouder)
    diensten.raadsvraag_uitstellen(
        raadsvraag=vraag, aantal=2, eenheid="weken", reden="Advies van de omgevingsdienst", door=collegelid
    )
    vraag.refresh_from_db()
    verwacht = bereken_termijn(
        gebeurtenis=timezone.localdate(),
        termijn=Termijn(30, Eenheid.DAGEN),
        verlenging=Termijn(2, Eenheid.WEKEN),
    ).einddatum
    assert vraag.uiterste_datum == verwacht
    assert vraag.uitstel_reden == "Advies van de omgevingsdienst"


def test_uitstel_zonder_reden_of_voor_de_tweede_keer_wordt_geweigerd(
    raad: Raad, griffie: Medewerker, wethouder: Persoon
) -> None:
    vraag = _recent(raad, griffie, wethouder)
    with pytest.raises(ValidationError) as fout:
        diensten.raadsvraag_uitstellen(raadsvraag=vraag, aantal=14, eenheid="dagen", reden=" ", door=griffie)
    assert "reden" in fout.value.message_dict
    diensten.raadsvraag_uitstellen(raadsvraag=vraag, aantal=14, eenheid="dagen", reden="Drukte", door=griffie)
    with pytest.raises(ValidationError) as fout:
        diensten.raadsvraag_uitstellen(
            raadsvraag=vraag, aantal=7, eenheid="dagen", reden="Nog meer", door=griffie
        )
    assert "aantal" in fout.value.message_dict


def test_uitstel_na_afloop_van_de_termijn_wordt_geweigerd(raad: Raad, griffie: Medewerker) -> None:
    vraag = _stellen([raad.leden[0]], griffie, op=dt.date(2025, 1, 6))
    with pytest.raises(ValidationError):
        diensten.raadsvraag_uitstellen(
            raadsvraag=vraag, aantal=14, eenheid="dagen", reden="Te laat", door=griffie
        )


def test_raadslid_legt_geen_uitstel_vast(raad: Raad, griffie: Medewerker, wethouder: Persoon) -> None:
    vraag = _recent(raad, griffie, wethouder)
    with pytest.raises(PermissionDenied):
        diensten.raadsvraag_uitstellen(
            raadsvraag=vraag, aantal=14, eenheid="dagen", reden="Graag", door=_raadslid_van(raad.leden[0])
        )


def test_alleen_het_college_beantwoordt(raad: Raad, griffie: Medewerker, wethouder: Persoon) -> None:
    vraag = _recent(raad, griffie, wethouder)
    for door in (griffie, _raadslid_van(raad.leden[0]), MedewerkerFactory(rollen=[Rol.BEHEERDER])):
        with pytest.raises(PermissionDenied):
            diensten.raadsvraag_beantwoorden(raadsvraag=vraag, antwoord="Antwoord", door=door)
        with pytest.raises(PermissionDenied):
            diensten.raadsvraag_conceptantwoord_opslaan(raadsvraag=vraag, tekst="Concept", door=door)
    vraag.refresh_from_db()
    assert vraag.status == Raadsvraag.Status.IN_BEHANDELING


def test_college_schrijft_een_concept_en_verzendt_het_antwoord(
    raad: Raad, griffie: Medewerker, wethouder: Persoon, collegelid: Medewerker
) -> None:
    vraag = _recent(raad, griffie, wethouder)
    diensten.raadsvraag_conceptantwoord_opslaan(
        raadsvraag=vraag, tekst="Werktekst: 12 bomen", door=collegelid
    )
    vraag.refresh_from_db()
    assert vraag.concept_antwoord == "Werktekst: 12 bomen"
    assert vraag.antwoord == ""
    # The draft is not searchable, public or not.
    assert zoeken.zoeken(vraag="Werktekst", alleen_openbaar=False).totaal == 0

    diensten.raadsvraag_beantwoorden(raadsvraag=vraag, antwoord="Er zijn 12 bomen gekapt.", door=collegelid)
    vraag.refresh_from_db()
    assert vraag.status == Raadsvraag.Status.BEANTWOORD
    assert vraag.beantwoord_op == timezone.localdate()
    assert vraag.concept_antwoord == ""
    assert zoeken.zoeken(vraag="gekapt", alleen_openbaar=False).totaal == 1
    with pytest.raises(ValidationError):
        diensten.raadsvraag_beantwoorden(raadsvraag=vraag, antwoord="Nogmaals", door=collegelid)


def test_antwoord_vraagt_tekst_portefeuillehouder_en_een_geldige_datum(
    raad: Raad, griffie: Medewerker, collegelid: Medewerker
) -> None:
    vraag = _stellen([raad.leden[0]], griffie, op=MAANDAG)
    with pytest.raises(ValidationError) as fout:
        diensten.raadsvraag_beantwoorden(
            raadsvraag=vraag, antwoord="", beantwoord_op=dt.date(2026, 3, 1), door=collegelid
        )
    assert set(fout.value.message_dict) == {"antwoord", "beantwoord_op"}
    assert any("portefeuillehouder" in m for m in fout.value.message_dict["antwoord"])
    vraag.refresh_from_db()
    assert vraag.status == Raadsvraag.Status.INGEDIEND


# -- overdue -------------------------------------------------------------------------------------------


def test_te_laat_wordt_berekend_en_verdwijnt_na_het_antwoord(
    raad: Raad, griffie: Medewerker, wethouder: Persoon, collegelid: Medewerker
) -> None:
    vraag = _stellen([raad.leden[0]], griffie, op=MAANDAG)
    assert not vraag.te_laat_op(dt.date(2026, 4, 1))
    assert vraag.te_laat_op(dt.date(2026, 4, 2))
    assert vraag.dagen_te_laat_op(dt.date(2026, 4, 4)) == 3
    filter = lezen.Raadsvragenfilter(alleen_te_laat=True, op=dt.date(2026, 4, 2))
    assert [r.raadsvraag for r in lezen.raadsvragen_register(filter)] == [vraag]
    assert list(lezen.te_late_raadsvragen(op=dt.date(2026, 4, 2))) == [vraag]

    diensten.raadsvraag_toewijzen(raadsvraag=vraag, portefeuillehouder=wethouder, door=griffie)
    diensten.raadsvraag_beantwoorden(raadsvraag=vraag, antwoord="Laat, maar hier.", door=collegelid)
    vraag.refresh_from_db()
    assert not vraag.te_laat_op(dt.date(2026, 12, 1))
    assert lezen.raadsvragen_register(filter) == []


def test_register_filtert_op_fractie_portefeuillehouder_en_zoekterm(
    raad: Raad, griffie: Medewerker, wethouder: Persoon
) -> None:
    eerste = _stellen([raad.leden[0]], griffie)
    tweede = diensten.raadsvraag_opstellen(
        onderwerp="Parkeren Koningshof",
        vragen=["Waarom zijn de vakken verkleind?"],
        indieners=[raad.leden[2]],
        indienen=True,
        ingediend_op=MAANDAG,
        door=griffie,
    )
    diensten.raadsvraag_toewijzen(raadsvraag=tweede, portefeuillehouder=wethouder, door=griffie)

    def kenmerken(**kwargs: object) -> list[str]:
        return [r.raadsvraag.kenmerk for r in lezen.raadsvragen_register(lezen.Raadsvragenfilter(**kwargs))]  # type: ignore[arg-type]

    assert kenmerken(fractie=raad.fractie_van[raad.leden[0].pk]) == [eerste.kenmerk]
    assert kenmerken(portefeuillehouder=wethouder) == [tweede.kenmerk]
    assert kenmerken(zoekterm="verkleind") == [tweede.kenmerk]


# -- withdrawing ---------------------------------------------------------------------------------------


def test_intrekken_verwijdert_een_concept_en_markeert_een_ingediende_vraag(raad: Raad) -> None:
    lid = raad.leden[0]
    raadslid = _raadslid_van(lid)
    concept = _stellen([lid], raadslid, indienen=False)
    assert diensten.raadsvraag_intrekken(raadsvraag=concept, door=raadslid) is None
    assert not Raadsvraag.objects.filter(pk=concept.pk).exists()

    vraag = _stellen([lid], raadslid)
    ingetrokken = diensten.raadsvraag_intrekken(raadsvraag=vraag, door=raadslid)
    assert ingetrokken is not None
    assert ingetrokken.status == Raadsvraag.Status.INGETROKKEN
    assert not ingetrokken.te_laat_op(dt.date(2027, 1, 1))
    with pytest.raises(PermissionDenied):
        diensten.raadsvraag_intrekken(raadsvraag=vraag, door=_raadslid_van(raad.leden[1]))


# -- notices -------------------------------------------------------------------------------------------


def test_abonnee_op_raadsvragen_krijgt_een_melding_eenmaal(raad: Raad, griffie: Medewerker) -> None:
    nu = timezone.now()
    wel = Abonnement.objects.create(
        emailadres="wel@example.org", agendas=False, besluiten=False, raadsvragen=True,
        nonce="a", aangevraagd_op=nu, bevestigd_op=nu,
    )  # fmt: skip
    Abonnement.objects.create(emailadres="niet@example.org", nonce="b", aangevraagd_op=nu, bevestigd_op=nu)
    Abonnement.objects.create(
        emailadres="onbevestigd@example.org", raadsvragen=True, nonce="c", aangevraagd_op=nu
    )
    vraag = _stellen([raad.leden[0]], griffie)
    mail.outbox.clear()
    assert diensten.raadsvraag_melden(raadsvraag=vraag, soort=Raadsvraagmelding.Soort.INGEDIEND) == 1
    assert diensten.raadsvraag_melden(raadsvraag=vraag, soort=Raadsvraagmelding.Soort.INGEDIEND) == 0
    assert [m.to for m in mail.outbox] == [["wel@example.org"]]
    assert vraag.kenmerk in mail.outbox[0].subject
    assert "Bomenkap Ackerswoude" in mail.outbox[0].body
    assert reverse("besluitvorming:raadsvraag", args=[vraag.kenmerk]) in mail.outbox[0].body
    assert Raadsvraagmelding.objects.get().abonnement == wel
    # No answer yet: nothing to tell.
    assert diensten.raadsvraag_melden(raadsvraag=vraag, soort=Raadsvraagmelding.Soort.BEANTWOORD) == 0


def test_concept_stuurt_geen_melding(raad: Raad, griffie: Medewerker) -> None:
    nu = timezone.now()
    Abonnement.objects.create(
        emailadres="wel@example.org", raadsvragen=True, nonce="a", aangevraagd_op=nu, bevestigd_op=nu
    )
    concept = _stellen([raad.leden[0]], griffie, indienen=False)
    assert diensten.raadsvraag_melden(raadsvraag=concept, soort=Raadsvraagmelding.Soort.INGEDIEND) == 0


# -- the term, for many dates --------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    ingediend=st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2028, 12, 31)),
    aantal=st.integers(min_value=1, max_value=90),
    eenheid=st.sampled_from(["dagen", "weken", "werkdagen"]),
    uitstel=st.integers(min_value=1, max_value=60),
)
def test_uiterste_datum_is_een_werkdag_na_de_termijn_en_uitstel_vervroegt_nooit(
    ingediend: dt.date, aantal: int, eenheid: str, uitstel: int
) -> None:
    vraag = Raadsvraag(ingediend_op=ingediend, termijn_aantal=aantal, termijn_eenheid=eenheid)
    zonder = diensten.uiterste_datum_berekenen(vraag)
    vraag.uitstel_aantal, vraag.uitstel_eenheid = uitstel, "dagen"
    met = diensten.uiterste_datum_berekenen(vraag)
    assert is_werkdag(zonder)
    assert is_werkdag(met)
    assert zonder >= ingediend + dt.timedelta(days=aantal)
    # The Atw may already have moved the end past the extra days (a weekend), so "not earlier", and
    # never less than both periods counted in calendar days.
    assert met >= zonder
    assert met >= ingediend + dt.timedelta(days=aantal + uitstel)


# -- toezeggingen from the answer, and the cost of the register ---------------------------------------


def test_toezegging_uit_het_antwoord_komt_in_het_register_en_hangt_aan_de_vraag(
    raad: Raad, griffie: Medewerker, wethouder: Persoon, collegelid: Medewerker
) -> None:
    vraag = _recent(raad, griffie, wethouder)
    diensten.raadsvraag_beantwoorden(raadsvraag=vraag, antwoord="Wij komen erop terug.", door=collegelid)
    vergadering = VergaderingFactory(orgaan=raad.orgaan, begin=timezone.now())
    toezegging = diensten.raadsvraag_toezegging_vastleggen(
        raadsvraag=vraag,
        vergadering=vergadering,
        tekst="De wethouder stuurt voor de zomer een raadsinformatiebrief over de herplant.",
        uiterste_datum=timezone.localdate() + dt.timedelta(days=90),
        door=griffie,
    )
    assert toezegging.portefeuillehouder == wethouder
    assert list(vraag.toezeggingen.all()) == [toezegging]
    assert [r.item for r in toezeggingen_register()] == [toezegging]


def test_toezegging_uit_het_antwoord_vraagt_een_portefeuillehouder_en_de_griffie(
    raad: Raad, griffie: Medewerker, collegelid: Medewerker
) -> None:
    vraag = _stellen([raad.leden[0]], griffie)
    vergadering = VergaderingFactory(orgaan=raad.orgaan, begin=timezone.now())
    gegevens = {
        "raadsvraag": vraag,
        "vergadering": vergadering,
        "tekst": "Toezegging",
        "uiterste_datum": timezone.localdate() + dt.timedelta(days=30),
    }
    with pytest.raises(ValidationError) as fout:
        diensten.raadsvraag_toezegging_vastleggen(**gegevens, door=griffie)  # type: ignore[arg-type]
    assert "tekst" in fout.value.message_dict
    with pytest.raises(PermissionDenied):
        diensten.raadsvraag_toezegging_vastleggen(**gegevens, door=collegelid)  # type: ignore[arg-type]
    assert not Toezegging.objects.exists()


def test_register_kost_een_vast_aantal_queries(
    raad: Raad, griffie: Medewerker, wethouder: Persoon, django_assert_num_queries: Any
) -> None:
    def drie_vragen() -> None:
        for lid in raad.leden:
            vraag = _stellen([lid], griffie)
            diensten.raadsvraag_toewijzen(raadsvraag=vraag, portefeuillehouder=wethouder, door=griffie)

    def lezen_zoals_de_pagina() -> list[tuple[str, list[str], str, int]]:
        return [
            (
                r.raadsvraag.kenmerk,
                [f"{v.persoon.naam} {v.fractie}" for v in r.raadsvraag.indieners.all()],
                r.raadsvraag.portefeuillehouder.naam if r.raadsvraag.portefeuillehouder else "",
                len(r.raadsvraag.vragen.all()),
            )
            for r in lezen.raadsvragen_register()
        ]

    drie_vragen()
    with django_assert_num_queries(3):
        eerst = lezen_zoals_de_pagina()
    drie_vragen()
    with django_assert_num_queries(3):
        daarna = lezen_zoals_de_pagina()
    assert (len(eerst), len(daarna)) == (3, 6)


def test_concept_wordt_herschreven_maar_een_ingediende_vraag_niet(raad: Raad) -> None:
    lid = raad.leden[0]
    raadslid = _raadslid_van(lid)
    concept = _stellen([lid], raadslid, indienen=False)
    diensten.raadsvraag_bijwerken(
        raadsvraag=concept,
        onderwerp="Bomenkap en herplant",
        vragen=["Eén vraag nu."],
        indieners=[lid, raad.leden[2]],
        door=raadslid,
    )
    concept.refresh_from_db()
    assert concept.onderwerp == "Bomenkap en herplant"
    assert [v.tekst for v in concept.vragen.all()] == ["Eén vraag nu."]
    assert [(v.persoon, v.eerste) for v in concept.indieners.all()] == [(lid, True), (raad.leden[2], False)]
    with pytest.raises(ValidationError) as fout:
        diensten.raadsvraag_bijwerken(
            raadsvraag=concept, onderwerp="", vragen=[], indieners=[lid], door=raadslid
        )
    assert set(fout.value.message_dict) == {"onderwerp", "vragen"}

    diensten.raadsvraag_indienen(raadsvraag=concept, door=raadslid)
    with pytest.raises(ValidationError):
        diensten.raadsvraag_bijwerken(
            raadsvraag=concept, onderwerp="Anders", vragen=["Anders?"], indieners=[lid], door=raadslid
        )


def test_raadslid_haalt_zichzelf_niet_uit_een_concept_van_een_ander(raad: Raad, griffie: Medewerker) -> None:
    concept = _stellen([raad.leden[1]], griffie, indienen=False)
    with pytest.raises(PermissionDenied):
        diensten.raadsvraag_bijwerken(
            raadsvraag=concept,
            onderwerp="Overgenomen",
            vragen=["Vraag?"],
            indieners=[raad.leden[0]],
            door=_raadslid_van(raad.leden[0]),
        )
