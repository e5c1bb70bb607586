"""Services for meetings: planning, agenda, presentielijst, opening (art. 20), stukken, besluitenlijst."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming import services
from raadhuis.besluitvorming.models import Aanwezigheid, Agendapunt, Lidmaatschap, Stuk, Vergadering
from raadhuis.besluitvorming.tests.factories import (
    AgendapuntFactory,
    LidmaatschapFactory,
    OrgaanFactory,
    PersoonFactory,
    StukFactory,
    VergaderingFactory,
    raad_met_leden,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


def pdf(tekst: str) -> bytes:
    document = pymupdf.open()  # type: ignore[no-untyped-call]
    pagina = document.new_page()
    pagina.insert_text((72, 72), tekst)
    inhoud: bytes = document.tobytes()
    return inhoud


def volgorde(vergadering: Vergadering) -> list[str]:
    return list(vergadering.agendapunten.order_by("volgnummer").values_list("titel", flat=True))


def agenda(vergadering: Vergadering, *titels: str) -> list[Agendapunt]:
    return [
        AgendapuntFactory(vergadering=vergadering, volgnummer=nummer, titel=titel)
        for nummer, titel in enumerate(titels, start=1)
    ]


# --- meetings ---


def test_vergadering_plannen_en_annuleren(griffier: Medewerker) -> None:
    raad = OrgaanFactory()
    vergadering = services.vergadering_plannen(
        orgaan=raad, titel="Raadsvergadering", begin=timezone.now() + dt.timedelta(days=3), door=griffier
    )
    assert vergadering.status == Vergadering.Status.GEPLAND
    services.vergadering_annuleren(vergadering=vergadering, door=griffier)
    vergadering.refresh_from_db()
    assert vergadering.status == Vergadering.Status.GEANNULEERD
    with pytest.raises(ValidationError):
        services.vergadering_annuleren(vergadering=vergadering, door=griffier)


def test_vergadering_met_einde_voor_begin_wordt_geweigerd(griffier: Medewerker) -> None:
    begin = timezone.now() + dt.timedelta(days=3)
    with pytest.raises(ValidationError) as fout:
        services.vergadering_plannen(
            orgaan=OrgaanFactory(), titel="X", begin=begin, einde=begin - dt.timedelta(hours=1), door=griffier
        )
    assert "einde" in fout.value.message_dict


def test_niet_geopende_vergadering_kan_niet_gehouden_zijn(griffier: Medewerker) -> None:
    vergadering = VergaderingFactory()
    with pytest.raises(ValidationError):
        services.vergadering_gehouden(vergadering=vergadering, door=griffier)


def test_besluitenlijst_vaststellen_na_een_gehouden_vergadering(griffier: Medewerker) -> None:
    vergadering = VergaderingFactory(geopend=True)
    with pytest.raises(ValidationError):
        services.besluitenlijst_vaststellen(vergadering=vergadering, door=griffier)
    services.vergadering_gehouden(vergadering=vergadering, door=griffier)
    services.besluitenlijst_vaststellen(vergadering=vergadering, door=griffier)
    vergadering.refresh_from_db()
    assert vergadering.status == Vergadering.Status.GEHOUDEN
    assert vergadering.besluitenlijst_vastgesteld_op is not None
    with pytest.raises(ValidationError):
        services.besluitenlijst_vaststellen(vergadering=vergadering, door=griffier)


# --- agenda ---


def test_agendapunt_komt_achteraan_de_agenda(griffier: Medewerker) -> None:
    vergadering = VergaderingFactory()
    services.agendapunt_toevoegen(vergadering=vergadering, titel="Opening", door=griffier)
    punt = services.agendapunt_toevoegen(vergadering=vergadering, titel="Vaststelling agenda", door=griffier)
    assert punt.volgnummer == 2


def test_besloten_agendapunt_over_de_begroting_wordt_geweigerd_art_24(griffier: Medewerker) -> None:
    vergadering = VergaderingFactory()
    with pytest.raises(ValidationError) as fout:
        services.agendapunt_toevoegen(
            vergadering=vergadering,
            titel="Programmabegroting 2025",
            onderwerp=Agendapunt.Onderwerp.BEGROTING,
            besloten=True,
            door=griffier,
        )
    assert "Gemeentewet art. 24" in fout.value.message_dict["besloten"][0]
    assert not Agendapunt.objects.exists()


def test_database_weigert_besloten_begroting_ook_zonder_service() -> None:
    vergadering = VergaderingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendapuntFactory(vergadering=vergadering, onderwerp=Agendapunt.Onderwerp.BEGROTING, besloten=True)


def test_besloten_agendapunt_over_iets_anders_mag(griffier: Medewerker) -> None:
    punt = services.agendapunt_toevoegen(
        vergadering=VergaderingFactory(), titel="Grondaankoop", besloten=True, door=griffier
    )
    assert punt.besloten


def test_agendapunt_omhoog_en_omlaag(griffier: Medewerker) -> None:
    vergadering = VergaderingFactory()
    a, _b, c = agenda(vergadering, "A", "B", "C")
    services.agendapunt_verplaatsen(agendapunt=c, richting="omhoog", door=griffier)
    assert volgorde(vergadering) == ["A", "C", "B"]
    services.agendapunt_verplaatsen(agendapunt=a, richting="omlaag", door=griffier)
    assert volgorde(vergadering) == ["C", "A", "B"]
    services.agendapunt_verplaatsen(agendapunt=c, richting="omhoog", door=griffier)
    assert volgorde(vergadering) == ["C", "A", "B"]
    assert list(vergadering.agendapunten.order_by("volgnummer").values_list("volgnummer", flat=True)) == [
        1,
        2,
        3,
    ]


def test_agenda_ordenen_in_een_keer(griffier: Medewerker) -> None:
    vergadering = VergaderingFactory()
    a, b, c, d = agenda(vergadering, "A", "B", "C", "D")
    services.agenda_ordenen(vergadering=vergadering, volgorde=[d.pk, b.pk, a.pk, c.pk], door=griffier)
    assert volgorde(vergadering) == ["D", "B", "A", "C"]


def test_agenda_ordenen_met_ontbrekend_punt_wordt_geweigerd(griffier: Medewerker) -> None:
    vergadering = VergaderingFactory()
    _a, b = agenda(vergadering, "A", "B")
    with pytest.raises(ValidationError):
        services.agenda_ordenen(vergadering=vergadering, volgorde=[b.pk], door=griffier)
    assert volgorde(vergadering) == ["A", "B"]


def test_agenda_ordenen_door_een_raadslid_wordt_geweigerd() -> None:
    vergadering = VergaderingFactory()
    _a, b = agenda(vergadering, "A", "B")
    with pytest.raises(PermissionDenied):
        services.agendapunt_verplaatsen(
            agendapunt=b, richting="omhoog", door=MedewerkerFactory(rollen=[Rol.RAADSLID])
        )
    assert volgorde(vergadering) == ["A", "B"]


def test_agendapunt_naar_andere_vergadering_neemt_stukken_mee(griffier: Medewerker) -> None:
    raad = OrgaanFactory()
    bron = VergaderingFactory(orgaan=raad)
    doel = VergaderingFactory(orgaan=raad)
    _a, b, _c = agenda(bron, "A", "B", "C")
    agenda(doel, "X")
    stuk = StukFactory(orgaan=raad, agendapunt=b)
    services.agendapunt_naar_vergadering(agendapunt=b, vergadering=doel, door=griffier)
    assert volgorde(bron) == ["A", "C"]
    assert volgorde(doel) == ["X", "B"]
    stuk.refresh_from_db()
    assert stuk.agendapunt == b
    assert list(bron.agendapunten.values_list("volgnummer", flat=True).order_by("volgnummer")) == [1, 2]


def test_agendapunt_naar_gehouden_vergadering_wordt_geweigerd(griffier: Medewerker) -> None:
    raad = OrgaanFactory()
    bron = VergaderingFactory(orgaan=raad)
    gehouden = VergaderingFactory(orgaan=raad, status=Vergadering.Status.GEHOUDEN)
    (a,) = agenda(bron, "A")
    with pytest.raises(ValidationError) as fout:
        services.agendapunt_naar_vergadering(agendapunt=a, vergadering=gehouden, door=griffier)
    assert "geplande vergadering" in fout.value.message_dict["vergadering"][0]
    assert volgorde(bron) == ["A"]


def test_agendapunt_naar_vergadering_van_ander_orgaan_wordt_geweigerd(griffier: Medewerker) -> None:
    bron = VergaderingFactory()
    (a,) = agenda(bron, "A")
    with pytest.raises(ValidationError):
        services.agendapunt_naar_vergadering(agendapunt=a, vergadering=VergaderingFactory(), door=griffier)


def test_agendapunt_verwijderen_sluit_de_nummering(griffier: Medewerker) -> None:
    vergadering = VergaderingFactory()
    a, _b, _c = agenda(vergadering, "A", "B", "C")
    services.agendapunt_verwijderen(agendapunt=a, door=griffier)
    assert list(vergadering.agendapunten.order_by("volgnummer").values_list("titel", "volgnummer")) == [
        ("B", 1),
        ("C", 2),
    ]


def test_agenda_van_gehouden_vergadering_ligt_vast(griffier: Medewerker) -> None:
    vergadering = VergaderingFactory(status=Vergadering.Status.GEHOUDEN)
    with pytest.raises(ValidationError):
        services.agendapunt_toevoegen(vergadering=vergadering, titel="Te laat", door=griffier)


# --- presentielijst and opening ---


def test_presentielijst_alleen_voor_mensen_met_een_functie(griffier: Medewerker) -> None:
    raad = raad_met_leden((5, 4))
    vergadering = VergaderingFactory(orgaan=raad.orgaan)
    buitenstaander = PersoonFactory()
    with pytest.raises(ValidationError) as fout:
        services.presentielijst_vastleggen(
            vergadering=vergadering, aanwezigen=[raad.leden[0], buitenstaander], door=griffier
        )
    assert "geen functie" in fout.value.message_dict["aanwezigen"][0]
    assert not Aanwezigheid.objects.exists()


def test_presentielijst_legt_aanwezig_en_afwezig_vast(griffier: Medewerker) -> None:
    raad = raad_met_leden((5, 4))
    voorzitter = LidmaatschapFactory(orgaan=raad.orgaan, functie=Lidmaatschap.Functie.VOORZITTER).persoon
    vergadering = VergaderingFactory(orgaan=raad.orgaan)
    services.presentielijst_vastleggen(
        vergadering=vergadering, aanwezigen=[*raad.leden[:5], voorzitter], door=griffier
    )
    assert Aanwezigheid.objects.filter(vergadering=vergadering, aanwezig=True).count() == 6
    assert Aanwezigheid.objects.filter(vergadering=vergadering, aanwezig=False).count() == 4
    services.presentielijst_vastleggen(vergadering=vergadering, aanwezigen=raad.leden[:2], door=griffier)
    assert Aanwezigheid.objects.filter(vergadering=vergadering, aanwezig=True).count() == 2


def test_raad_opent_met_meer_dan_de_helft_van_de_zittende_leden_art_20(griffier: Medewerker) -> None:
    raad = raad_met_leden((5, 4), vacatures=1)  # 8 zitting hebbende leden
    voorzitter = LidmaatschapFactory(orgaan=raad.orgaan, functie=Lidmaatschap.Functie.VOORZITTER).persoon
    vergadering = VergaderingFactory(orgaan=raad.orgaan)
    # Four of eight members plus the chair: the chair does not count (art. 9), so no quorum.
    services.presentielijst_vastleggen(
        vergadering=vergadering, aanwezigen=[*raad.leden[:4], voorzitter], door=griffier
    )
    opening = services.vergadering_openen(vergadering=vergadering, door=griffier)
    assert not opening.geopend
    assert opening.zitting_hebbende_leden == 8
    assert opening.aanwezig == 4
    assert opening.quorum.vereist == 5
    assert opening.vervolg_vanaf is not None
    assert opening.vervolg_vanaf >= vergadering.begin + dt.timedelta(hours=24)
    vergadering.refresh_from_db()
    assert vergadering.geopend is False
    # A fifth member arrives: now it opens.
    services.presentielijst_vastleggen(vergadering=vergadering, aanwezigen=raad.leden[:5], door=griffier)
    assert services.vergadering_openen(vergadering=vergadering, door=griffier).geopend
    vergadering.refresh_from_db()
    assert vergadering.geopend is True


def test_college_opent_met_de_helft_art_56(griffier: Medewerker) -> None:
    college = OrgaanFactory(college=True, zetels=4)
    leden = [
        LidmaatschapFactory(orgaan=college, functie=Lidmaatschap.Functie.WETHOUDER).persoon for _ in range(3)
    ]
    burgemeester = LidmaatschapFactory(orgaan=college, functie=Lidmaatschap.Functie.BURGEMEESTER).persoon
    vergadering = VergaderingFactory(orgaan=college)
    services.presentielijst_vastleggen(
        vergadering=vergadering, aanwezigen=[leden[0], burgemeester], door=griffier
    )
    assert services.vergadering_openen(vergadering=vergadering, door=griffier).geopend


def test_openen_zonder_presentielijst_wordt_geweigerd(griffier: Medewerker) -> None:
    with pytest.raises(ValidationError):
        services.vergadering_openen(vergadering=VergaderingFactory(), door=griffier)


def test_nieuwe_vergadering_na_niet_geopende_kopieert_de_agenda_art_20_lid_2(griffier: Medewerker) -> None:
    raad = raad_met_leden((5, 4))
    oud = VergaderingFactory(orgaan=raad.orgaan)
    _a, b = agenda(oud, "A", "B")
    stuk = StukFactory(orgaan=raad.orgaan, agendapunt=b)
    services.presentielijst_vastleggen(vergadering=oud, aanwezigen=raad.leden[:2], door=griffier)
    opening = services.vergadering_openen(vergadering=oud, door=griffier)
    assert opening.vervolg_vanaf is not None
    with pytest.raises(ValidationError) as fout:
        services.vervolgvergadering_plannen(
            vergadering=oud, begin=opening.vervolg_vanaf - dt.timedelta(hours=1), door=griffier
        )
    assert "art. 20 lid 2" in fout.value.message_dict["begin"][0]
    nieuw = services.vervolgvergadering_plannen(vergadering=oud, begin=opening.vervolg_vanaf, door=griffier)
    assert nieuw.vervolg_van == oud
    assert volgorde(nieuw) == ["A", "B"]
    assert all(nieuw.agendapunten.values_list("uit_niet_geopende_vergadering", flat=True))
    stuk.refresh_from_db()
    assert stuk.agendapunt is not None
    assert stuk.agendapunt.vergadering == nieuw
    oud.refresh_from_db()
    assert oud.status == Vergadering.Status.GEANNULEERD
    # Art. 20 lid 3: for the failed meeting's own items no quorum is needed.
    services.presentielijst_vastleggen(vergadering=nieuw, aanwezigen=raad.leden[:1], door=griffier)
    assert services.vergadering_openen(vergadering=nieuw, door=griffier).geopend


# --- stukken ---


def test_pdf_stuk_wordt_opgeslagen_met_zijn_tekst(griffier: Medewerker) -> None:
    punt = AgendapuntFactory()
    bestand = SimpleUploadedFile("voorstel.pdf", pdf("Raadsvoorstel over de Oostlaan"), "application/pdf")
    stuk = services.stuk_toevoegen(
        agendapunt=punt,
        soort=Stuk.Soort.VOORSTEL,
        titel="Raadsvoorstel Oostlaan",
        datum=dt.date(2024, 3, 1),
        bestand=bestand,
        door=griffier,
    )
    assert "Oostlaan" in stuk.tekst
    assert stuk.mediatype == "application/pdf"
    assert stuk.orgaan == punt.vergadering.orgaan
    assert stuk.bestand.storage.exists(stuk.bestand.name)


def test_upload_van_verkeerd_bestandstype_slaat_niets_op(griffier: Medewerker, tmp_path: Path) -> None:
    punt = AgendapuntFactory()
    bestand = SimpleUploadedFile("voorstel.pdf", b"MZ\x90\x00 niet echt een pdf", "application/pdf")
    with pytest.raises(ValidationError) as fout:
        services.stuk_toevoegen(
            agendapunt=punt,
            soort=Stuk.Soort.VOORSTEL,
            titel="Virus",
            datum=dt.date(2024, 3, 1),
            bestand=bestand,
            door=griffier,
        )
    assert "niet toegestaan" in fout.value.message_dict["bestand"][0]
    assert not Stuk.objects.exists()
    media = tmp_path / "media"
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_geheim_stuk_met_bekrachtiging_art_25(griffier: Medewerker) -> None:
    stuk = services.stuk_toevoegen(
        agendapunt=AgendapuntFactory(),
        soort=Stuk.Soort.MEDEDELING,
        titel="Vertrouwelijke brief",
        datum=dt.date(2024, 3, 1),
        bestand=None,
        openbaarheid=Stuk.Openbaarheid.GEHEIM,
        geheim_tot_bekrachtiging=True,
        door=griffier,
    )
    assert stuk.openbaarheid == Stuk.Openbaarheid.GEHEIM
    with pytest.raises(ValidationError) as fout:
        services.stuk_toevoegen(
            agendapunt=AgendapuntFactory(),
            soort=Stuk.Soort.MEDEDELING,
            titel="Openbare brief",
            datum=dt.date(2024, 3, 1),
            bestand=None,
            geheim_tot_bekrachtiging=True,
            door=griffier,
        )
    assert "geheim_tot_bekrachtiging" in fout.value.message_dict


def test_stuk_uploaden_door_een_raadslid_wordt_geweigerd() -> None:
    with pytest.raises(PermissionDenied):
        services.stuk_toevoegen(
            agendapunt=AgendapuntFactory(),
            soort=Stuk.Soort.VOORSTEL,
            titel="X",
            datum=dt.date(2024, 3, 1),
            bestand=None,
            door=MedewerkerFactory(rollen=[Rol.RAADSLID]),
        )
    assert not Stuk.objects.exists()


# --- publishing the agenda (art. 19) ---


def test_agenda_publiceren_zet_het_moment_en_eenmaal(griffier: Medewerker) -> None:
    vergadering = VergaderingFactory(agenda_gepubliceerd_op=None)
    AgendapuntFactory(vergadering=vergadering, volgnummer=1)

    services.agenda_publiceren(vergadering=vergadering, door=griffier)

    vergadering.refresh_from_db()
    assert vergadering.agenda_gepubliceerd_op is not None
    with pytest.raises(ValidationError, match="al gepubliceerd"):
        services.agenda_publiceren(vergadering=vergadering, door=griffier)


def test_lege_agenda_of_gehouden_vergadering_wordt_niet_gepubliceerd(griffier: Medewerker) -> None:
    leeg = VergaderingFactory(agenda_gepubliceerd_op=None)
    with pytest.raises(ValidationError, match="zonder agendapunten"):
        services.agenda_publiceren(vergadering=leeg, door=griffier)
    gehouden = VergaderingFactory(agenda_gepubliceerd_op=None, status=Vergadering.Status.GEHOUDEN)
    AgendapuntFactory(vergadering=gehouden, volgnummer=1)
    with pytest.raises(ValidationError):
        services.agenda_publiceren(vergadering=gehouden, door=griffier)
    leeg.refresh_from_db()
    assert leeg.agenda_gepubliceerd_op is None


def test_agenda_publiceren_door_een_raadslid_wordt_geweigerd() -> None:
    vergadering = VergaderingFactory(agenda_gepubliceerd_op=None)
    AgendapuntFactory(vergadering=vergadering, volgnummer=1)
    with pytest.raises(PermissionDenied):
        services.agenda_publiceren(vergadering=vergadering, door=MedewerkerFactory(rollen=[Rol.RAADSLID]))
