"""Consultations: open and closed by date, reactions refused after closing or when abusive, moderation,
the nota van beantwoording and its publication (Gemeentewet art. 150; Woo art. 3.3; AVG art. 5)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core import zoeken
from raadhuis.core.models import Logregel
from raadhuis.publicatie import selectors as publicatieselectors
from raadhuis.samenleving.models import Consultatie, Reactie
from raadhuis.samenleving.selectors import consultaties as selectors
from raadhuis.samenleving.services import consultaties as services
from raadhuis.samenleving.tests.hulp import consultatie, reactie, vandaag

pytestmark = pytest.mark.django_db

DIRECT = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _indienen(c: Consultatie, **velden: Any) -> Reactie:
    waarden: dict[str, Any] = {
        "naam": "Jan de Vries",
        "emailadres": "Jan@Example.org",
        "tekst": "Ik ben tegen betaald parkeren in de Dorpsstraat.",
        "openbaar": True,
        "naam_tonen": False,
        **velden,
    }
    return services.reactie_indienen(consultatie=c, **waarden)


# -- status by date -----------------------------------------------------------------------------------


@given(begin=st.integers(-400, 400), duur=st.integers(0, 200), dag=st.integers(-400, 800))
@hypothesis_settings(max_examples=200, deadline=None)
def test_status_volgt_uit_de_datums(begin: int, duur: int, dag: int) -> None:
    basis = dt.date(2026, 1, 1)
    c = Consultatie(
        begindatum=basis + dt.timedelta(days=begin), einddatum=basis + dt.timedelta(days=begin + duur)
    )
    op = basis + dt.timedelta(days=dag)
    verwacht = "gepland" if op < c.begindatum else "open" if op <= c.einddatum else "gesloten"
    assert c.status_op(op) == verwacht


def test_consultatie_is_gesloten_na_de_einddatum_en_open_op_de_laatste_dag() -> None:
    assert consultatie(begin=-10, eind=0).status == Consultatie.Status.OPEN
    assert consultatie(begin=-10, eind=-1).status == Consultatie.Status.GESLOTEN
    assert consultatie(begin=1, eind=10).status == Consultatie.Status.GEPLAND


def test_aanmaken_weigert_einde_voor_begin(griffier: Medewerker) -> None:
    with pytest.raises(ValidationError) as fout:
        services.consultatie_aanmaken(
            titel="X",
            samenvatting="Y",
            initiatiefnemer="raad",
            begindatum=vandaag(),
            einddatum=vandaag() - dt.timedelta(days=1),
            contact="Griffie",
            door=griffier,
        )
    assert "einddatum" in fout.value.message_dict
    assert not Consultatie.objects.exists()


def test_aanmaken_alleen_met_het_recht() -> None:
    raadslid = MedewerkerFactory(rollen=[Rol.RAADSLID])
    with pytest.raises(PermissionDenied):
        services.consultatie_aanmaken(
            titel="X",
            samenvatting="Y",
            initiatiefnemer="raad",
            begindatum=vandaag(),
            einddatum=vandaag(),
            contact="Griffie",
            door=raadslid,
        )


def test_aanmaken_maakt_haar_vindbaar_en_meldt_abonnees(
    griffier: Medewerker, django_capture_on_commit_callbacks: Callable[..., Any], settings: Any
) -> None:
    from raadhuis.samenleving.services import abonnementen

    settings.TASKS = DIRECT

    abonnementen.abonnement_aanvragen(emailadres="lezer@example.org", consultaties=True, petities=False)
    abonnementen.abonnement_bevestigen(abonnement=abonnementen.Abonnement.objects.get())
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        c = services.consultatie_aanmaken(
            titel="Ontwerp-Groenbeleidsplan",
            samenvatting="Bomen en parken in Nootdorp.",
            initiatiefnemer="college",
            begindatum=vandaag(),
            einddatum=vandaag() + dt.timedelta(days=42),
            contact="Team Groen",
            door=griffier,
        )
    assert zoeken.zoeken(vraag="Groenbeleidsplan").totaal == 1
    assert [m.to for m in mail.outbox] == [["lezer@example.org"]]
    # A second announcement of the same opening sends nothing.
    assert services.consultatie_geopend_melden(consultatie=c) == 0


def test_wijzigen_van_een_gestarte_consultatie_laat_de_begindatum_staan(griffier: Medewerker) -> None:
    c = consultatie(begin=-3, eind=10)
    with pytest.raises(ValidationError) as fout:
        services.consultatie_wijzigen(
            consultatie=c,
            titel=c.titel,
            samenvatting=c.samenvatting,
            initiatiefnemer=c.initiatiefnemer,
            begindatum=c.begindatum + dt.timedelta(days=1),
            einddatum=c.einddatum,
            contact=c.contact,
            door=griffier,
        )
    assert "begindatum" in fout.value.message_dict
    verlengd = services.consultatie_wijzigen(
        consultatie=c,
        titel=c.titel,
        samenvatting=c.samenvatting,
        initiatiefnemer=c.initiatiefnemer,
        begindatum=c.begindatum,
        einddatum=c.einddatum + dt.timedelta(days=14),
        contact=c.contact,
        door=griffier,
    )
    assert verlengd.einddatum == c.einddatum + dt.timedelta(days=14)


# -- documents ------------------------------------------------------------------------------------------


def test_document_alleen_als_pdf_of_kantoordocument(griffier: Medewerker) -> None:
    c = consultatie()
    with pytest.raises(ValidationError) as fout:
        services.document_toevoegen(
            consultatie=c,
            titel="Ontwerp",
            bestand=SimpleUploadedFile(
                "ontwerp.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
            ),
            door=griffier,
        )
    assert "bestand" in fout.value.message_dict
    assert not c.documenten.exists()
    document = services.document_toevoegen(
        consultatie=c,
        titel="Ontwerp",
        bestand=SimpleUploadedFile("ontwerp.pdf", PDF, content_type="application/pdf"),
        door=griffier,
    )
    assert document.mediatype == "application/pdf"


# -- reactions ----------------------------------------------------------------------------------------


def test_reactie_wordt_ontvangen_bevestigd_en_gelogd(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    c = consultatie()
    with django_capture_on_commit_callbacks(execute=True):
        r = _indienen(c)
    assert r.emailadres == "jan@example.org"
    assert r.moderatie == Reactie.Moderatie.TE_BEOORDELEN
    assert [m.to for m in mail.outbox] == [["jan@example.org"]]
    assert c.titel in mail.outbox[0].subject
    assert Logregel.objects.filter(naam="reactie op consultatie ontvangen").count() == 1


def test_reactie_na_de_einddatum_wordt_geweigerd() -> None:
    c = consultatie(begin=-30, eind=-1)
    with pytest.raises(ValidationError) as fout:
        _indienen(c)
    assert "gesloten" in " ".join(fout.value.message_dict["__all__"])
    assert not Reactie.objects.exists()
    assert not mail.outbox


def test_reactie_voor_de_begindatum_wordt_geweigerd() -> None:
    with pytest.raises(ValidationError):
        _indienen(consultatie(begin=2, eind=20))
    assert not Reactie.objects.exists()


def test_reactie_na_publicatie_van_de_nota_wordt_geweigerd() -> None:
    from django.utils import timezone

    c = consultatie(begin=-30, eind=5, nota_gepubliceerd_op=timezone.now())
    with pytest.raises(ValidationError):
        _indienen(c)


@pytest.mark.parametrize(
    "tekst",
    [
        "Wat een klootzakken zijn jullie.",
        "KLOOTZAK!",
        "Die wethouder is een k4nkerlijer",
        "Als dit doorgaat maak ik je af.",
        "Tyfuslijers, allemaal.",
    ],
)
def test_beledigende_reactie_wordt_geweigerd_met_uitleg(tekst: str) -> None:
    with pytest.raises(ValidationError) as fout:
        _indienen(consultatie(), tekst=tekst)
    melding = " ".join(fout.value.message_dict["tekst"])
    assert "Pas uw tekst aan" in melding
    assert not Reactie.objects.exists()


@pytest.mark.parametrize(
    "tekst",
    [
        "De eikels van de eik in het park vallen op de auto's.",
        "Meer geld voor kankeronderzoek en de hospice.",
        "Ik vind het plan idioot duur.",
    ],
)
def test_gewone_woorden_worden_niet_geweigerd(tekst: str) -> None:
    assert _indienen(consultatie(), tekst=tekst).pk is not None


@pytest.mark.parametrize(
    ("velden", "veld"),
    [
        ({"naam": "  "}, "naam"),
        ({"emailadres": "geen-adres"}, "emailadres"),
        ({"tekst": ""}, "tekst"),
        ({"tekst": "x" * (services.MAX_REACTIE + 1)}, "tekst"),
        ({"openbaar": False, "naam_tonen": True}, "naam_tonen"),
    ],
)
def test_onjuiste_reactie_wordt_geweigerd(velden: dict[str, Any], veld: str) -> None:
    with pytest.raises(ValidationError) as fout:
        _indienen(consultatie(), **velden)
    assert veld in fout.value.message_dict
    assert not Reactie.objects.exists()


# -- what the public sees ----------------------------------------------------------------------------


def test_alleen_openbare_goedgekeurde_reacties_zijn_publiek(griffier: Medewerker) -> None:
    c = consultatie()
    openbaar = reactie(c, tekst="Openbaar en goedgekeurd")
    niet_openbaar = reactie(c, tekst="Niet openbaar", openbaar=False, naam_tonen=False)
    nog_niet = reactie(c, tekst="Nog niet beoordeeld")
    verborgen = reactie(c, tekst="Verborgen")
    services.reactie_beoordelen(reactie=openbaar, goedkeuren=True, door=griffier)
    # Approving a non-public reaction still never makes it public.
    services.reactie_beoordelen(reactie=niet_openbaar, goedkeuren=True, door=griffier)
    services.reactie_beoordelen(reactie=verborgen, goedkeuren=False, reden="Spam", door=griffier)
    publiek = selectors.consultatie_publiek(c.pk)
    assert publiek is not None
    assert [r.pk for r in publiek.openbare_reacties_lijst] == [openbaar.pk]
    assert nog_niet.pk not in [r.pk for r in selectors.openbare_reacties()]


def test_verbergen_vraagt_een_reden(griffier: Medewerker) -> None:
    r = reactie(consultatie())
    with pytest.raises(ValidationError) as fout:
        services.reactie_beoordelen(reactie=r, goedkeuren=False, reden=" ", door=griffier)
    assert "reden" in fout.value.message_dict
    r.refresh_from_db()
    assert r.moderatie == Reactie.Moderatie.TE_BEOORDELEN


def test_modereren_alleen_door_de_griffie() -> None:
    collegelid = MedewerkerFactory(rollen=[Rol.COLLEGELID])
    with pytest.raises(PermissionDenied):
        services.reactie_beoordelen(reactie=reactie(consultatie()), goedkeuren=True, door=collegelid)


def test_naam_alleen_publiek_met_toestemming() -> None:
    c = consultatie()
    assert reactie(c, naam_tonen=False).afzender_publiek == "Anonieme inzender"
    assert reactie(c, naam_tonen=True, organisatie="Fietsersbond").afzender_publiek == (
        "Fatima el Amrani (Fietsersbond)"
    )


# -- nota van beantwoording -------------------------------------------------------------------------


def _gesloten_en_beantwoord(griffier: Medewerker) -> tuple[Consultatie, Reactie, Reactie]:
    c = consultatie(begin=-50, eind=-1)
    openbaar = reactie(c, tekst="Fietsenstalling bij het station")
    prive = reactie(
        c, naam="Geheim Persoon", tekst="Mijn buurman parkeert altijd fout", openbaar=False, naam_tonen=False
    )
    services.reactie_beoordelen(reactie=openbaar, goedkeuren=True, door=griffier)
    services.reactie_beantwoorden(
        reactie=openbaar,
        thema="Fietsen",
        antwoord="Er komen 200 plekken bij.",
        ontwerp_gewijzigd=True,
        door=griffier,
    )
    services.reactie_beantwoorden(
        reactie=prive,
        thema="Handhaving",
        antwoord="Handhaving krijgt meer capaciteit.",
        ontwerp_gewijzigd=False,
        door=griffier,
    )
    return c, openbaar, prive


def _publiceren(c: Consultatie, griffier: Medewerker) -> Consultatie:
    return services.nota_publiceren(
        consultatie=c,
        inleiding="Twee reacties.",
        besluit_omschrijving="Het college stelde het parkeerbeleid vast op 1 maart.",
        besluit_sleutel="besluit-12",
        door=griffier,
    )


def test_nota_niet_zolang_de_consultatie_open_is(griffier: Medewerker) -> None:
    c = consultatie(begin=-5, eind=5)
    with pytest.raises(ValidationError):
        _publiceren(c, griffier)


def test_nota_niet_met_onbeantwoorde_of_onbeoordeelde_reacties(griffier: Medewerker) -> None:
    c = consultatie(begin=-50, eind=-1)
    r = reactie(c)
    with pytest.raises(ValidationError, match="Beantwoord eerst"):
        _publiceren(c, griffier)
    services.reactie_beantwoorden(
        reactie=r, thema="", antwoord="Dank.", ontwerp_gewijzigd=False, door=griffier
    )
    with pytest.raises(ValidationError, match="Beoordeel eerst"):
        _publiceren(c, griffier)
    c.refresh_from_db()
    assert c.nota_gepubliceerd_op is None


def test_nota_vraagt_het_besluit(griffier: Medewerker) -> None:
    c, _, _ = _gesloten_en_beantwoord(griffier)
    with pytest.raises(ValidationError) as fout:
        services.nota_publiceren(consultatie=c, inleiding="", besluit_omschrijving=" ", door=griffier)
    assert "besluit_omschrijving" in fout.value.message_dict


def test_publiceren_van_de_nota(
    griffier: Medewerker, django_capture_on_commit_callbacks: Callable[..., Any], settings: Any
) -> None:
    settings.TASKS = DIRECT
    c, openbaar, prive = _gesloten_en_beantwoord(griffier)
    with django_capture_on_commit_callbacks(execute=True):
        gepubliceerd = _publiceren(c, griffier)
    assert gepubliceerd.status == Consultatie.Status.AFGEROND
    # E-mail addresses are wiped once no longer needed (AVG art. 5 lid 1 sub e).
    assert not Reactie.objects.exclude(emailadres="").exists()
    # The register has the nota under "overige besluiten van algemene strekking" (Woo art. 3.3 lid 1b).
    publicatie = publicatieselectors.publicatie_van_bron(services.BRON, f"consultatie-{c.pk}")
    assert publicatie is not None
    assert publicatie.status == "gepubliceerd"
    assert publicatie.informatiecategorieen == [
        "https://identifier.overheid.nl/tooi/def/thes/kern/c_aab6bfc7"
    ]
    tekst = " ".join(d.tekst for d in publicatieselectors.documenten_van(publicatie))
    assert "200 plekken" in tekst
    assert "Handhaving krijgt meer capaciteit" in tekst
    assert "Fietsenstalling bij het station" in tekst
    # A non-public reaction: its answer is in the nota, its text and its sender are not.
    assert "buurman" not in tekst
    assert "Geheim Persoon" not in tekst
    assert [r.pk for r in selectors.nota_reacties(gepubliceerd)] == [openbaar.pk, prive.pk]
    # Publishing twice is refused.
    with pytest.raises(ValidationError):
        _publiceren(gepubliceerd, griffier)


def test_dagelijkse_melding_van_geopende_consultaties_eenmaal() -> None:
    from django.core.management import call_command

    from raadhuis.samenleving.services import abonnementen

    abonnementen.abonnement_aanvragen(emailadres="lezer@example.org", consultaties=True, petities=False)
    abonnementen.abonnement_bevestigen(abonnement=abonnementen.Abonnement.objects.get())
    mail.outbox.clear()
    consultatie(titel="Vandaag geopend", begin=0, eind=30)
    consultatie(titel="Nog gepland", begin=3, eind=30)
    consultatie(titel="Al gesloten", begin=-30, eind=-1)
    call_command("consultaties_melden", stdout=io.StringIO())
    assert [m.subject for m in mail.outbox] == ["Nieuwe consultatie: Vandaag geopend"]
    assert services.geopende_consultaties_melden() == 0
