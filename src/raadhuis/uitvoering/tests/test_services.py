"""The chain, progress history, BBV formulas and bad input, through the services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming.tests.factories import FractieFactory, PersoonFactory, VoorstelFactory
from raadhuis.uitvoering import services
from raadhuis.uitvoering.models import Budget, PcMoment, Status, Voortgangsupdate
from raadhuis.uitvoering.tests.hulp import Keten, collegelid, keten

pytestmark = pytest.mark.django_db


def _update(k: Keten, **velden: object) -> Voortgangsupdate:
    gegevens: dict[str, object] = {
        "moment": PcMoment.BESTUURSRAPPORTAGE,
        "jaar": 2024,
        "datum": dt.date(2024, 6, 1),
        "status": Status.OP_SCHEMA,
        "toelichting": "Loopt volgens plan.",
    }
    gegevens.update(velden)
    return services.voortgang_vastleggen(door=k.door, activiteit=k.activiteit, **gegevens)  # type: ignore[arg-type]


def test_de_keten_van_akkoord_tot_activiteit_hangt_aan_elkaar() -> None:
    k = keten()
    assert k.activiteit.actie.doel.ambitie.akkoord == k.akkoord
    assert k.doel.programma.naam == "Bestuur en Dienstverlening"
    assert k.doel.taakveld_naam.startswith("0.1")
    assert list(k.activiteit.budgetten.values_list("jaar", "bedrag")) == [(2024, Decimal("25000.00"))]
    assert k.activiteit.status == Status.NIET_GESTART
    assert k.akkoord.slug == "bouwen-aan-de-toekomst"


def test_akkoord_legt_de_dragende_fracties_vast() -> None:
    k = keten()
    fracties = FractieFactory.create_batch(3)
    services.akkoord_vastleggen(door=k.door, gegevens={}, fracties=fracties[:2], akkoord=k.akkoord)
    assert set(k.akkoord.fracties.all()) == set(fracties[:2])


def test_actie_koppelt_opdrachten_moties_en_toezeggingen() -> None:
    k = keten()
    opdracht = services.opdracht_vastleggen(
        door=k.door, gegevens={"ambitie": k.ambitie, "tekst": "Maak halverwege een tussenbalans."}
    )
    motie = VoorstelFactory()
    persoon = collegelid()
    services.actie_vastleggen(
        door=k.door,
        gegevens={"portefeuillehouder": persoon},
        opdrachten=[opdracht],
        moties=[motie],
        actie=k.actie,
    )
    assert list(k.actie.opdrachten.all()) == [opdracht]
    assert list(k.actie.moties.all()) == [motie]
    assert list(opdracht.acties.all()) == [k.actie]


def test_griffie_mag_opdrachten_vastleggen_maar_geen_activiteiten() -> None:
    k = keten()
    griffie = MedewerkerFactory(rollen=[Rol.GRIFFIE])
    services.opdracht_vastleggen(door=griffie, gegevens={"ambitie": k.ambitie, "tekst": "Opdracht"})
    with pytest.raises(PermissionDenied):
        services.activiteit_vastleggen(door=griffie, gegevens={"titel": "Anders"}, activiteit=k.activiteit)


def test_raadslid_mag_geen_voortgang_vastleggen() -> None:
    k = keten()
    raadslid = MedewerkerFactory(rollen=[Rol.RAADSLID])
    with pytest.raises(PermissionDenied):
        services.voortgang_vastleggen(
            door=raadslid,
            activiteit=k.activiteit,
            moment=PcMoment.BEGROTING,
            jaar=2024,
            datum=dt.date(2024, 6, 1),
            status=Status.OP_SCHEMA,
            toelichting="x",
        )


def test_collegelid_mag_voortgang_vastleggen() -> None:
    k = keten()
    wethouder = MedewerkerFactory(rollen=[Rol.COLLEGELID])
    update = services.voortgang_vastleggen(
        door=wethouder,
        activiteit=k.activiteit,
        moment=PcMoment.BEGROTING,
        jaar=2024,
        datum=dt.date(2024, 6, 1),
        status=Status.RISICO,
        toelichting="Capaciteit is krap.",
    )
    assert update.door == wethouder


def test_activiteit_buiten_de_periode_van_de_actie_wordt_geweigerd() -> None:
    k = keten()
    with pytest.raises(ValidationError) as fout:
        services.activiteit_vastleggen(
            door=k.door,
            gegevens={
                "actie": k.actie,
                "titel": "Te laat",
                "begin": dt.date(2024, 6, 1),
                "einde": dt.date(2025, 2, 1),
            },
        )
    assert "buiten de periode van de actie" in fout.value.message_dict["einde"][0]
    assert k.actie.activiteiten.count() == 1


def test_actie_inkorten_tot_buiten_haar_activiteiten_wordt_geweigerd() -> None:
    k = keten()
    with pytest.raises(ValidationError, match="buiten de periode van de actie"):
        services.actie_vastleggen(door=k.door, gegevens={"einde": dt.date(2024, 6, 30)}, actie=k.actie)
    k.actie.refresh_from_db()
    assert k.actie.einde == dt.date(2024, 12, 31)


def test_negatief_budget_wordt_geweigerd_en_niets_verandert() -> None:
    k = keten()
    with pytest.raises(ValidationError) as fout:
        services.activiteit_vastleggen(
            door=k.door, gegevens={"titel": "Nieuw"}, budget={2024: Decimal("-1")}, activiteit=k.activiteit
        )
    assert "negatief" in fout.value.message_dict["budget"][0]
    k.activiteit.refresh_from_db()
    assert k.activiteit.titel == "Tussenbalans opstellen"
    assert Budget.objects.get(activiteit=k.activiteit).bedrag == Decimal("25000")


def test_budget_buiten_de_looptijd_wordt_geweigerd() -> None:
    k = keten()
    with pytest.raises(ValidationError, match="buiten de looptijd"):
        services.activiteit_vastleggen(
            door=k.door, gegevens={}, budget={2027: Decimal("1")}, activiteit=k.activiteit
        )


def test_taakveld_moet_bij_het_programma_horen() -> None:
    k = keten()
    with pytest.raises(ValidationError) as fout:
        services.programmadoel_vastleggen(door=k.door, gegevens={"taakveld": "0.10"}, doel=k.doel)
    assert "0.10" in fout.value.message_dict["taakveld"][0]


def test_onbekend_veld_wordt_geweigerd() -> None:
    k = keten()
    with pytest.raises(ValidationError, match="Onbekende velden: stattus"):
        services.actie_vastleggen(door=k.door, gegevens={"stattus": "x"}, actie=k.actie)


def test_voortgang_bouwt_geschiedenis_op_zonder_te_overschrijven() -> None:
    k = keten()
    eerste = _update(k, moment=PcMoment.VOORJAARSNOTA, datum=dt.date(2024, 4, 1), besteed=Decimal("5000"))
    tweede = _update(
        k,
        datum=dt.date(2024, 9, 1),
        status=Status.VERTRAAGD,
        toelichting="Wacht op het Rekenkamerrapport.",
        besteed=Decimal("9000"),
        metingen={k.indicator: Decimal("58.5")},
    )
    eerste.refresh_from_db()
    assert eerste.status == Status.OP_SCHEMA
    assert eerste.besteed == Decimal("5000")
    assert list(k.activiteit.updates.order_by("datum")) == [eerste, tweede]
    k.activiteit.refresh_from_db()
    assert k.activiteit.status == Status.VERTRAAGD
    assert tweede.metingen.get().waarde == Decimal("58.5")


def test_statusupdate_op_afgeronde_activiteit_wordt_geweigerd() -> None:
    k = keten()
    _update(k, status=Status.AFGEROND, toelichting="Klaar.")
    with pytest.raises(ValidationError) as fout:
        _update(k, datum=dt.date(2024, 7, 1), status=Status.OP_SCHEMA)
    assert "afgesloten activiteit krijgt geen nieuwe status" in fout.value.message_dict["status"][0]
    assert k.activiteit.updates.count() == 1


def test_statusupdate_op_vervallen_activiteit_wordt_geweigerd() -> None:
    k = keten()
    _update(k, status=Status.VERVALLEN, toelichting="Geschrapt bij de voorjaarsnota.")
    with pytest.raises(ValidationError, match="vervallen"):
        _update(k, datum=dt.date(2024, 7, 1))


def test_update_met_datum_voor_de_vorige_wordt_geweigerd() -> None:
    k = keten()
    _update(k, datum=dt.date(2024, 6, 1))
    with pytest.raises(ValidationError, match="vóór de laatste update"):
        _update(k, datum=dt.date(2024, 5, 1))


def test_negatief_besteed_bedrag_wordt_geweigerd() -> None:
    k = keten()
    with pytest.raises(ValidationError, match="negatief"):
        _update(k, besteed=Decimal("-10"))
    assert k.activiteit.updates.count() == 0
    k.activiteit.refresh_from_db()
    assert k.activiteit.status == Status.NIET_GESTART


def test_update_zonder_toelichting_wordt_geweigerd() -> None:
    k = keten()
    with pytest.raises(ValidationError) as fout:
        _update(k, toelichting="  ")
    assert "toelichting" in fout.value.message_dict


def test_meting_van_indicator_van_ander_doel_wordt_geweigerd() -> None:
    k = keten()
    ander_doel = services.programmadoel_vastleggen(
        door=k.door,
        gegevens={
            "ambitie": k.ambitie,
            "programma": k.programma,
            "taakveld": "0.2",
            "nummer": 2,
            "titel": "Anders",
        },
    )
    vreemd = services.indicator_vastleggen(
        door=k.door, gegevens={"doel": ander_doel, "naam": "X", "eenheid": "#"}
    )
    with pytest.raises(ValidationError, match="hoort niet bij het doel"):
        _update(k, metingen={vreemd: Decimal("1")})
    assert k.activiteit.updates.count() == 0


def test_portefeuillehouder_moet_collegelid_zijn() -> None:
    k = keten()
    raadslid = PersoonFactory()
    with pytest.raises(ValidationError) as fout:
        services.actie_vastleggen(door=k.door, gegevens={"portefeuillehouder": raadslid}, actie=k.actie)
    assert "portefeuillehouder" in fout.value.message_dict


def test_mid_term_review_met_peildatum_buiten_het_akkoord_wordt_geweigerd() -> None:
    from raadhuis.besluitvorming.tests.factories import AgendapuntFactory

    k = keten()
    griffie = MedewerkerFactory(rollen=[Rol.GRIFFIE])
    with pytest.raises(ValidationError) as fout:
        services.mid_term_review_vastleggen(
            door=griffie, akkoord=k.akkoord, peildatum=dt.date(2027, 1, 1), agendapunt=AgendapuntFactory()
        )
    assert "buiten de periode van het akkoord" in fout.value.message_dict["peildatum"][0]


def test_collegelid_legt_alleen_voortgang_vast_in_de_eigen_portefeuille() -> None:
    k = keten()
    eigen, ander = MedewerkerFactory(rollen=[Rol.COLLEGELID]), MedewerkerFactory(rollen=[Rol.COLLEGELID])
    wethouder = collegelid()
    wethouder.medewerker = eigen
    wethouder.save()
    services.activiteit_vastleggen(
        door=k.door, gegevens={"portefeuillehouder": wethouder}, activiteit=k.activiteit
    )
    gegevens = {"moment": PcMoment.BEGROTING, "jaar": 2024, "datum": dt.date(2024, 6, 1), "toelichting": "x"}
    with pytest.raises(PermissionDenied, match="portefeuillehouder"):
        services.voortgang_vastleggen(door=ander, activiteit=k.activiteit, status=Status.RISICO, **gegevens)  # type: ignore[arg-type]
    update = services.voortgang_vastleggen(
        door=eigen, activiteit=k.activiteit, status=Status.RISICO, **gegevens
    )  # type: ignore[arg-type]
    assert update.door == eigen
