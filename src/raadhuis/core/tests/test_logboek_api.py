"""The logging API: entries in the service's transaction, reads logged, versions and actors."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core import bsn as bsn_module
from raadhuis.core import logboek
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, Soort
from raadhuis.core.logboek import activiteiten, keten
from raadhuis.core.logboek.services import verwerkingsactiviteit_herzien
from raadhuis.core.models import Logregel, Organisatie
from raadhuis.core.tests.logboek_hulp import regels

BSN = "999993653"
ANDER_BSN = "999990019"


@pytest.fixture
def medewerker(db):
    return MedewerkerFactory(rollen=[Rol.KCC_MEDEWERKER])


def test_vastleggen_bewaart_betrokkene_versleuteld_en_als_sleutelhash_nooit_leesbaar(medewerker):
    regel = logboek.vastleggen(
        naam="zaken.zoeken_op_bsn",
        activiteit=activiteiten.ZOEKEN_OP_BSN,
        betrokkene=("BSN", BSN),
        door=medewerker,
    )

    opgeslagen = Logregel.objects.get(pk=regel.pk)
    assert opgeslagen.betrokkene_type == "BSN"
    assert bsn_module.ontsleutel(opgeslagen.betrokkene_versleuteld) == BSN
    assert opgeslagen.betrokkene_hash == logboek.betrokkene_hash("BSN", BSN)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM core_logregel")
        assert BSN not in repr(cursor.fetchall())
    assert opgeslagen.door_soort == "medewerker"
    assert opgeslagen.door_id == str(medewerker.pk)
    assert opgeslagen.door_rollen == "kcc-medewerker"
    assert opgeslagen.verwerkingsactiviteit.sleutel == activiteiten.ZOEKEN_OP_BSN
    assert opgeslagen.status == Logregel.Status.OK
    assert len(opgeslagen.trace_id) == 32
    assert len(opgeslagen.span_id) == 16


def test_bsn_met_spaties_vindt_dezelfde_regels(medewerker):
    logboek.vastleggen(
        naam="x", activiteit=activiteiten.ZOEKEN_OP_BSN, betrokkene=("BSN", "9999 93 653"), door=medewerker
    )

    assert Logregel.objects.filter(betrokkene_hash=logboek.betrokkene_hash("BSN", BSN)).count() == 1


@transaction.atomic
def _organisatie_hernoemen(*, organisatie: Organisatie, naam: str, door, daarna_fout: bool = False) -> None:
    """A service as the house rules want them: change, log in the same transaction."""
    organisatie.naam = naam
    organisatie.save(update_fields=["naam"])
    logboek.vastleggen(
        naam="organisatie.hernoemen",
        activiteit=activiteiten.MEDEWERKERACCOUNTS_BEHEREN,
        betrokkene=("personeelsnummer", str(door.pk)),
        door=door,
    )
    if daarna_fout:
        raise RuntimeError("na het vastleggen mislukt")


def test_service_die_na_het_vastleggen_faalt_laat_geen_regel_en_geen_wijziging_achter(
    organisatie, medewerker
):
    kop_ervoor = keten.kop()

    with pytest.raises(RuntimeError):
        _organisatie_hernoemen(organisatie=organisatie, naam="Anders", door=medewerker, daarna_fout=True)

    assert not regels().exists()
    organisatie.refresh_from_db()
    assert organisatie.naam != "Anders"
    assert keten.kop() == kop_ervoor


def test_geslaagde_service_heeft_altijd_een_regel(organisatie, medewerker):
    _organisatie_hernoemen(organisatie=organisatie, naam="Anders", door=medewerker)

    assert regels().get().naam == "organisatie.hernoemen"


def test_teruggedraaide_buitenste_transactie_neemt_de_regel_mee(medewerker):
    def service_die_faalt() -> None:
        with transaction.atomic():
            logboek.vastleggen(
                naam="x", activiteit=activiteiten.ZOEKEN_OP_BSN, betrokkene=("BSN", BSN), door=medewerker
            )
            _ = 1 / 0

    with pytest.raises(ZeroDivisionError):
        service_die_faalt()

    assert not regels().exists()


def test_onbekende_verwerkingsactiviteit_stopt_de_verwerking(medewerker):
    with pytest.raises(logboek.OnbekendeVerwerkingsactiviteit, match="niet in het register"):
        logboek.vastleggen(naam="x", activiteit="bestaat-niet", betrokkene=None, door=medewerker)

    assert not regels().exists()


@pytest.mark.parametrize("betrokkene", [("Paspoort", "X1"), ("BSN", "  ")])
def test_onbekende_of_lege_betrokkene_wordt_geweigerd(medewerker, betrokkene):
    with pytest.raises(ValueError, match="betrokkene"):
        logboek.vastleggen(
            naam="x", activiteit=activiteiten.ZOEKEN_OP_BSN, betrokkene=betrokkene, door=medewerker
        )


def test_verwerking_legt_het_lezen_vast_voor_elke_betrokkene(medewerker):
    with logboek.verwerking(
        naam="zaken.zoeken_op_bsn",
        activiteit=activiteiten.ZOEKEN_OP_BSN,
        door=medewerker,
        betrokkene=("BSN", BSN),
    ) as lopend:
        lopend.betrokkene("BSN", ANDER_BSN)

    gevonden = regels().order_by("volgnummer")
    assert [r.betrokkene_hash for r in gevonden] == [
        logboek.betrokkene_hash("BSN", BSN),
        logboek.betrokkene_hash("BSN", ANDER_BSN),
    ]
    assert {r.status for r in gevonden} == {Logregel.Status.OK}


def test_verwerking_die_faalt_wordt_als_fout_vastgelegd_en_de_fout_gaat_door(medewerker):
    with (
        pytest.raises(RuntimeError),
        logboek.verwerking(
            naam="zaak.inzien",
            activiteit=activiteiten.ZOEKEN_OP_BSN,
            door=medewerker,
            betrokkene=("BSN", BSN),
        ),
    ):
        raise RuntimeError("database weg")

    assert regels().get().status == Logregel.Status.ERROR


def test_geweigerde_verwerking_krijgt_status_unset(medewerker):
    with (
        pytest.raises(PermissionDenied),
        logboek.verwerking(
            naam="zaak.inzien",
            activiteit=activiteiten.ZOEKEN_OP_BSN,
            door=medewerker,
            betrokkene=("BSN", BSN),
        ),
    ):
        raise PermissionDenied

    assert regels().get().status == Logregel.Status.UNSET


@logboek.leest_persoonsgegevens(
    naam="dossier.openen",
    activiteit=activiteiten.PERSOONSGEGEVENS_IN_ZAAK_RAADPLEGEN,
    betrokkenen=lambda dossier: [("BSN", dossier["bsn"])],
)
def _dossier_openen(*, nummer: int, door) -> dict[str, str]:
    return {"nummer": str(nummer), "bsn": BSN}


def test_selector_met_decorator_legt_lezen_vast_met_de_betrokkene_uit_het_resultaat(medewerker):
    dossier = _dossier_openen(nummer=7, door=medewerker)

    assert dossier["nummer"] == "7"
    regel = regels().get()
    assert regel.naam == "dossier.openen"
    assert regel.betrokkene_hash == logboek.betrokkene_hash("BSN", BSN)
    assert regel.door_id == str(medewerker.pk)


def test_selector_met_decorator_zonder_door_faalt(db):
    with pytest.raises(TypeError, match="door="):
        _dossier_openen(nummer=7)  # type: ignore[call-arg]

    assert not regels().exists()


def test_oude_regel_blijft_wijzen_naar_de_versie_die_toen_gold(medewerker):
    privacy_officer = MedewerkerFactory(rollen=[Rol.PRIVACY_OFFICER])
    oud = logboek.vastleggen(
        naam="x", activiteit=activiteiten.ZOEKEN_OP_BSN, betrokkene=("BSN", BSN), door=medewerker
    )

    verwerkingsactiviteit_herzien(
        activiteit=oud.verwerkingsactiviteit,
        gegevens={"grondslag": "AVG art. 6 lid 1 sub e; Wabb art. 10; nieuwe verordening"},
        toelichting="Verordening vastgesteld",
        door=privacy_officer,
    )
    nieuw = logboek.vastleggen(
        naam="x", activiteit=activiteiten.ZOEKEN_OP_BSN, betrokkene=("BSN", BSN), door=medewerker
    )

    oud.refresh_from_db()
    assert oud.verwerkingsactiviteit.versie == 1
    assert nieuw.verwerkingsactiviteit.versie == 2
    assert oud.verwerkingsactiviteit.uri != nieuw.verwerkingsactiviteit.uri
    assert nieuw.verwerkingsactiviteit.uri == "urn:raadhuis:verwerkingsactiviteit:zoeken-op-bsn:2"


def test_uri_volgt_het_gepubliceerde_register(settings, medewerker):
    settings.RAADHUIS_VERWERKINGSREGISTER_URI = "https://register.example.nl/verwerkingen/"

    regel = logboek.vastleggen(
        naam="x", activiteit=activiteiten.ZOEKEN_OP_BSN, betrokkene=None, door=medewerker
    )

    assert regel.verwerkingsactiviteit.uri == "https://register.example.nl/verwerkingen/zoeken-op-bsn/1"


def test_inwoner_in_eigen_sessie_is_de_betrokkene_zelf(db):
    inwoner = Identiteit(soort=Soort.INWONER, niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL, bsn=BSN)

    regel = logboek.vastleggen(
        naam="inwoner.inloggen",
        activiteit=activiteiten.INLOGGEN_DIGID,
        betrokkene=inwoner.betrokkene_sleutel,
        door=inwoner,
    )

    assert (regel.door_soort, regel.door_id, regel.door_rollen) == ("betrokkene", "", "")


def test_systeemproces_wordt_bij_naam_vastgelegd(db):
    regel = logboek.vastleggen(
        naam="x",
        activiteit=activiteiten.ZOEKEN_OP_BSN,
        betrokkene=None,
        door=logboek.Systeemproces("nachtelijke-taak"),
    )

    assert (regel.door_soort, regel.door_id) == ("systeem", "nachtelijke-taak")


def test_opgestelde_regel_komt_pas_bij_toevoegen_in_de_keten(medewerker):
    """A service that holds a lock prepares its entry first and appends it last (the intake)."""
    eerder = Logregel.objects.count()
    regel = logboek.opstellen(
        naam="zaak.registreren",
        activiteit=activiteiten.ZOEKEN_OP_BSN,
        betrokkene=("BSN", BSN),
        door=medewerker,
    )
    assert Logregel.objects.count() == eerder
    assert regel.betrokkene_hash == logboek.betrokkene_hash("BSN", BSN)

    with transaction.atomic():
        vastgelegd = logboek.toevoegen(regel)

    assert Logregel.objects.count() == eerder + 1
    assert keten.kop() == (vastgelegd.volgnummer, vastgelegd.hash)
    assert vastgelegd.start_tijd <= vastgelegd.eind_tijd
    assert keten.controleren().in_orde


@pytest.mark.django_db(transaction=True)
def test_toevoegen_buiten_een_transactie_is_een_programmeerfout():
    regel = logboek.opstellen(
        naam="x", activiteit=activiteiten.ZOEKEN_OP_BSN, betrokkene=None, door=logboek.Systeemproces("t")
    )
    with pytest.raises(RuntimeError):
        logboek.toevoegen(regel)
    assert not Logregel.objects.exists()


def test_regels_buiten_een_request_krijgen_elk_een_eigen_trace(medewerker):
    een = logboek.vastleggen(
        naam="x", activiteit=activiteiten.ZOEKEN_OP_BSN, betrokkene=None, door=medewerker
    )
    twee = logboek.vastleggen(
        naam="x", activiteit=activiteiten.ZOEKEN_OP_BSN, betrokkene=None, door=medewerker
    )

    assert een.trace_id != twee.trace_id
    assert een.parent_span_id == twee.parent_span_id == ""


def test_regels_binnen_een_span_delen_de_trace_en_hebben_de_span_als_ouder(medewerker):
    with logboek.span() as taak:
        een = logboek.vastleggen(
            naam="x", activiteit=activiteiten.ZOEKEN_OP_BSN, betrokkene=None, door=medewerker
        )
        twee = logboek.vastleggen(
            naam="x", activiteit=activiteiten.ZOEKEN_OP_BSN, betrokkene=None, door=medewerker
        )

    assert een.trace_id == twee.trace_id == taak.trace_id
    assert een.parent_span_id == twee.parent_span_id == taak.span_id
    assert een.span_id != twee.span_id
    assert logboek.huidige_span() is None


def test_demo_schrijft_eenmaal_regels_voor_de_demo_inwoner(
    db, settings, tmp_path, django_capture_on_commit_callbacks
):
    import io

    from django.core.management import call_command

    from raadhuis.core.logboek.demo import DEMO_BSN

    settings.RAADHUIS_DEMO_ACCOUNTS = tmp_path / "demo-accounts.json"
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("demo", stdout=io.StringIO())

    regels = Logregel.objects.filter(betrokkene_hash=logboek.betrokkene_hash("BSN", DEMO_BSN)).order_by(
        "volgnummer"
    )
    assert [r.door_rollen for r in regels] == ["", "kcc-medewerker", "behandelaar"]
    assert len({r.trace_id for r in regels}) == 1
    assert keten.controleren().in_orde
