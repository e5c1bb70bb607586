"""The case services: status transitions along the zaaktype, assignment, notes, documents, messages,
and the bad inputs of zaak_aanmaken. Each bad input changes nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.core.models import Logregel
from raadhuis.dienstverlening.models import (
    Kanaal,
    Resultaattype,
    Statustype,
    Team,
    Zaak,
    Zaakdocument,
    Zaaknotitie,
    Zaakstatus,
)
from raadhuis.dienstverlening.services import zaken
from raadhuis.dienstverlening.tests import factories

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def behandelaar() -> Medewerker:
    return factories.medewerker(Rol.BEHANDELAAR)


@pytest.fixture
def zaak() -> Zaak:
    return factories.zaak()


def _status(zaak: Zaak, omschrijving: str) -> Statustype:
    return Statustype.objects.get(zaaktype=zaak.zaaktype, omschrijving=omschrijving)


def _resultaat(zaak: Zaak, omschrijving: str = "Verwerkt") -> Resultaattype:
    return Resultaattype.objects.get(zaaktype=zaak.zaaktype, omschrijving=omschrijving)


def _bevroren(zaak: Zaak) -> tuple[object, ...]:
    zaak.refresh_from_db()
    return (
        zaak.statustype_id,
        zaak.status_gezet_op,
        zaak.resultaattype_id,
        zaak.einddatum,
        zaak.behandelaar_id,
        Zaakstatus.objects.filter(zaak=zaak).count(),
    )


# --- creation --------------------------------------------------------------------------------------


def test_zaak_aanmaken_begint_in_de_eerste_status_met_initiator_en_data(zaak: Zaak) -> None:
    assert zaak.identificatie.startswith(f"ZAAK-{zaak.jaar}-")
    assert zaak.statustype.volgnummer == 1
    assert zaak.einddatum is None
    assert zaak.einddatum_gepland <= zaak.uiterlijke_einddatum_afdoening
    assert zaak.initiator_bsn == factories.BSN_INWONER
    assert zaak.kanaal == Kanaal.BALIE
    assert list(zaak.statussen.values_list("statustype__volgnummer", flat=True)) == [1]
    assert zaak.rollen.get().bsn == factories.BSN_INWONER


@pytest.mark.parametrize(
    ("initiator", "veld"),
    [
        (zaken.Initiator(bsn="123456789"), "bsn"),
        (zaken.Initiator(bsn=factories.BSN_INWONER, kvk_nummer=factories.KVK_ONDERNEMER), "initiator"),
        (zaken.Initiator(), "initiator"),
        (zaken.Initiator(kvk_nummer="1234"), "kvk_nummer"),
    ],
)
def test_zaak_aanmaken_weigert_foute_initiator(initiator: zaken.Initiator, veld: str) -> None:
    product = factories.product()
    assert product.zaaktype is not None
    with pytest.raises(ValidationError) as fout:
        zaken.zaak_aanmaken(
            zaaktype=product.zaaktype,
            omschrijving="Verhuizing",
            kanaal=Kanaal.BALIE,
            initiator=initiator,
            door=factories.medewerker(Rol.KCC_MEDEWERKER),
        )
    assert veld in fout.value.message_dict
    assert not Zaak.objects.exists()


def test_inwoner_kan_geen_aanvraag_voor_een_ander_doen() -> None:
    product = factories.product()
    assert product.zaaktype is not None
    with pytest.raises(PermissionDenied):
        zaken.zaak_aanmaken(
            zaaktype=product.zaaktype,
            omschrijving="Verhuizing",
            kanaal=Kanaal.DIGITAAL,
            initiator=zaken.Initiator(bsn=factories.BSN_ANDER),
            door=factories.inwoner(),
        )
    assert not Zaak.objects.exists()


def test_inwoner_doet_online_alleen_digitaal_en_medewerker_nooit_digitaal() -> None:
    with pytest.raises(ValidationError) as fout:
        factories.zaak(door=factories.inwoner(), kanaal=Kanaal.BALIE)
    assert "kanaal" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        factories.zaak(door=factories.medewerker(Rol.KCC_MEDEWERKER), kanaal=Kanaal.DIGITAAL)
    assert "kanaal" in fout.value.message_dict
    assert not Zaak.objects.exists()


def test_medewerker_zonder_registratierecht_kan_geen_zaak_aanmaken() -> None:
    with pytest.raises(PermissionDenied):
        factories.zaak(door=factories.medewerker(Rol.CONTROLLER))
    assert not Zaak.objects.exists()


def test_onbekende_taal_wordt_geweigerd() -> None:
    with pytest.raises(ValidationError) as fout:
        factories.zaak(taal="xx")
    assert "taal" in fout.value.message_dict
    assert not Zaak.objects.exists()


def test_inwoner_maakt_eigen_zaak_digitaal() -> None:
    zaak = factories.zaak(door=factories.inwoner())
    assert zaak.kanaal == Kanaal.DIGITAAL
    assert zaak.geregistreerd_door is None


# --- status transitions ----------------------------------------------------------------------------


def test_status_zetten_legt_vast_wie_en_wanneer(zaak: Zaak, behandelaar: Medewerker) -> None:
    bijgewerkt = zaken.status_zetten(
        zaak=zaak, statustype=_status(zaak, "In behandeling"), door=behandelaar, toelichting=" gestart "
    )
    assert bijgewerkt.statustype.omschrijving == "In behandeling"
    laatste = Zaakstatus.objects.filter(zaak=zaak).latest("datum_status_gezet", "id")
    assert laatste.gezet_door == behandelaar
    assert laatste.datum_status_gezet == bijgewerkt.status_gezet_op
    assert laatste.toelichting == "gestart"
    assert Logregel.objects.filter(naam="zaak.status_zetten").count() == 1


def test_toegestane_statustypen_volgende_verplichte_en_optionele_ervoor(
    zaak: Zaak, behandelaar: Medewerker
) -> None:
    assert [s.omschrijving for s in zaken.toegestane_statustypen(zaak)] == ["In behandeling"]
    zaak = zaken.status_zetten(zaak=zaak, statustype=_status(zaak, "In behandeling"), door=behandelaar)
    assert [s.omschrijving for s in zaken.toegestane_statustypen(zaak)] == [
        "Aanvulling gevraagd",
        "Adresonderzoek",
        "Afgehandeld",
    ]


def test_een_verplichte_status_overslaan_kan_niet(zaak: Zaak, behandelaar: Medewerker) -> None:
    voor = _bevroren(zaak)
    with pytest.raises(ValidationError) as fout:
        zaken.status_zetten(
            zaak=zaak,
            statustype=_status(zaak, "Afgehandeld"),
            resultaattype=_resultaat(zaak),
            door=behandelaar,
        )
    assert "In behandeling" in fout.value.message_dict["statustype"][0]
    assert _bevroren(zaak) == voor


def test_optionele_statussen_overslaan_mag(zaak: Zaak, behandelaar: Medewerker) -> None:
    zaak = zaken.status_zetten(zaak=zaak, statustype=_status(zaak, "In behandeling"), door=behandelaar)
    zaak = zaken.status_zetten(zaak=zaak, statustype=_status(zaak, "Adresonderzoek"), door=behandelaar)
    assert zaak.statustype.omschrijving == "Adresonderzoek"


def test_status_herhalen_kan_niet(zaak: Zaak, behandelaar: Medewerker) -> None:
    zaak = zaken.status_zetten(zaak=zaak, statustype=_status(zaak, "In behandeling"), door=behandelaar)
    voor = _bevroren(zaak)
    with pytest.raises(ValidationError) as fout:
        zaken.status_zetten(zaak=zaak, statustype=_status(zaak, "In behandeling"), door=behandelaar)
    assert "staat al op" in fout.value.message_dict["statustype"][0]
    assert _bevroren(zaak) == voor


def test_status_terugzetten_vraagt_een_toelichting(zaak: Zaak, behandelaar: Medewerker) -> None:
    zaak = zaken.status_zetten(zaak=zaak, statustype=_status(zaak, "In behandeling"), door=behandelaar)
    voor = _bevroren(zaak)
    with pytest.raises(ValidationError) as fout:
        zaken.status_zetten(
            zaak=zaak, statustype=_status(zaak, "Ontvangen"), door=behandelaar, toelichting=" "
        )
    assert "waarom" in fout.value.message_dict["toelichting"][0]
    assert _bevroren(zaak) == voor


def test_status_terugzetten_met_toelichting_is_een_lus_in_het_pad(
    zaak: Zaak, behandelaar: Medewerker
) -> None:
    """Rework: the path records the loop and each entry its predecessor and the time spent there."""
    zaak = zaken.status_zetten(zaak=zaak, statustype=_status(zaak, "In behandeling"), door=behandelaar)
    zaak = zaken.status_zetten(
        zaak=zaak, statustype=_status(zaak, "Ontvangen"), door=behandelaar, toelichting="Adres onvolledig"
    )
    zaak = zaken.status_zetten(zaak=zaak, statustype=_status(zaak, "In behandeling"), door=behandelaar)
    zaak.refresh_from_db()
    assert zaak.statuspad == "1-2-1-2"
    historie = list(zaak.statussen.order_by("datum_status_gezet", "id"))
    assert historie[0].vorige_statustype is None
    assert historie[0].seconden_sinds_vorige is None
    assert [h.vorige_statustype.omschrijving for h in historie[1:] if h.vorige_statustype] == [
        "Ontvangen",
        "In behandeling",
        "Ontvangen",
    ]
    assert all(h.seconden_sinds_vorige is not None and h.seconden_sinds_vorige >= 0 for h in historie[1:])
    assert zaken.terugzetbare_statustypen(zaak)[0].omschrijving == "Ontvangen"


def test_statuspad_houdt_het_laatste_deel_van_een_heel_lang_pad() -> None:
    pad = "-".join(["2", "3"] * 150)
    verlengd = zaken.statuspad_verlengen(pad, 4)
    assert len(verlengd) == zaken.PADLENGTE
    assert verlengd.startswith("…")
    assert verlengd.endswith("-3-4")


def test_status_van_ander_zaaktype_kan_niet(zaak: Zaak, behandelaar: Medewerker) -> None:
    vreemd = factories.zaaktype("overlijden").statustypen.get(volgnummer=2)
    voor = _bevroren(zaak)
    with pytest.raises(ValidationError) as fout:
        zaken.status_zetten(zaak=zaak, statustype=vreemd, door=behandelaar)
    assert "statustype" in fout.value.message_dict
    assert _bevroren(zaak) == voor


def test_eindstatus_vraagt_een_resultaat_van_hetzelfde_zaaktype(zaak: Zaak, behandelaar: Medewerker) -> None:
    zaak = zaken.status_zetten(zaak=zaak, statustype=_status(zaak, "In behandeling"), door=behandelaar)
    voor = _bevroren(zaak)
    with pytest.raises(ValidationError) as fout:
        zaken.status_zetten(zaak=zaak, statustype=_status(zaak, "Afgehandeld"), door=behandelaar)
    assert "resultaattype" in fout.value.message_dict
    factories.zaaktype("overlijden")
    vreemd = Resultaattype.objects.filter(zaaktype__identificatie="overlijden").first()
    assert vreemd is not None
    with pytest.raises(ValidationError) as fout:
        zaken.status_zetten(
            zaak=zaak, statustype=_status(zaak, "Afgehandeld"), resultaattype=vreemd, door=behandelaar
        )
    assert "resultaattype" in fout.value.message_dict
    assert _bevroren(zaak) == voor


def test_resultaat_hoort_alleen_bij_de_eindstatus(zaak: Zaak, behandelaar: Medewerker) -> None:
    voor = _bevroren(zaak)
    with pytest.raises(ValidationError) as fout:
        zaken.status_zetten(
            zaak=zaak,
            statustype=_status(zaak, "In behandeling"),
            resultaattype=_resultaat(zaak),
            door=behandelaar,
        )
    assert "resultaattype" in fout.value.message_dict
    assert _bevroren(zaak) == voor


def test_eindstatus_sluit_de_zaak_en_daarna_verandert_niets(zaak: Zaak, behandelaar: Medewerker) -> None:
    zaak = zaken.status_zetten(zaak=zaak, statustype=_status(zaak, "In behandeling"), door=behandelaar)
    zaak = zaken.status_zetten(
        zaak=zaak, statustype=_status(zaak, "Afgehandeld"), resultaattype=_resultaat(zaak), door=behandelaar
    )
    assert zaak.is_afgesloten
    assert zaak.resultaattype is not None
    assert zaak.resultaattype.omschrijving == "Verwerkt"
    assert zaken.toegestane_statustypen(zaak) == []
    voor = _bevroren(zaak)
    with pytest.raises(ValidationError):
        zaken.status_zetten(
            zaak=zaak,
            statustype=_status(zaak, "Afgehandeld"),
            resultaattype=_resultaat(zaak),
            door=behandelaar,
        )
    with pytest.raises(ValidationError):
        zaken.zaak_toewijzen(zaak=zaak, behandelaar=behandelaar, door=behandelaar)
    with pytest.raises(ValidationError):
        zaken.document_toevoegen(
            zaak=zaak, bestand=SimpleUploadedFile("a.pdf", PDF), titel="Laat", door=behandelaar
        )
    assert _bevroren(zaak) == voor


@pytest.mark.parametrize("rol", [Rol.KCC_MEDEWERKER, Rol.CONTROLLER, Rol.GRIFFIE])
def test_zonder_behandelrecht_verandert_niets(zaak: Zaak, rol: str) -> None:
    ander = factories.medewerker(rol)
    voor = _bevroren(zaak)
    with pytest.raises(PermissionDenied):
        zaken.status_zetten(zaak=zaak, statustype=_status(zaak, "In behandeling"), door=ander)
    with pytest.raises(PermissionDenied):
        zaken.zaak_toewijzen(zaak=zaak, behandelaar=ander, door=ander)
    with pytest.raises(PermissionDenied):
        zaken.notitie_toevoegen(zaak=zaak, tekst="Hallo", door=ander)
    with pytest.raises(PermissionDenied):
        zaken.bericht_sturen(zaak=zaak, onderwerp="Hallo", tekst="Hallo", door=ander)
    with pytest.raises(PermissionDenied):
        zaken.document_toevoegen(zaak=zaak, bestand=SimpleUploadedFile("a.pdf", PDF), titel="", door=ander)
    assert _bevroren(zaak) == voor
    assert not Zaaknotitie.objects.exists()
    assert not Zaakdocument.objects.exists()


# --- assignment ------------------------------------------------------------------------------------


def test_oppakken_en_teruggeven(zaak: Zaak, behandelaar: Medewerker) -> None:
    zaak = zaken.zaak_toewijzen(zaak=zaak, behandelaar=behandelaar, door=behandelaar)
    assert zaak.behandelaar == behandelaar
    rol = zaak.rollen.get(roltype__omschrijving_generiek="behandelaar")
    assert rol.medewerker == behandelaar
    zaak = zaken.zaak_toewijzen(zaak=zaak, behandelaar=None, door=behandelaar)
    assert zaak.behandelaar is None
    assert not zaak.rollen.filter(roltype__omschrijving_generiek="behandelaar").exists()


def test_toewijzen_alleen_aan_behandelaar_van_het_team(behandelaar: Medewerker) -> None:
    team = Team.objects.create(naam="Burgerzaken")
    team.leden.add(behandelaar)
    factories.zaaktype("verhuizing", team=team)
    zaak = factories.zaak()
    assert zaak.team == team
    buiten_team = factories.medewerker(Rol.BEHANDELAAR)
    kcc = factories.medewerker(Rol.KCC_MEDEWERKER)
    team.leden.add(kcc)
    for ander in (buiten_team, kcc):
        with pytest.raises(ValidationError) as fout:
            zaken.zaak_toewijzen(zaak=zaak, behandelaar=ander, door=behandelaar)
        assert "behandelaar" in fout.value.message_dict
    zaak.refresh_from_db()
    assert zaak.behandelaar is None
    # Claiming for oneself is open to any behandelaar.
    assert (
        zaken.zaak_toewijzen(zaak=zaak, behandelaar=buiten_team, door=buiten_team).behandelaar == buiten_team
    )


# --- notes, documents, messages ---------------------------------------------------------------------


def test_lege_notitie_wordt_geweigerd(zaak: Zaak, behandelaar: Medewerker) -> None:
    with pytest.raises(ValidationError) as fout:
        zaken.notitie_toevoegen(zaak=zaak, tekst="   ", door=behandelaar)
    assert "tekst" in fout.value.message_dict
    notitie = zaken.notitie_toevoegen(zaak=zaak, tekst=" Gebeld ", door=behandelaar)
    assert notitie.tekst == "Gebeld"


def test_document_van_verkeerd_type_wordt_geweigerd(
    zaak: Zaak, behandelaar: Medewerker, settings: object, tmp_path: object
) -> None:
    settings.RAADHUIS_PRIVE_ROOT = str(tmp_path)  # type: ignore[attr-defined]
    for naam, inhoud in [("virus.pdf", b"MZ\x90\x00 not a pdf"), ("leeg.pdf", b"")]:
        with pytest.raises(ValidationError) as fout:
            zaken.document_toevoegen(
                zaak=zaak, bestand=SimpleUploadedFile(naam, inhoud), titel="Contract", door=behandelaar
            )
        assert "bestand" in fout.value.message_dict
    assert not Zaakdocument.objects.exists()
    document = zaken.document_toevoegen(
        zaak=zaak, bestand=SimpleUploadedFile("huurcontract Jansen.pdf", PDF), titel="", door=behandelaar
    )
    assert document.mediatype == "application/pdf"
    assert document.titel == "huurcontract Jansen.pdf"
    assert "Jansen" not in document.bestand.name
    assert not document.zichtbaar_voor_aanvrager


def test_inwoner_voegt_alleen_aan_eigen_zaak_toe(zaak: Zaak, settings: object, tmp_path: object) -> None:
    settings.RAADHUIS_PRIVE_ROOT = str(tmp_path)  # type: ignore[attr-defined]
    with pytest.raises(PermissionDenied):
        zaken.document_toevoegen(
            zaak=zaak,
            bestand=SimpleUploadedFile("a.pdf", PDF),
            titel="",
            door=factories.inwoner(factories.BSN_ANDER),
        )
    document = zaken.document_toevoegen(
        zaak=zaak, bestand=SimpleUploadedFile("a.pdf", PDF), titel="", door=factories.inwoner()
    )
    assert document.van_aanvrager
    assert document.zichtbaar_voor_aanvrager


def test_bericht_zonder_onderwerp_of_tekst_wordt_geweigerd(zaak: Zaak, behandelaar: Medewerker) -> None:
    with pytest.raises(ValidationError) as fout:
        zaken.bericht_sturen(zaak=zaak, onderwerp=" ", tekst="", door=behandelaar)
    assert set(fout.value.message_dict) == {"onderwerp", "tekst"}
    assert not zaak.berichten.exclude(soort="email").exists()
    with pytest.raises(PermissionDenied):
        zaken.bericht_van_aanvrager(
            zaak=zaak, onderwerp="Vraag", tekst="Hoe lang nog?", door=factories.inwoner(factories.BSN_ANDER)
        )


# --- a question's case closed with its answer -----------------------------------------------------


def test_vraag_afsluiten_loopt_door_naar_beantwoord_zonder_statusmail() -> None:
    kcc = factories.medewerker(Rol.KCC_MEDEWERKER)
    vraag = factories.zaak("vraag-stellen")
    berichten_voor = vraag.berichten.count()
    zaak = zaken.vraag_afsluiten(zaak=vraag, door=kcc, toelichting="Telefonisch beantwoord")
    assert zaak.berichten.count() == berichten_voor
    zaak.refresh_from_db()
    assert zaak.is_afgesloten
    assert zaak.resultaattype is not None
    assert zaak.resultaattype.omschrijving == "Beantwoord"
    assert zaak.statuspad == "1-2-3"
    assert [s.statustype.omschrijving for s in zaak.statussen.order_by("id")] == [
        "Ontvangen",
        "In behandeling",
        "Beantwoord",
    ]


def test_vraag_afsluiten_alleen_voor_een_vraag(zaak: Zaak) -> None:
    kcc = factories.medewerker(Rol.KCC_MEDEWERKER)
    voor = _bevroren(zaak)
    with pytest.raises(ValidationError) as fout:
        zaken.vraag_afsluiten(zaak=zaak, door=kcc)
    assert "vraag" in fout.value.message_dict["zaak"][0]
    assert _bevroren(zaak) == voor


def test_vraag_afsluiten_niet_voor_een_controller() -> None:
    vraag = factories.zaak("vraag-stellen")
    with pytest.raises(PermissionDenied):
        zaken.vraag_afsluiten(zaak=vraag, door=factories.medewerker(Rol.CONTROLLER))
