"""The griffie's voting pages: the roll-call form, the result per member and per fractie, hamerstuk,
stemverklaring, registers and the dashboard block."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming import services
from raadhuis.besluitvorming.models import Besluit, Stemming, Stemverklaring, Voorstel
from raadhuis.besluitvorming.tests.factories import raad_met_leden
from raadhuis.besluitvorming.tests.stemhulp import (
    agendapunt_van,
    collegeleden,
    hoofdelijk,
    indienen,
    vergadering_van,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def raad():
    return raad_met_leden((3, 2, 2))


@pytest.fixture
def motie(griffier, raad):
    return indienen(griffier, raad, agendapunt_van(vergadering_van(raad)), titel="Motie Bomen in de wijk")


@pytest.fixture
def ingelogd(client, griffier):
    client.force_login(griffier)
    return client


def _post_stemmen(raad, voor: int, *, afwezig=(), zonder_stem=()) -> dict[str, str]:
    gegevens = {"type": "hoofdelijk"}
    for i, lid in enumerate(raad.leden):
        if lid in afwezig:
            continue
        gegevens[f"aanwezig_{lid.pk}"] = "1"
        if lid not in zonder_stem:
            gegevens[f"stem_{lid.pk}"] = "voor" if i < voor else "tegen"
    return gegevens


def _schoon(html: str) -> None:
    """Strict CSP: no inline script or style."""
    assert "<script>" not in html
    assert " style=" not in html
    assert "<style" not in html


def test_formulier_heeft_per_lid_een_fieldset_met_legend_en_voor_tegen(ingelogd, raad, motie) -> None:
    antwoord = ingelogd.get(reverse("besluitvorming:werkplek_stemming_nieuw", args=[motie.pk]))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    _schoon(html)
    for lid in raad.leden:
        assert f'<legend class="utrecht-form-fieldset__legend">{lid.naam} (' in html
        assert f"Stem van {lid.naam}</legend>" in html
        assert f'id="stem-{lid.pk}-voor"' in html
        assert f'id="stem-{lid.pk}-tegen"' in html
    assert "onthouden" in html
    assert "Motie Bomen in de wijk" in html


def test_hoofdelijke_stemming_vastleggen_en_uitslag_per_lid_en_fractie(ingelogd, raad, motie) -> None:
    antwoord = ingelogd.post(
        reverse("besluitvorming:werkplek_stemming_nieuw", args=[motie.pk]),
        _post_stemmen(raad, 4, afwezig=[raad.leden[6]]),
    )
    stemming = Stemming.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("besluitvorming:werkplek_stemming", args=[stemming.pk])
    pagina = ingelogd.get(antwoord["Location"])
    html = pagina.content.decode()
    _schoon(html)
    assert "Aangenomen" in html
    assert "Aangenomen: 4 voor, 2 tegen, 1 afwezig; quorum 4 gehaald (Gemeentewet art. 20)" in html
    assert "Uitslag per fractie" in html
    assert "verdeeld" in html  # the second fractie: one voor, one tegen
    for lid in raad.leden:
        assert lid.naam in html
    assert Besluit.objects.get(stemming=stemming).resultaat == Besluit.Resultaat.AANGENOMEN


def test_onvolledige_stemming_wordt_geweigerd_met_uitleg_en_niets_opgeslagen(ingelogd, raad, motie) -> None:
    zwijger = raad.leden[2]
    antwoord = ingelogd.post(
        reverse("besluitvorming:werkplek_stemming_nieuw", args=[motie.pk]),
        _post_stemmen(raad, 5, zonder_stem=[zwijger]),
    )
    assert antwoord.status_code == 422
    html = antwoord.content.decode()
    assert 'role="alert"' in html
    assert f"{zwijger.naam} is aanwezig maar heeft niet gestemd" in html
    assert "Gemeentewet art. 32 lid 2" in html
    assert not Stemming.objects.exists()
    # What was filled in stays filled in.
    assert f'id="stem-{raad.leden[0].pk}-voor" checked' in html


def test_agendapunt_toont_stemvolgorde_en_hamerstuk_neemt_aan(ingelogd, griffier, raad) -> None:
    punt = agendapunt_van(vergadering_van(raad))
    raadsvoorstel = indienen(griffier, raad, punt, soort=Voorstel.Soort.VOORSTEL, titel="Bestemmingsplan")
    pagina = ingelogd.get(reverse("besluitvorming:werkplek_agendapunt_stemmen", args=[punt.pk]))
    html = pagina.content.decode()
    _schoon(html)
    assert "Bestemmingsplan" in html
    assert reverse("besluitvorming:werkplek_stemming_nieuw", args=[raadsvoorstel.pk]) in html
    antwoord = ingelogd.post(
        reverse("besluitvorming:werkplek_hamerstuk", args=[punt.pk]), {"tegen": [raad.leden[0].pk]}
    )
    assert antwoord.status_code == 302
    besluit = Besluit.objects.get(agendapunt=punt)
    assert besluit.resultaat == Besluit.Resultaat.AANGENOMEN_ZONDER_STEMMING
    html = ingelogd.get(antwoord["Location"]).content.decode()
    assert "Aangenomen zonder stemming" in html
    assert raad.leden[0].naam in html
    tweede = ingelogd.post(reverse("besluitvorming:werkplek_hamerstuk", args=[punt.pk]), {})
    assert tweede.status_code == 422
    assert "al een besluit genomen" in tweede.content.decode()


def test_stemverklaring_vastleggen(ingelogd, griffier, raad, motie) -> None:
    stemming = services.stemming_vastleggen(
        voorstel=motie, aanwezig=raad.leden, stemmen=hoofdelijk(raad.leden, 4), door=griffier
    )
    url = reverse("besluitvorming:werkplek_stemverklaring", args=[stemming.pk])
    antwoord = ingelogd.post(url, {"persoon": raad.leden[1].pk, "tekst": "Wij steunen bomen."})
    assert antwoord.status_code == 302
    assert Stemverklaring.objects.get().persoon == raad.leden[1]
    html = ingelogd.get(antwoord["Location"]).content.decode()
    assert "Wij steunen bomen." in html
    leeg = ingelogd.post(url, {"persoon": raad.leden[1].pk, "tekst": ""})
    assert leeg.status_code == 422


def test_raadslid_mag_geen_stemming_vastleggen(client, motie) -> None:
    client.force_login(MedewerkerFactory(rollen=[Rol.RAADSLID]))
    assert client.get(reverse("besluitvorming:werkplek_stemming_nieuw", args=[motie.pk])).status_code == 403


def test_registers_en_dashboard_tonen_achterstallig(ingelogd, griffier, raad, motie) -> None:
    _, leden, _ = collegeleden(3)
    services.stemming_vastleggen(
        voorstel=motie, aanwezig=raad.leden, stemmen=hoofdelijk(raad.leden, 5), door=griffier
    )
    motie.refresh_from_db()
    gisteren = dt.date.today() - dt.timedelta(days=1)  # noqa: DTZ011 - the selectors use the local date
    services.motie_afhandeling_bijwerken(
        motie=motie, portefeuillehouder=leden[1], uiterste_datum=gisteren, door=griffier
    )
    services.toezegging_vastleggen(
        vergadering=motie.vergadering,
        portefeuillehouder=leden[2],
        tekst="Brief over de bomenkap",
        uiterste_datum=dt.date(2024, 4, 1),
        door=griffier,
    )
    moties = ingelogd.get(reverse("besluitvorming:werkplek_moties_register")).content.decode()
    _schoon(moties)
    assert "Motie Bomen in de wijk" in moties
    assert "achterstallig (1 dag te laat)" in moties
    toezeggingen = ingelogd.get(
        reverse("besluitvorming:werkplek_toezeggingen_register") + "?alleen_achterstallig=on"
    ).content.decode()
    assert "Brief over de bomenkap" in toezeggingen
    assert "achterstallig" in toezeggingen
    dashboard = ingelogd.get(reverse("besluitvorming:werkplek")).content.decode()
    assert "Achterstallig" in dashboard
    assert "Brief over de bomenkap" in dashboard
    assert "Motie Bomen in de wijk" in dashboard


def test_openbare_registers_tonen_achterstallig_maar_niets_uit_besloten_vergadering(
    client, griffier, raad, motie
) -> None:
    _, leden, _ = collegeleden(3)
    openbare = vergadering_van(raad)
    besloten = vergadering_van(raad, dagen_later=1)
    besloten.besloten = True
    besloten.save()
    for vergadering, tekst in ((openbare, "Openbare toezegging"), (besloten, "Besloten toezegging")):
        services.toezegging_vastleggen(
            vergadering=vergadering,
            portefeuillehouder=leden[1],
            tekst=tekst,
            uiterste_datum=dt.date(2024, 4, 1),
            door=griffier,
        )
    services.stemming_vastleggen(
        voorstel=motie, aanwezig=raad.leden, stemmen=hoofdelijk(raad.leden, 5), door=griffier
    )
    toezeggingen = client.get(reverse("besluitvorming:toezeggingen_register"))
    assert toezeggingen.status_code == 200
    html = toezeggingen.content.decode()
    _schoon(html)
    assert "Openbare toezegging" in html
    assert "achterstallig" in html
    assert "Besloten toezegging" not in html
    moties = client.get(reverse("besluitvorming:moties_register")).content.decode()
    assert "Motie Bomen in de wijk" in moties


def test_griffie_legt_toezegging_vast_en_collegelid_doet_af(ingelogd, client, griffier, raad, motie) -> None:
    from raadhuis.besluitvorming.models import Toezegging

    _, leden, _ = collegeleden(3)
    url = reverse("besluitvorming:werkplek_toezeggingen_register")
    pagina = ingelogd.get(url).content.decode()
    _schoon(pagina)
    assert "Toezegging vastleggen" in pagina
    fout = ingelogd.post(
        url,
        {
            "vergadering": motie.vergadering.pk,
            "portefeuillehouder": leden[1].pk,
            "tekst": "Te vroeg",
            "uiterste_datum": "2024-01-01",
        },
    )
    assert fout.status_code == 422
    assert "vóór de vergadering" in fout.content.decode()
    antwoord = ingelogd.post(
        url,
        {
            "vergadering": motie.vergadering.pk,
            "portefeuillehouder": leden[1].pk,
            "tekst": "Een brief over de speeltuinen",
            "uiterste_datum": "2024-06-30",
        },
    )
    assert antwoord.status_code == 302
    toezegging = Toezegging.objects.get()
    collegelid = MedewerkerFactory(rollen=[Rol.COLLEGELID])
    client.force_login(collegelid)
    assert "Toezegging vastleggen" not in client.get(url).content.decode()
    afdoen = reverse("besluitvorming:werkplek_toezegging_afdoen", args=[toezegging.pk])
    assert client.post(afdoen, {"status": "afgedaan", "antwoord": "Brief 2024-17"}).status_code == 302
    toezegging.refresh_from_db()
    assert toezegging.status == Toezegging.Status.AFGEDAAN


def test_motie_afhandeling_griffie_wijst_toe_collegelid_antwoordt(
    ingelogd, client, griffier, raad, motie
) -> None:
    _, leden, _ = collegeleden(3)
    services.stemming_vastleggen(
        voorstel=motie, aanwezig=raad.leden, stemmen=hoofdelijk(raad.leden, 5), door=griffier
    )
    url = reverse("besluitvorming:werkplek_motie_afhandeling", args=[motie.pk])
    assert ingelogd.get(url).status_code == 200
    antwoord = ingelogd.post(
        url, {"portefeuillehouder": leden[1].pk, "uiterste_datum": "2024-09-01", "afhandeling": "open"}
    )
    assert antwoord.status_code == 302
    client.force_login(MedewerkerFactory(rollen=[Rol.COLLEGELID]))
    zonder_antwoord = client.post(
        url, {"portefeuillehouder": leden[1].pk, "uiterste_datum": "2024-09-01", "afhandeling": "afgedaan"}
    )
    assert zonder_antwoord.status_code == 422
    assert "antwoord van het college" in zonder_antwoord.content.decode()
    klaar = client.post(
        url,
        {
            "portefeuillehouder": leden[1].pk,
            "uiterste_datum": "2024-09-01",
            "afhandeling": "afgedaan",
            "antwoord_college": "Bomen geplant in 12 straten.",
        },
    )
    assert klaar.status_code == 302
    motie.refresh_from_db()
    assert motie.afhandeling == Voorstel.Afhandeling.AFGEDAAN
    assert motie.portefeuillehouder == leden[1]
    register = client.get(reverse("besluitvorming:werkplek_moties_register")).content.decode()
    assert "Bomen geplant in 12 straten." in register
