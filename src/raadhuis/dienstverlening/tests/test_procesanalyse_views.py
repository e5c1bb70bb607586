"""The workflow analysis pages and the event log export: who may see them, the landing page's
cross-zaaktype bottlenecks, the process map page, bad periods, and the CSV and XES exports of the
hand-made event log (the XES parsed back: traces, events and their attributes)."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from django.urls import reverse

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.dienstverlening.selectors.procesanalyse import SYSTEEM, pseudoniem
from raadhuis.dienstverlening.tests import factories
from raadhuis.dienstverlening.tests.test_procesanalyse_selectors import handgemaakt_logboek

pytestmark = pytest.mark.django_db

START = reverse("dienstverlening:procesanalyse")
MAART = {"van": "2026-03-01", "tot": "2026-03-31"}
XES = "{http://www.xes-standard.org/}"


def _kaart(identificatie: str = "testproces") -> str:
    return reverse("dienstverlening:procesanalyse_zaaktype", args=[identificatie])


def _export(formaat: str, identificatie: str = "testproces") -> str:
    return reverse("dienstverlening:procesanalyse_export", args=[identificatie, formaat])


@pytest.fixture
def controller() -> Medewerker:
    return factories.medewerker(Rol.CONTROLLER)


@pytest.fixture
def behandelaar() -> Medewerker:
    return factories.medewerker(Rol.BEHANDELAAR, first_name="Bas", last_name="Behandelaar")


def _inhoud(antwoord: Any) -> bytes:
    return b"".join(antwoord.streaming_content)


# --- who may see it -------------------------------------------------------------------------------


def test_zonder_inloggen_naar_de_inlogpagina(client: Any) -> None:
    handgemaakt_logboek()
    for url in (START, _kaart(), _export("csv")):
        antwoord = client.get(url)
        assert antwoord.status_code == 302
        assert antwoord["Location"].startswith("/werkplek/inloggen/")


def test_behandelaar_mag_de_procesanalyse_niet_zien(client: Any, behandelaar: Medewerker) -> None:
    handgemaakt_logboek()
    client.force_login(behandelaar)
    for url in (START, _kaart(), _export("csv"), _export("xes")):
        assert client.get(url, MAART).status_code == 403


# --- the landing page -----------------------------------------------------------------------------


def test_startpagina_toont_de_topbevinding_per_zaaktype(client: Any, controller: Medewerker) -> None:
    handgemaakt_logboek()
    client.force_login(controller)
    antwoord = client.get(START, MAART)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    # the other zaaktype (566,4 hours above the norm) comes before testproces (105,6 hours)
    assert html.index("Anderproces") < html.index("Testproces")
    assert "566,4 uur" in html
    assert "105,6 uur" in html
    assert f'href="{_kaart()}?van=2026-03-01&amp;tot=2026-03-31"' in html


def test_startpagina_stuurt_door_naar_het_gekozen_zaaktype(client: Any, controller: Medewerker) -> None:
    handgemaakt_logboek()
    client.force_login(controller)
    antwoord = client.get(START, {**MAART, "zaaktype": "testproces"})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"{_kaart()}?van=2026-03-01&tot=2026-03-31"


def test_startpagina_weigert_een_omgekeerde_periode(client: Any, controller: Medewerker) -> None:
    handgemaakt_logboek()
    client.force_login(controller)
    antwoord = client.get(START, {"van": "2026-03-31", "tot": "2026-03-01", "zaaktype": "testproces"})
    assert antwoord.status_code == 400
    assert "De periode eindigt niet voor zij begint." in antwoord.content.decode()


# --- the process map page -------------------------------------------------------------------------


def test_proceskaart_met_knelpunt_tabel_varianten_en_afwijkingen(client: Any, controller: Medewerker) -> None:
    _, zaken = handgemaakt_logboek()
    client.force_login(controller)
    antwoord = client.get(_kaart(), MAART)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    # the top finding first, in words
    assert "<strong>Knelpunt: Besluit.</strong>" in html
    # the map: an accessible SVG with its table, the bottleneck marked in text
    assert 'role="img"' in html
    assert "<title id=" in html
    assert "▲ knelpunt" in html
    assert 'stroke-dasharray="7 4"' in html  # the way back to Beoordelen
    assert "Tabel bij de kaart: Proceskaart van Testproces" in html
    # the deviating cases link to the case page; the variants name the statuses
    assert f'{zaken["B"].identificatie}/">{zaken["B"].identificatie}</a>' in html
    assert zaken["A"].identificatie not in html
    assert "Ontvangen → Beoordelen → Besluit → Afgehandeld" in html
    assert "2 zaken wijken daarvan af." in html
    assert f'href="{_export("xes")}?van=2026-03-01&amp;tot=2026-03-31"' in html


def test_proceskaart_van_onbekend_zaaktype_bestaat_niet(client: Any, controller: Medewerker) -> None:
    client.force_login(controller)
    assert client.get(_kaart("bestaat-niet")).status_code == 404
    assert client.get(_export("csv", "bestaat-niet")).status_code == 404


def test_proceskaart_met_ongeldige_datum_geeft_de_fout_bij_het_veld(
    client: Any, controller: Medewerker
) -> None:
    handgemaakt_logboek()
    client.force_login(controller)
    antwoord = client.get(_kaart(), {"van": "gisteren"})
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert 'id="id_van_error"' in html
    assert "<svg" not in html


def test_proceskaart_zonder_gegevens_zegt_dat(client: Any, controller: Medewerker) -> None:
    handgemaakt_logboek()
    client.force_login(controller)
    antwoord = client.get(_kaart(), {"van": "2025-01-01", "tot": "2025-01-31"})
    assert antwoord.status_code == 200
    assert "Geen statuswijzigingen in deze periode." in antwoord.content.decode()


# --- the export -----------------------------------------------------------------------------------


def test_csv_export_van_het_gebeurtenissenlog(
    client: Any, controller: Medewerker, behandelaar: Medewerker
) -> None:
    _, zaken = handgemaakt_logboek(door=behandelaar)
    client.force_login(controller)
    antwoord = client.get(_export("csv"), MAART)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="gebeurtenissen-testproces-20260301-20260331.csv"' in antwoord["Content-Disposition"]
    tekst = _inhoud(antwoord).decode()
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert rijen[0] == ["case_id", "activity", "timestamp", "resource"]
    assert len(rijen) == 1 + 18
    b = [rij for rij in rijen if rij[0] == zaken["B"].identificatie]
    assert b[0] == [zaken["B"].identificatie, "Ontvangen", "2026-03-02T09:00:00.000+01:00", SYSTEEM]
    assert b[1][3] == pseudoniem(behandelaar.pk)
    assert "Behandelaar" not in tekst


def test_xes_export_parseert_met_een_trace_per_zaak(
    client: Any, controller: Medewerker, behandelaar: Medewerker
) -> None:
    _, zaken = handgemaakt_logboek(door=behandelaar)
    client.force_login(controller)
    antwoord = client.get(_export("xes"), MAART)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/xml; charset=utf-8"
    log = ET.fromstring(_inhoud(antwoord))  # noqa: S314 - our own export
    # the IEEE 1849-2016 header: version, the four extensions, globals and classifiers
    assert log.tag == f"{XES}log"
    assert log.get("xes.version") == "1849-2016"
    assert {e.get("prefix") for e in log.findall(f"{XES}extension")} == {
        "concept",
        "time",
        "lifecycle",
        "org",
    }
    assert [g.get("scope") for g in log.findall(f"{XES}global")] == ["trace", "event"]
    assert log.findall(f"{XES}classifier")[0].get("keys") == "concept:name"
    # one trace per case of March, with its events in time order
    traces = {
        t.find(f"{XES}string[@key='concept:name']").get("value"): t  # type: ignore[union-attr]
        for t in log.findall(f"{XES}trace")
    }
    assert set(traces) == {zaak.identificatie for zaak in zaken.values()}
    assert sum(len(t.findall(f"{XES}event")) for t in traces.values()) == 18
    events = traces[zaken["B"].identificatie].findall(f"{XES}event")

    def waarde(event: ET.Element, soort: str, sleutel: str) -> str | None:
        gevonden = event.find(f"{XES}{soort}[@key='{sleutel}']")
        return None if gevonden is None else gevonden.get("value")

    assert [waarde(e, "string", "concept:name") for e in events] == [
        "Ontvangen",
        "Beoordelen",
        "Aanvulling",
        "Beoordelen",
        "Besluit",
        "Afgehandeld",
    ]
    assert waarde(events[0], "date", "time:timestamp") == "2026-03-02T09:00:00.000+01:00"
    # 20 hours after 9:00 on 2 March
    assert waarde(events[1], "date", "time:timestamp") == "2026-03-03T05:00:00.000+01:00"
    assert {waarde(e, "string", "lifecycle:transition") for e in events} == {"complete"}
    assert waarde(events[0], "string", "org:resource") == SYSTEEM
    assert waarde(events[1], "string", "org:resource") == pseudoniem(behandelaar.pk)


def test_xes_export_zonder_gebeurtenissen_is_een_geldig_leeg_log(client: Any, controller: Medewerker) -> None:
    handgemaakt_logboek()
    client.force_login(controller)
    antwoord = client.get(_export("xes"), {"van": "2025-01-01", "tot": "2025-01-31"})
    log = ET.fromstring(_inhoud(antwoord))  # noqa: S314 - our own export
    assert log.findall(f"{XES}trace") == []


def test_export_in_onbekend_formaat_of_met_foute_periode(client: Any, controller: Medewerker) -> None:
    handgemaakt_logboek()
    client.force_login(controller)
    assert client.get(_export("json"), MAART).status_code == 404
    antwoord = client.get(_export("csv"), {"van": "2026-03-31", "tot": "2026-03-01"})
    assert antwoord.status_code == 400
    assert "De periode eindigt niet voor zij begint." in antwoord.content.decode()
