"""Satisfaction surveys (KTO): invitations after a case or contact, one response per invitation,
anonymity by default, bad scores refused, and the screening of comments (deduce stubbed here; the
real model runs in test_kto_screening.py)."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone

from raadhuis.accounts.models import Rol as Medewerkerrol
from raadhuis.core import persoonsgegevens
from raadhuis.core.models import Logregel
from raadhuis.core.tests.gelijktijdig import tegelijk
from raadhuis.dienstverlening.models import (
    Aanleiding,
    Burgerpeilingkanaal,
    Contactkanaal,
    Kanaal,
    Klantcontact,
    Partijsoort,
    Reactie,
    Screening,
    Uitnodiging,
    Uitnodigingskanaal,
    Zaak,
)
from raadhuis.dienstverlening.services import kto
from raadhuis.dienstverlening.tests import factories
from raadhuis.dienstverlening.tests.test_mijn_zaken_views import afsluiten

pytestmark = pytest.mark.django_db

ONMIDDELLIJK = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _zonder_deduce(monkeypatch: pytest.MonkeyPatch) -> None:
    """deduce takes seconds to load: here only our own validators run."""
    monkeypatch.setattr(persoonsgegevens, "_naam_vondsten", lambda tekst: [])


@pytest.fixture
def onmiddellijk(settings: Any) -> None:
    settings.TASKS = ONMIDDELLIJK


def _code_uit_mail(tekst: str) -> str:
    gevonden = re.search(r"/tevredenheid/([A-Za-z0-9_-]+)/", tekst)
    assert gevonden is not None
    return gevonden.group(1)


def _contact(**velden: Any) -> Klantcontact:
    standaard: dict[str, Any] = {
        "kanaal": Contactkanaal.BALIE,
        "partijsoort": Partijsoort.ANONIEM,
        "onderwerp": "Vraag over parkeervergunning",
        "plaatsgevonden_op": timezone.now(),
    }
    return Klantcontact.objects.create(**(standaard | velden))


def _uitnodiging(kanaal: str = Burgerpeilingkanaal.BALIE, **velden: Any) -> tuple[Uitnodiging, str]:
    contact = velden.pop("klantcontact", None) or _contact()
    return kto._nieuwe_uitnodiging(
        aanleiding=Aanleiding.CONTACT_BEEINDIGD,
        verstuurd_via=Uitnodigingskanaal.QR,
        kanaal=kanaal,
        klantcontact=contact,
        product_id=None,
        team_id=None,
        **velden,
    )


def _zonder_uitnodigingen(zaak: Zaak) -> Zaak:
    Uitnodiging.objects.filter(zaak=zaak).delete()
    return zaak


# -- Invitations after a case ----------------------------------------------------------------------


def test_afgesloten_zaak_krijgt_uitnodiging_per_mail_na_commit(
    onmiddellijk: None, django_capture_on_commit_callbacks: Any
) -> None:
    zaak = factories.zaak()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        zaak = afsluiten(zaak)
    uitnodiging = Uitnodiging.objects.get(zaak=zaak)
    assert uitnodiging.aanleiding == Aanleiding.ZAAK_AFGESLOTEN
    assert uitnodiging.verstuurd_via == Uitnodigingskanaal.EMAIL
    assert uitnodiging.kanaal == Burgerpeilingkanaal.BALIE
    assert uitnodiging.product_id == zaak.product_id
    assert uitnodiging.team_id == zaak.team_id
    assert uitnodiging.geldig_tot - uitnodiging.aangemaakt_op == kto.GELDIGHEID
    (bericht,) = [m for m in mail.outbox if "tevreden" in m.subject]
    assert bericht.to == ["j.jansen@example.org"]
    code = _code_uit_mail(str(bericht.body))
    assert uitnodiging.code_hash == hashlib.sha256(code.encode()).hexdigest()


def test_uitnodiging_bewaart_de_code_niet() -> None:
    uitnodiging, code = _uitnodiging()
    uitnodiging.refresh_from_db()
    assert code not in {
        str(waarde) for waarde in Uitnodiging.objects.filter(pk=uitnodiging.pk).values().get().values()
    }
    assert kto.uitnodiging_bij_code(code) == uitnodiging


def test_teruggedraaide_afsluiting_nodigt_niet_uit(
    onmiddellijk: None, django_capture_on_commit_callbacks: Any
) -> None:
    zaak = factories.zaak()
    mail.outbox.clear()

    class Terugdraaien(Exception):
        pass

    def mislukte_afsluiting() -> None:
        with transaction.atomic():
            afsluiten(zaak)
            raise Terugdraaien

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Terugdraaien):
        mislukte_afsluiting()
    assert not Uitnodiging.objects.exists()
    assert mail.outbox == []


def test_zaak_zonder_emailadres_krijgt_geen_uitnodiging() -> None:
    zaak = afsluiten(factories.zaak(emailadres=""))
    assert zaak.einddatum is not None
    assert not Uitnodiging.objects.exists()


def test_zaak_wordt_niet_twee_keer_uitgenodigd() -> None:
    zaak = afsluiten(factories.zaak())
    assert Uitnodiging.objects.filter(zaak=zaak).count() == 1
    assert kto.uitnodigen_na_zaak(zaak=zaak) is None
    assert Uitnodiging.objects.filter(zaak=zaak).count() == 1


@pytest.mark.parametrize(
    ("kanaal", "verwacht"),
    [
        (Kanaal.DIGITAAL, Burgerpeilingkanaal.WEBSITE),
        (Kanaal.BALIE, Burgerpeilingkanaal.BALIE),
        (Kanaal.TELEFOON, Burgerpeilingkanaal.TELEFOON),
        (Kanaal.SCHRIFTELIJK, Burgerpeilingkanaal.POST),
    ],
)
def test_kanaal_van_de_zaak_wordt_het_burgerpeilingkanaal(kanaal: str, verwacht: str) -> None:
    door = factories.inwoner() if kanaal == Kanaal.DIGITAAL else None
    zaak = _zonder_uitnodigingen(afsluiten(factories.zaak(kanaal=kanaal, door=door)))
    uitnodiging = kto.uitnodigen_na_zaak(zaak=zaak)
    assert uitnodiging is not None
    assert uitnodiging.kanaal == verwacht


def test_uitnodigen_na_zaak_kost_een_lezing_en_de_inserts(django_assert_num_queries: Any) -> None:
    zaak = _zonder_uitnodigingen(afsluiten(factories.zaak()))
    # 1 read (address and "already invited" in one), 1 insert, 1 outbox row for the mail task; the
    # log entry is the logboek's own cost (in its savepoint: the register version, the chain head,
    # the insert, the new head).
    with transaction.atomic(), django_assert_num_queries(1 + 1 + 1 + 6):
        kto.uitnodigen_na_zaak(zaak=zaak)


def test_uitnodigen_na_zaak_wordt_gelogd_op_het_emailadres() -> None:
    zaak = _zonder_uitnodigingen(afsluiten(factories.zaak()))
    voor = Logregel.objects.filter(naam="kto.uitnodigen").count()
    kto.uitnodigen_na_zaak(zaak=zaak)
    regel = Logregel.objects.filter(naam="kto.uitnodigen").latest("id")
    assert Logregel.objects.filter(naam="kto.uitnodigen").count() == voor + 1
    assert regel.betrokkene_type == "e-mailadres"
    assert regel.verwerkingsactiviteit.sleutel == kto.ACTIVITEIT


# -- Invitations after a contact -------------------------------------------------------------------


def test_contact_met_emailadres_krijgt_uitnodiging_een_keer(
    onmiddellijk: None, django_capture_on_commit_callbacks: Any
) -> None:
    contact = _contact(kanaal=Contactkanaal.CHAT, emailadres="p.de.boer@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        uitnodiging = kto.uitnodigen_na_contact(klantcontact=contact)
    assert uitnodiging is not None
    assert uitnodiging.kanaal == Burgerpeilingkanaal.WEBSITE
    assert uitnodiging.aanleiding == Aanleiding.CONTACT_BEEINDIGD
    assert [m.to for m in mail.outbox] == [["p.de.boer@example.org"]]
    assert kto.uitnodigen_na_contact(klantcontact=contact) is None
    assert Uitnodiging.objects.filter(klantcontact=contact).count() == 1


def test_contact_zonder_emailadres_krijgt_geen_uitnodiging_per_mail() -> None:
    assert kto.uitnodigen_na_contact(klantcontact=_contact()) is None
    assert not Uitnodiging.objects.exists()


def test_uitnodigingsmail_gaat_een_keer_en_niet_meer_na_beantwoorden(settings: Any) -> None:
    uitnodiging, _ = _uitnodiging()
    argumenten = {"aan": "a@example.org", "onderwerp": "KTO", "tekst": "link"}
    assert kto.kto_mail_versturen.call(uitnodiging.pk, **argumenten) is True
    assert kto.kto_mail_versturen.call(uitnodiging.pk, **argumenten) is False
    assert len(mail.outbox) == 1
    ander, ander_code = _uitnodiging()
    kto.reactie_geven(code=ander_code, dv01_rapportcijfer=8)
    assert kto.kto_mail_versturen.call(ander.pk, **argumenten) is False
    assert len(mail.outbox) == 1


# -- Desk invitation -------------------------------------------------------------------------------


def test_balie_uitnodiging_geeft_de_code_een_keer() -> None:
    contact = _contact()
    kcc = factories.medewerker(Medewerkerrol.KCC_MEDEWERKER)
    uitnodiging, code = kto.uitnodiging_balie_aanmaken(klantcontact=contact, door=kcc)
    assert uitnodiging.verstuurd_via == Uitnodigingskanaal.QR
    assert uitnodiging.kanaal == Burgerpeilingkanaal.BALIE
    assert kto.uitnodiging_bij_code(code) == uitnodiging


def test_balie_uitnodiging_opnieuw_geeft_nieuwe_code_en_de_oude_vervalt() -> None:
    contact = _contact()
    kcc = factories.medewerker(Medewerkerrol.KCC_MEDEWERKER)
    eerste, oude_code = kto.uitnodiging_balie_aanmaken(klantcontact=contact, door=kcc)
    tweede, nieuwe_code = kto.uitnodiging_balie_aanmaken(klantcontact=contact, door=kcc)
    assert tweede.pk == eerste.pk
    assert Uitnodiging.objects.filter(klantcontact=contact).count() == 1
    assert kto.uitnodiging_bij_code(oude_code) is None
    assert kto.uitnodiging_bij_code(nieuwe_code) == tweede


def test_balie_uitnodiging_na_ingevulde_vragenlijst_wordt_geweigerd() -> None:
    contact = _contact()
    kcc = factories.medewerker(Medewerkerrol.KCC_MEDEWERKER)
    _, code = kto.uitnodiging_balie_aanmaken(klantcontact=contact, door=kcc)
    kto.reactie_geven(code=code, dv01_rapportcijfer=9, contact_toegestaan=True)
    with pytest.raises(ValidationError) as fout:
        kto.uitnodiging_balie_aanmaken(klantcontact=contact, door=kcc)
    assert "al ingevuld" in fout.value.message_dict["klantcontact"][0]


def test_balie_uitnodiging_zonder_recht_wordt_geweigerd_en_maakt_niets() -> None:
    contact = _contact()
    with pytest.raises(PermissionDenied):
        kto.uitnodiging_balie_aanmaken(
            klantcontact=contact, door=factories.medewerker(Medewerkerrol.CONTROLLER)
        )
    assert not Uitnodiging.objects.exists()


# -- Responses -------------------------------------------------------------------------------------


def test_reactie_wordt_vastgelegd_met_de_dimensies_van_de_uitnodiging() -> None:
    zaak = afsluiten(factories.zaak())
    uitnodiging = Uitnodiging.objects.get(zaak=zaak)
    code = "vaste-code-voor-deze-test"
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(code_hash=kto.code_hash(code))
    reactie = kto.reactie_geven(
        code=code, dv01_rapportcijfer=8, dv05_gemak=4, dv07_doorlooptijd=2, dv07_op_de_hoogte=5
    )
    assert (reactie.kanaal, reactie.product_id, reactie.team_id) == (
        uitnodiging.kanaal,
        uitnodiging.product_id,
        uitnodiging.team_id,
    )
    assert (reactie.dv01_rapportcijfer, reactie.dv05_gemak, reactie.dv07_doorlooptijd) == (8, 4, 2)
    assert reactie.dv07_op_de_hoogte == 5
    assert reactie.dv06_rapportcijfer_digitaal is None
    assert reactie.screening == Screening.GEEN_OPMERKING
    uitnodiging.refresh_from_db()
    assert uitnodiging.beantwoord_op == reactie.beantwoord_op


def test_reactie_is_standaard_anoniem() -> None:
    zaak = afsluiten(factories.zaak())
    uitnodiging = Uitnodiging.objects.get(zaak=zaak)
    code = "anoniem"
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(code_hash=kto.code_hash(code))
    logregels = Logregel.objects.count()
    kto.reactie_geven(code=code, dv01_rapportcijfer=6)
    uitnodiging.refresh_from_db()
    assert uitnodiging.zaak_id is None
    assert uitnodiging.klantcontact_id is None
    assert uitnodiging.product_id == zaak.product_id  # still counted where it belongs
    assert Logregel.objects.count() == logregels  # nothing personal was processed


def test_reactie_met_toestemming_houdt_de_koppeling_en_wordt_gelogd() -> None:
    zaak = afsluiten(factories.zaak())
    uitnodiging = Uitnodiging.objects.get(zaak=zaak)
    code = "met-toestemming"
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(code_hash=kto.code_hash(code))
    reactie = kto.reactie_geven(code=code, dv01_rapportcijfer=3, contact_toegestaan=True)
    uitnodiging.refresh_from_db()
    assert reactie.contact_toegestaan is True
    assert uitnodiging.zaak_id == zaak.pk
    regel = Logregel.objects.filter(naam="kto.reactie_gekoppeld").get()
    assert regel.betrokkene_type == "BSN"


def test_vragenlijst_twee_keer_invullen_wordt_geweigerd_en_verandert_niets() -> None:
    _, code = _uitnodiging()
    eerste = kto.reactie_geven(code=code, dv01_rapportcijfer=7)
    with pytest.raises(ValidationError) as fout:
        kto.reactie_geven(code=code, dv01_rapportcijfer=2)
    assert "al ingevuld" in fout.value.message_dict["code"][0]
    assert Reactie.objects.get().pk == eerste.pk
    assert Reactie.objects.get().dv01_rapportcijfer == 7


def test_tweede_reactie_stuit_op_de_database_als_de_vergrendeling_faalt() -> None:
    """The one-to-one key is the backstop: a response written past the lock (simulated by a row
    that exists while the invitation is not yet marked answered) gives the same Dutch answer."""
    uitnodiging, code = _uitnodiging()
    Reactie.objects.create(
        uitnodiging=uitnodiging,
        kanaal=uitnodiging.kanaal,
        beantwoord_op=timezone.now(),
        dv01_rapportcijfer=5,
    )
    with pytest.raises(ValidationError) as fout:
        kto.reactie_geven(code=code, dv01_rapportcijfer=9)
    assert "al ingevuld" in fout.value.message_dict["code"][0]
    assert Reactie.objects.get().dv01_rapportcijfer == 5
    uitnodiging.refresh_from_db()
    assert uitnodiging.beantwoord_op is None
    assert uitnodiging.klantcontact_id is not None


@pytest.mark.parametrize("cijfer", [11, 0, -1, 100, True, "7", 7.5, None])
def test_rapportcijfer_buiten_1_tot_10_wordt_geweigerd_en_verandert_niets(cijfer: Any) -> None:
    uitnodiging, code = _uitnodiging()
    with pytest.raises(ValidationError) as fout:
        kto.reactie_geven(code=code, dv01_rapportcijfer=cijfer)
    assert list(fout.value.message_dict) == ["dv01_rapportcijfer"]
    assert not Reactie.objects.exists()
    uitnodiging.refresh_from_db()
    assert uitnodiging.beantwoord_op is None


@pytest.mark.parametrize("veld", ["dv05_gemak", "dv07_doorlooptijd", "dv07_op_de_hoogte"])
@pytest.mark.parametrize("waarde", [0, 6, 10])
def test_stelling_buiten_1_tot_5_wordt_geweigerd(veld: str, waarde: int) -> None:
    _, code = _uitnodiging()
    with pytest.raises(ValidationError) as fout:
        kto.reactie_geven(code=code, dv01_rapportcijfer=8, **{veld: waarde})
    assert list(fout.value.message_dict) == [veld]
    assert not Reactie.objects.exists()


def test_digitaal_rapportcijfer_alleen_bij_digitaal_kanaal() -> None:
    _balie, balie_code = _uitnodiging(Burgerpeilingkanaal.BALIE)
    with pytest.raises(ValidationError) as fout:
        kto.reactie_geven(code=balie_code, dv01_rapportcijfer=8, dv06_rapportcijfer_digitaal=7)
    assert list(fout.value.message_dict) == ["dv06_rapportcijfer_digitaal"]
    _website, website_code = _uitnodiging(Burgerpeilingkanaal.WEBSITE)
    reactie = kto.reactie_geven(code=website_code, dv01_rapportcijfer=8, dv06_rapportcijfer_digitaal=7)
    assert reactie.dv06_rapportcijfer_digitaal == 7


def test_digitaal_rapportcijfer_van_11_wordt_geweigerd() -> None:
    _website, code = _uitnodiging(Burgerpeilingkanaal.EMAIL)
    with pytest.raises(ValidationError) as fout:
        kto.reactie_geven(code=code, dv01_rapportcijfer=8, dv06_rapportcijfer_digitaal=11)
    assert list(fout.value.message_dict) == ["dv06_rapportcijfer_digitaal"]


def test_verlopen_uitnodiging_wordt_geweigerd() -> None:
    uitnodiging, code = _uitnodiging()
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(
        aangemaakt_op=timezone.now() - timedelta(days=40), geldig_tot=timezone.now() - timedelta(days=10)
    )
    with pytest.raises(ValidationError) as fout:
        kto.reactie_geven(code=code, dv01_rapportcijfer=8)
    assert "verlopen" in fout.value.message_dict["code"][0]
    assert not Reactie.objects.exists()


@pytest.mark.parametrize("code", ["", "onbekend", "x" * 500])
def test_onbekende_code_wordt_geweigerd(code: str) -> None:
    _uitnodiging()
    with pytest.raises(ValidationError) as fout:
        kto.reactie_geven(code=code, dv01_rapportcijfer=8)
    assert "klopt niet" in fout.value.message_dict["code"][0]
    assert not Reactie.objects.exists()


def test_te_lange_opmerking_wordt_geweigerd() -> None:
    _, code = _uitnodiging()
    with pytest.raises(ValidationError) as fout:
        kto.reactie_geven(code=code, dv01_rapportcijfer=8, opmerking="a" * (kto.MAX_OPMERKING + 1))
    assert list(fout.value.message_dict) == ["opmerking"]


# -- Retention -------------------------------------------------------------------------------------


def test_koppeling_vervalt_na_drie_maanden_maar_de_telling_blijft() -> None:
    oud, oud_code = _uitnodiging()
    kto.reactie_geven(code=oud_code, dv01_rapportcijfer=8, contact_toegestaan=True)
    open_oud, _ = _uitnodiging()
    recent, _ = _uitnodiging()
    lang_geleden = timezone.now() - timedelta(days=100)
    Uitnodiging.objects.filter(pk__in=[oud.pk, open_oud.pk]).update(
        aangemaakt_op=lang_geleden, geldig_tot=lang_geleden + kto.GELDIGHEID
    )
    assert kto.uitnodigingen_opschonen.call() == 2
    assert kto.uitnodigingen_opschonen.call() == 0
    assert Uitnodiging.objects.count() == 3
    assert list(Uitnodiging.objects.filter(klantcontact__isnull=False).values_list("pk", flat=True)) == [
        recent.pk
    ]
    assert Reactie.objects.get().uitnodiging_id == oud.pk


# -- Screening -------------------------------------------------------------------------------------


def test_opmerking_wacht_op_screening_en_wordt_na_commit_gescreend(
    onmiddellijk: None, django_capture_on_commit_callbacks: Any
) -> None:
    _, code = _uitnodiging()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        reactie = kto.reactie_geven(
            code=code, dv01_rapportcijfer=4, opmerking="  Mail mij op jan@example.org of 06-12345678.  "
        )
    assert reactie.screening == Screening.TE_SCREENEN
    assert reactie.opmerking == "Mail mij op jan@example.org of 06-12345678."
    assert reactie.opmerking_gescreend == ""
    assert len(callbacks) == 1
    callbacks[0]()
    reactie.refresh_from_db()
    assert reactie.screening == Screening.GESCREEND
    assert reactie.opmerking == ""
    assert reactie.opmerking_gescreend == "Mail mij op [E-MAIL] of [TELEFOONNUMMER]."


def test_screenen_is_idempotent() -> None:
    _, code = _uitnodiging()
    reactie = kto.reactie_geven(code=code, dv01_rapportcijfer=4, opmerking="Prima geholpen.")
    assert kto.opmerking_screenen.call(reactie.pk) is True
    assert kto.opmerking_screenen.call(reactie.pk) is False
    reactie.refresh_from_db()
    assert reactie.opmerking_gescreend == "Prima geholpen."


def test_reactie_zonder_opmerking_hoeft_niet_gescreend(django_capture_on_commit_callbacks: Any) -> None:
    _, code = _uitnodiging()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        reactie = kto.reactie_geven(code=code, dv01_rapportcijfer=9, opmerking="   ")
    assert reactie.screening == Screening.GEEN_OPMERKING
    assert callbacks == []


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("Mijn BSN is 999993653.", "Mijn BSN is [BSN]."),
        ("BSN 9999.93.653 klopt", "BSN [BSN] klopt"),
        ("Ordernummer 123456789 is geen BSN.", "Ordernummer 123456789 is geen BSN."),
        ("Stort het op NL91 ABNA 0417 1643 00 graag", "Stort het op [IBAN] graag"),
        ("Rekening NL91ABNA0417164300.", "Rekening [IBAN]."),
        ("Geen IBAN: NL92ABNA0417164300.", "Geen IBAN: NL92ABNA0417164300."),
        ("Bel 010 123 4567 of +31 6 1234 5678", "Bel [TELEFOONNUMMER] of [TELEFOONNUMMER]"),
        ("Of 0612345678!", "Of [TELEFOONNUMMER]!"),
        ("Schrijf naar piet.klaassen+kto@gemeente.example.nl", "Schrijf naar [E-MAIL]"),
        ("Alles was prima, een 9!", "Alles was prima, een 9!"),
        ("", ""),
    ],
)
def test_eigen_validators_halen_persoonsgegevens_weg(tekst: str, verwacht: str) -> None:
    assert kto.persoonsgegevens_verwijderen(tekst) == verwacht


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks")
@pytest.mark.django_db(transaction=True)
def test_twintig_gelijktijdige_inzendingen_geven_een_reactie(settings: Any) -> None:
    """The same survey sent twenty times at once (a double click, a retry): exactly one response, the
    others get the Dutch refusal, none an error."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    _, code = _uitnodiging()
    aantal = 20
    uitkomsten = tegelijk(
        lambda nummer: kto.reactie_geven(code=code, dv01_rapportcijfer=1 + nummer % 10), aantal=aantal
    )
    gelukt = [u for u in uitkomsten if isinstance(u, Reactie)]
    geweigerd = [u for u in uitkomsten if isinstance(u, ValidationError)]
    assert len(gelukt) == 1, uitkomsten
    assert len(geweigerd) == aantal - 1, uitkomsten
    assert all("al ingevuld" in fout.message_dict["code"][0] for fout in geweigerd)
    assert Reactie.objects.count() == 1
