"""Services of petitions: submitting, moderation, one signature per person on both channels, expiry
of unconfirmed signatures, the burgerinitiatief's threshold, admissibility and agenda term."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from hypothesis import given
from hypothesis import strategies as st

from raadhuis.accounts.models import Medewerker
from raadhuis.core.models import Logregel, Zoekdocument
from raadhuis.core.termijnen import Eenheid, Termijn, bereken_termijn
from raadhuis.samenleving.models import Abonnement, Ondertekening, Petitie
from raadhuis.samenleving.selectors import petities as selectors
from raadhuis.samenleving.services import abonnementen
from raadhuis.samenleving.services import petities as services

BSN = "999993653"
BSN_2 = "999990019"
pytestmark = pytest.mark.django_db


def indienen(soort: str = Petitie.Soort.PETITIE, **velden: Any) -> Petitie:
    gegevens: dict[str, Any] = {
        "soort": soort,
        "titel": "Zebrapad bij de school",
        "tekst": "Wij vragen de raad om een zebrapad.",
        "initiatiefnemer_naam": "Kees Jansen",
        "initiatiefnemer_email": "Kees@Example.org ",
        "ondertekenen_tot": timezone.localdate() + dt.timedelta(days=30),
        **velden,
    }
    return services.petitie_indienen(**gegevens)


@pytest.fixture
def open_petitie(griffier: Medewerker) -> Petitie:
    return services.petitie_openen(petitie=indienen(), door=griffier)


@pytest.fixture
def open_initiatief(griffier: Medewerker) -> Petitie:
    petitie = indienen(Petitie.Soort.BURGERINITIATIEF)
    return services.petitie_openen(petitie=petitie, drempel=2, agenderen_binnen_maanden=3, door=griffier)


def bevestiglink(bericht: Any) -> tuple[int, str]:
    pad = re.search(r"/petities/ondertekeningen/(\d+)/(\w+)/bevestigen/", str(bericht.body))
    assert pad is not None
    return int(pad.group(1)), pad.group(2)


# -- submitting and moderation ---------------------------------------------------------------------


def test_indienen_bewaart_genormaliseerd_adres_en_wacht_op_de_griffie(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        petitie = indienen()
    assert petitie.status == Petitie.Status.AANGEVRAAGD
    assert petitie.initiatiefnemer_email == "kees@example.org"
    assert mail.outbox[0].to == ["kees@example.org"]
    assert selectors.openbare_petitie(petitie.pk) is None
    assert not Zoekdocument.objects.exists()


def test_indienen_met_slechte_invoer_bewaart_niets() -> None:
    with pytest.raises(ValidationError) as fout:
        indienen(
            soort="onzin",
            titel=" ",
            tekst="",
            initiatiefnemer_naam="",
            initiatiefnemer_email="geen-adres",
            ondertekenen_tot=timezone.localdate(),
        )
    assert set(fout.value.message_dict) == {
        "soort",
        "titel",
        "tekst",
        "initiatiefnemer_naam",
        "initiatiefnemer_email",
        "ondertekenen_tot",
    }
    assert not Petitie.objects.exists()


def test_periode_langer_dan_een_jaar_geweigerd() -> None:
    with pytest.raises(ValidationError, match="hoogstens een jaar"):
        indienen(ondertekenen_tot=timezone.localdate() + dt.timedelta(days=400))


def test_openen_maakt_openbaar_en_vindbaar(open_petitie: Petitie) -> None:
    assert open_petitie.status == Petitie.Status.OPEN
    assert open_petitie.ondertekenen_van == timezone.localdate()
    document = Zoekdocument.objects.get(soort=services.ZOEKSOORT)
    assert document.openbaar
    assert document.titel == open_petitie.titel
    assert selectors.openbare_petitie(open_petitie.pk) is not None


def test_openen_meldt_abonnees_eenmaal_na_de_commit(
    griffier: Medewerker, django_capture_on_commit_callbacks: Any
) -> None:
    abonnementen.abonnement_aanvragen(emailadres="lezer@example.org", consultaties=False, petities=True)
    abonnementen.abonnement_bevestigen(abonnement=Abonnement.objects.get(emailadres="lezer@example.org"))
    petitie = indienen()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.petitie_openen(petitie=petitie, door=griffier)
    # Queued from the outbox after the commit; run by a worker, twice (at-least-once): one mail.
    assert (
        DBTaskResult.objects.filter(task_path=services.petitie_geopend_melden_taak.module_path).count() == 1
    )
    assert services.petitie_geopend_melden_taak.call(petitie.pk) == 1
    assert services.petitie_geopend_melden_taak.call(petitie.pk) == 0

    meldingen = [m for m in mail.outbox if m.to == ["lezer@example.org"]]
    assert len(meldingen) == 1
    assert petitie.titel in str(meldingen[0].subject)
    assert f"/meedoen/petities/{petitie.pk}/" in str(meldingen[0].body)


def test_weigeren_vraagt_een_reden_en_houdt_de_petitie_verborgen(griffier: Medewerker) -> None:
    petitie = indienen()
    with pytest.raises(ValidationError) as fout:
        services.petitie_weigeren(petitie=petitie, reden="  ", door=griffier)
    assert "reden" in fout.value.message_dict
    services.petitie_weigeren(petitie=petitie, reden="Beledigend.", door=griffier)
    petitie.refresh_from_db()
    assert petitie.status == Petitie.Status.GEWEIGERD
    assert selectors.openbare_petitie(petitie.pk) is None
    with pytest.raises(ValidationError):
        services.petitie_openen(petitie=petitie, door=griffier)


def test_burgerinitiatief_krijgt_drempel_en_termijn_van_de_verordening(griffier: Medewerker) -> None:
    petitie = services.petitie_openen(petitie=indienen(Petitie.Soort.BURGERINITIATIEF), door=griffier)
    assert petitie.drempel == services.DREMPEL_STANDAARD
    assert petitie.agenderen_binnen_maanden == services.AGENDEREN_BINNEN_MAANDEN_STANDAARD


def test_burgerinitiatief_drempel_van_nul_geweigerd(griffier: Medewerker) -> None:
    petitie = indienen(Petitie.Soort.BURGERINITIATIEF)
    with pytest.raises(ValidationError) as fout:
        services.petitie_openen(petitie=petitie, drempel=0, door=griffier)
    assert "drempel" in fout.value.message_dict
    petitie.refresh_from_db()
    assert petitie.status == Petitie.Status.AANGEVRAAGD


# -- signing: one per person -----------------------------------------------------------------------


def test_digid_ondertekening_telt_direct_en_bewaart_geen_bsn(open_petitie: Petitie) -> None:
    ondertekening = services.ondertekenen_met_digid(petitie=open_petitie, bsn=BSN)
    assert ondertekening.bevestigd_op is not None
    assert BSN not in ondertekening.sleutelhash
    assert len(ondertekening.sleutelhash) == 64
    assert ondertekening.emailadres == ""
    assert services.aantal_ondertekeningen(open_petitie) == 1
    assert Logregel.objects.filter(naam="petitie ondertekend met DigiD").count() == 1


def test_tweede_digid_ondertekening_geweigerd(open_petitie: Petitie) -> None:
    services.ondertekenen_met_digid(petitie=open_petitie, bsn=BSN)
    with pytest.raises(ValidationError, match="al ondertekend"):
        services.ondertekenen_met_digid(petitie=open_petitie, bsn=BSN)
    services.ondertekenen_met_digid(petitie=open_petitie, bsn=BSN_2)
    assert services.aantal_ondertekeningen(open_petitie) == 2


def test_hash_verschilt_per_petitie(open_petitie: Petitie, griffier: Medewerker) -> None:
    andere = services.petitie_openen(petitie=indienen(titel="Andere"), door=griffier)
    a = services.ondertekenen_met_digid(petitie=open_petitie, bsn=BSN)
    b = services.ondertekenen_met_digid(petitie=andere, bsn=BSN)
    assert a.sleutelhash != b.sleutelhash


def test_email_ondertekening_telt_pas_na_bevestiging(
    open_petitie: Petitie, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.ondertekenen_per_email(petitie=open_petitie, emailadres="Inwoner@Example.org")
    assert services.aantal_ondertekeningen(open_petitie) == 0
    ondertekening = Ondertekening.objects.get()
    assert ondertekening.emailadres == ""
    assert "inwoner" not in ondertekening.sleutelhash
    pk, sleutel = bevestiglink(mail.outbox[0])
    assert pk == ondertekening.pk
    assert services.sleutel_klopt(ondertekening, sleutel)
    assert not services.sleutel_klopt(ondertekening, "0" * len(sleutel))
    services.ondertekening_bevestigen(ondertekening=ondertekening)
    assert services.aantal_ondertekeningen(open_petitie) == 1


def test_tweede_email_ondertekening_na_bevestiging_geweigerd(open_petitie: Petitie) -> None:
    ondertekening = services.ondertekenen_per_email(petitie=open_petitie, emailadres="a@example.org")
    services.ondertekening_bevestigen(ondertekening=ondertekening)
    with pytest.raises(ValidationError) as fout:
        services.ondertekenen_per_email(petitie=open_petitie, emailadres=" A@EXAMPLE.ORG")
    assert "al ondertekend" in fout.value.message_dict["emailadres"][0]
    assert Ondertekening.objects.count() == 1


def test_opnieuw_vragen_voor_bevestiging_geeft_een_nieuwe_link(open_petitie: Petitie) -> None:
    eerste = services.ondertekenen_per_email(petitie=open_petitie, emailadres="a@example.org")
    oude_sleutel = services.sleutel(eerste)
    tweede = services.ondertekenen_per_email(petitie=open_petitie, emailadres="a@example.org")
    assert tweede.pk == eerste.pk
    assert Ondertekening.objects.count() == 1
    assert not services.sleutel_klopt(tweede, oude_sleutel)


def test_onbevestigde_ondertekening_verloopt_na_7_dagen(open_petitie: Petitie) -> None:
    ondertekening = services.ondertekenen_per_email(petitie=open_petitie, emailadres="a@example.org")
    Ondertekening.objects.filter(pk=ondertekening.pk).update(
        aangevraagd_op=timezone.now() - services.BEVESTIGEN_BINNEN - dt.timedelta(minutes=1)
    )
    ondertekening.refresh_from_db()
    assert services.is_verlopen(ondertekening)
    with pytest.raises(ValidationError, match="verlopen"):
        services.ondertekening_bevestigen(ondertekening=ondertekening)
    assert services.verlopen_ondertekeningen_opruimen() == 1
    assert not Ondertekening.objects.exists()


def test_onbevestigde_ondertekening_binnen_7_dagen_blijft(open_petitie: Petitie) -> None:
    ondertekening = services.ondertekenen_per_email(petitie=open_petitie, emailadres="a@example.org")
    Ondertekening.objects.filter(pk=ondertekening.pk).update(
        aangevraagd_op=timezone.now() - services.BEVESTIGEN_BINNEN + dt.timedelta(minutes=1)
    )
    assert services.verlopen_ondertekeningen_opruimen() == 0


def test_ongeldig_emailadres_bewaart_niets(open_petitie: Petitie) -> None:
    with pytest.raises(ValidationError) as fout:
        services.ondertekenen_per_email(petitie=open_petitie, emailadres="geen adres")
    assert "emailadres" in fout.value.message_dict
    assert not Ondertekening.objects.exists()


def test_op_de_hoogte_bewaart_adres_en_afhandelen_wist_het(
    open_petitie: Petitie, griffier: Medewerker, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    services.ondertekenen_met_digid(
        petitie=open_petitie, bsn=BSN, op_de_hoogte=True, emailadres="b@example.org"
    )
    zonder = services.ondertekenen_per_email(petitie=open_petitie, emailadres="c@example.org")
    services.ondertekening_bevestigen(ondertekening=zonder)
    onbevestigd = services.ondertekenen_per_email(
        petitie=open_petitie, emailadres="d@example.org", op_de_hoogte=True
    )
    assert onbevestigd.emailadres == "d@example.org"
    services.petitie_sluiten(petitie=open_petitie, door=griffier)
    vandaag = timezone.localdate()
    services.petitie_aanbieden(petitie=open_petitie, aangeboden_op=vandaag, door=griffier)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        aantal = services.petitie_afhandelen(
            petitie=open_petitie, antwoord="De raad doet het.", afgehandeld_op=vandaag, door=griffier
        )
    assert aantal == 2
    assert sorted(adres for bericht in mail.outbox for adres in bericht.to) == [
        "b@example.org",
        "kees@example.org",
    ]
    open_petitie.refresh_from_db()
    assert open_petitie.initiatiefnemer_email == ""
    assert not Ondertekening.objects.exclude(emailadres="").exists()
    assert not Ondertekening.objects.filter(bevestigd_op__isnull=True).exists()


def test_op_de_hoogte_zonder_adres_geweigerd(open_petitie: Petitie) -> None:
    with pytest.raises(ValidationError) as fout:
        services.ondertekenen_met_digid(petitie=open_petitie, bsn=BSN, op_de_hoogte=True)
    assert "emailadres" in fout.value.message_dict
    assert not Ondertekening.objects.exists()


def test_gesloten_petitie_kan_niet_worden_ondertekend(open_petitie: Petitie, griffier: Medewerker) -> None:
    ondertekening = services.ondertekenen_per_email(petitie=open_petitie, emailadres="a@example.org")
    services.petitie_sluiten(petitie=open_petitie, door=griffier)
    with pytest.raises(ValidationError, match="niet \\(meer\\)"):
        services.ondertekenen_met_digid(petitie=open_petitie, bsn=BSN)
    ondertekening.refresh_from_db()
    with pytest.raises(ValidationError, match="niet \\(meer\\)"):
        services.ondertekening_bevestigen(ondertekening=ondertekening)


def test_verlopen_periode_sluit_de_petitie(open_petitie: Petitie) -> None:
    gisteren = timezone.localdate() - dt.timedelta(days=1)
    Petitie.objects.filter(pk=open_petitie.pk).update(ondertekenen_van=gisteren, ondertekenen_tot=gisteren)
    assert services.verlopen_petities_sluiten() == 1
    open_petitie.refresh_from_db()
    assert open_petitie.status == Petitie.Status.GESLOTEN


# -- burgerinitiatief: inhabitants, threshold, admissibility, term ----------------------------------


def test_burgerinitiatief_alleen_met_digid(open_initiatief: Petitie) -> None:
    with pytest.raises(ValidationError, match="DigiD"):
        services.ondertekenen_per_email(petitie=open_initiatief, emailadres="a@example.org")


def test_burgerinitiatief_vraagt_verklaring_inwoner(open_initiatief: Petitie) -> None:
    with pytest.raises(ValidationError) as fout:
        services.ondertekenen_met_digid(petitie=open_initiatief, bsn=BSN)
    assert "inwoner_verklaard" in fout.value.message_dict
    ondertekening = services.ondertekenen_met_digid(petitie=open_initiatief, bsn=BSN, inwoner_verklaard=True)
    assert ondertekening.inwoner


def test_brp_zegt_geen_inwoner_weigert(open_initiatief: Petitie, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(services, "woont_in_gemeente", lambda bsn: False)
    with pytest.raises(ValidationError, match="Alleen inwoners"):
        services.ondertekenen_met_digid(petitie=open_initiatief, bsn=BSN, inwoner_verklaard=True)


def _gesloten_initiatief(petitie: Petitie, griffier: Medewerker, ondersteuners: int) -> Petitie:
    for bsn in [BSN, BSN_2, "999990032"][:ondersteuners]:
        services.ondertekenen_met_digid(petitie=petitie, bsn=bsn, inwoner_verklaard=True)
    return services.petitie_sluiten(petitie=petitie, door=griffier)


def test_ontvankelijk_vraagt_de_drempel(open_initiatief: Petitie, griffier: Medewerker) -> None:
    petitie = _gesloten_initiatief(open_initiatief, griffier, 1)
    assert not services.drempel_gehaald(petitie)
    with pytest.raises(ValidationError) as fout:
        services.ontvankelijkheid_beslissen(petitie=petitie, ontvankelijk=True, door=griffier)
    assert "1 ondersteuners" in fout.value.message_dict["ontvankelijk"][0]
    petitie.refresh_from_db()
    assert petitie.ontvankelijkheid == Petitie.Ontvankelijkheid.ONBESLIST


def test_ontvankelijk_bij_drempel_zet_de_agenderingstermijn(
    open_initiatief: Petitie, griffier: Medewerker
) -> None:
    petitie = _gesloten_initiatief(open_initiatief, griffier, 2)
    assert services.drempel_gehaald(petitie)
    beslist = timezone.localdate() - dt.timedelta(days=2)
    services.ontvankelijkheid_beslissen(petitie=petitie, ontvankelijk=True, beslist_op=beslist, door=griffier)
    petitie.refresh_from_db()
    verwacht = bereken_termijn(gebeurtenis=beslist, termijn=Termijn(3, Eenheid.MAANDEN)).einddatum
    assert petitie.ontvankelijkheid == Petitie.Ontvankelijkheid.ONTVANKELIJK
    assert petitie.agenderen_uiterlijk == verwacht
    with pytest.raises(ValidationError, match="al beslist"):
        services.ontvankelijkheid_beslissen(
            petitie=petitie, ontvankelijk=False, grond="belastingen", door=griffier
        )


def test_te_laat_geagendeerd_tot_het_is_aangeboden(open_initiatief: Petitie, griffier: Medewerker) -> None:
    petitie = _gesloten_initiatief(open_initiatief, griffier, 2)
    services.ontvankelijkheid_beslissen(petitie=petitie, ontvankelijk=True, door=griffier)
    petitie.refresh_from_db()
    assert petitie.agenderen_uiterlijk is not None
    assert not selectors.te_laat_geagendeerd().exists()
    na_termijn = petitie.agenderen_uiterlijk + dt.timedelta(days=1)
    assert list(selectors.te_laat_geagendeerd(op=na_termijn)) == [petitie]
    services.petitie_aanbieden(petitie=petitie, aangeboden_op=timezone.localdate(), door=griffier)
    assert not selectors.te_laat_geagendeerd(op=na_termijn).exists()


def test_niet_ontvankelijk_vraagt_een_grond(open_initiatief: Petitie, griffier: Medewerker) -> None:
    petitie = _gesloten_initiatief(open_initiatief, griffier, 1)
    with pytest.raises(ValidationError) as fout:
        services.ontvankelijkheid_beslissen(petitie=petitie, ontvankelijk=False, grond="", door=griffier)
    assert "grond" in fout.value.message_dict
    services.ontvankelijkheid_beslissen(
        petitie=petitie, ontvankelijk=False, grond=Petitie.Weigeringsgrond.RECENT_BESLOTEN, door=griffier
    )
    petitie.refresh_from_db()
    assert petitie.agenderen_uiterlijk is None
    with pytest.raises(ValidationError, match="ontvankelijk is"):
        services.petitie_aanbieden(petitie=petitie, aangeboden_op=timezone.localdate(), door=griffier)


def test_ontvankelijkheid_niet_voor_open_initiatief_of_petitie(
    open_initiatief: Petitie, open_petitie: Petitie, griffier: Medewerker
) -> None:
    with pytest.raises(ValidationError, match="gesloten"):
        services.ontvankelijkheid_beslissen(
            petitie=open_initiatief, ontvankelijk=False, grond="belastingen", door=griffier
        )
    with pytest.raises(ValidationError, match="burgerinitiatief"):
        services.ontvankelijkheid_beslissen(
            petitie=open_petitie, ontvankelijk=False, grond="belastingen", door=griffier
        )


@given(drempel=st.integers(min_value=1, max_value=4), ondersteuners=st.integers(min_value=0, max_value=4))
def test_drempel_gehaald_precies_bij_genoeg_inwoners(drempel: int, ondersteuners: int) -> None:
    petitie = Petitie.objects.create(
        soort=Petitie.Soort.BURGERINITIATIEF,
        titel="t",
        tekst="t",
        initiatiefnemer_naam="n",
        status=Petitie.Status.OPEN,
        ingediend_op=timezone.now(),
        ondertekenen_van=timezone.localdate(),
        ondertekenen_tot=timezone.localdate(),
        drempel=drempel,
    )
    for nummer in range(ondersteuners):
        services.ondertekenen_met_digid(petitie=petitie, bsn=f"bsn-{nummer}", inwoner_verklaard=True)
    # A signature without the inhabitant mark never counts toward the threshold.
    Ondertekening.objects.create(
        petitie=petitie,
        kanaal="email",
        sleutelhash="x",
        aangevraagd_op=timezone.now(),
        bevestigd_op=timezone.now(),
    )
    assert services.drempel_gehaald(petitie) is (ondersteuners >= drempel)
    petitie.delete()


def test_afhandelen_vraagt_antwoord_en_volgorde(open_petitie: Petitie, griffier: Medewerker) -> None:
    with pytest.raises(ValidationError, match="aangeboden"):
        services.petitie_afhandelen(
            petitie=open_petitie, antwoord="x", afgehandeld_op=timezone.localdate(), door=griffier
        )
    services.petitie_sluiten(petitie=open_petitie, door=griffier)
    vandaag = timezone.localdate()
    services.petitie_aanbieden(petitie=open_petitie, aangeboden_op=vandaag, door=griffier)
    with pytest.raises(ValidationError) as fout:
        services.petitie_afhandelen(
            petitie=open_petitie, antwoord=" ", afgehandeld_op=vandaag - dt.timedelta(days=1), door=griffier
        )
    assert "antwoord" in fout.value.message_dict
    open_petitie.refresh_from_db()
    assert open_petitie.status == Petitie.Status.AANGEBODEN


def test_dagelijks_onderhoud_sluit_en_wist(open_petitie: Petitie) -> None:
    from io import StringIO

    from django.core.management import call_command

    ondertekening = services.ondertekenen_per_email(petitie=open_petitie, emailadres="a@example.org")
    Ondertekening.objects.filter(pk=ondertekening.pk).update(
        aangevraagd_op=timezone.now() - dt.timedelta(days=8)
    )
    gisteren = timezone.localdate() - dt.timedelta(days=1)
    Petitie.objects.filter(pk=open_petitie.pk).update(ondertekenen_van=gisteren, ondertekenen_tot=gisteren)
    uitvoer = StringIO()
    call_command("petities_onderhoud", stdout=uitvoer)
    assert "1 petitie(s) gesloten, 1 onbevestigde" in uitvoer.getvalue()
    call_command("petities_onderhoud", stdout=uitvoer)
    assert "0 petitie(s) gesloten, 0 onbevestigde" in uitvoer.getvalue()


def test_ontvankelijkheid_niet_in_de_toekomst(open_initiatief: Petitie, griffier: Medewerker) -> None:
    petitie = _gesloten_initiatief(open_initiatief, griffier, 2)
    morgen = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as fout:
        services.ontvankelijkheid_beslissen(
            petitie=petitie, ontvankelijk=True, beslist_op=morgen, door=griffier
        )
    assert "beslist_op" in fout.value.message_dict
    petitie.refresh_from_db()
    assert petitie.agenderen_uiterlijk is None
