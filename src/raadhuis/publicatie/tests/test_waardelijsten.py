"""The value lists the register validates against: read from the official TOOI/EU CSVs, with the
art. 3.3 codes and infocat numbers of woo.md §4, and file formats mapped onto the EU list."""

from __future__ import annotations

import pytest

from raadhuis.publicatie import waardelijsten as w


def test_zeventien_categorieen_plus_inspanningsverplichting() -> None:
    categorieen = w.categorieen()
    assert len(categorieen) == 18
    assert {c.artikel for c in categorieen} == {
        *(f"1{letter}" for letter in "abcde"),
        *(f"2{letter}" for letter in "abcdefghijkl"),
        "3.1",
    }
    assert [c.infocat for c in categorieen if c.infocat] == [f"{n:03d}" for n in range(1, 18)]
    assert all(c.uri in w.informatiecategorieen() for c in categorieen)


def test_woo_verzoeken_is_2i_infocat_014() -> None:
    categorie = w.categorie(w.CATEGORIE_WOO_VERZOEKEN)
    assert categorie is not None
    assert (categorie.artikel, categorie.infocat, categorie.label) == (
        "2i",
        "014",
        "Woo-verzoeken en -besluiten",
    )
    assert w.infocat(w.CATEGORIE_WOO_VERZOEKEN) == "014"
    assert w.categorie_met_infocat("014") == categorie
    assert w.infocat(w.CATEGORIE_INSPANNINGSVERPLICHTING) == ""
    assert w.categorie_met_infocat("") is None
    assert w.categorie_met_infocat("999") is None
    assert w.infocat("https://example.org/onbekend") == ""


def test_constanten_staan_op_hun_lijst() -> None:
    for uri in (
        w.CATEGORIE_WOO_VERZOEKEN,
        w.CATEGORIE_VERGADERSTUKKEN_DECENTRAAL,
        w.CATEGORIE_AGENDAS_BESLUITENLIJSTEN_BESTUUR,
        w.CATEGORIE_JAARPLANNEN,
        w.CATEGORIE_ONDERZOEKSRAPPORTEN,
        w.CATEGORIE_INGEKOMEN_STUKKEN,
    ):
        assert uri in w.informatiecategorieen()
    assert w.documentsoorten()[w.DOCUMENTSOORT_BESLUIT] == "besluit"
    assert w.documentsoorten()[w.DOCUMENTSOORT_WOO_BESLISSING] == "beslissing op Wob-/Woo-verzoek"
    assert w.documentsoorten()[w.DOCUMENTSOORT_AGENDA] == "agenda"
    assert w.documentsoorten()[w.DOCUMENTSOORT_BESLUITENLIJST] == "besluitenlijst"
    assert w.soorten_handeling() == {
        w.ONDERTEKENING: "ondertekening",
        w.ONTVANGST: "ontvangst",
        w.VASTSTELLING: "vaststelling",
    }
    assert set(w.redenen_verwijdering()) == {w.REDEN_PRIVACY, w.REDEN_PROCEDURELE_FOUT}
    assert w.RELATIE_HEEFT_BIJLAGE in w.documentrelaties()
    assert len(w.documentsoorten()) == 91
    assert len(w.themas()) == 92
    assert len(w.talen()) == 27
    assert len(w.bestandsformaten()) == 19


@pytest.mark.parametrize(
    ("mediatype", "naam", "code"),
    [
        ("application/pdf", "besluit.pdf", "PDF"),
        ("application/pdf; charset=binary", "zonder-extensie", "PDF"),
        ("text/csv", "tabel.csv", "CSV"),
        ("application/vnd.oasis.opendocument.text", "nota.odt", "ODT"),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "nota.docx", "DOCX"),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "cijfers.xlsx", "XLSX"),
        ("application/octet-stream", "archief.ZIP", "ZIP"),
        ("application/octet-stream", "bijlage.7z", "7z"),
    ],
)
def test_bestandsformaat_voor(mediatype: str, naam: str, code: str) -> None:
    assert w.bestandsformaat_voor(mediatype, naam) == w.BESTANDSTYPE + code


@pytest.mark.parametrize(
    ("mediatype", "naam"),
    [("image/png", "foto.png"), ("application/octet-stream", "programma.exe"), ("", "")],
)
def test_bestandsformaat_niet_op_de_lijst(mediatype: str, naam: str) -> None:
    assert w.bestandsformaat_voor(mediatype, naam) is None
