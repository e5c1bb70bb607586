"""The screening of open comments with the real deduce model (loaded once for this module; it takes
seconds), together with our own validators. The other KTO tests stub deduce out."""

from __future__ import annotations

import pytest

from raadhuis.core import persoonsgegevens
from raadhuis.dienstverlening.services import kto


@pytest.fixture(scope="module", autouse=True)
def _deduce_geladen() -> None:
    persoonsgegevens.deduce_laden()


def test_namen_worden_vervangen() -> None:
    uitkomst = kto.persoonsgegevens_verwijderen("Jan de Vries aan de balie heeft mij goed geholpen.")
    assert "Jan" not in uitkomst
    assert "Vries" not in uitkomst
    assert uitkomst == "[NAAM] aan de balie heeft mij goed geholpen."


def test_aanspreekvorm_met_achternaam_wordt_vervangen() -> None:
    uitkomst = kto.persoonsgegevens_verwijderen("Mevrouw Jansen was erg vriendelijk.")
    assert "Jansen" not in uitkomst
    assert "[NAAM]" in uitkomst


def test_plaatsen_worden_vervangen() -> None:
    uitkomst = kto.persoonsgegevens_verwijderen("Ik woon sinds kort in Amsterdam en kom uit Utrecht.")
    assert "Amsterdam" not in uitkomst
    assert "Utrecht" not in uitkomst
    assert uitkomst.count("[LOCATIE]") == 2


def test_eigen_validators_en_deduce_samen() -> None:
    tekst = (
        "Ik ben Piet Bakker, BSN 999993653, rekening NL91ABNA0417164300. Bel 06-12345678 of mail "
        "piet.bakker@example.org."
    )
    uitkomst = kto.persoonsgegevens_verwijderen(tekst)
    for persoonsgegeven in ("Piet", "Bakker", "999993653", "NL91", "12345678", "example.org"):
        assert persoonsgegeven not in uitkomst
    assert "[BSN]" in uitkomst
    assert "[IBAN]" in uitkomst
    assert "[TELEFOONNUMMER]" in uitkomst
    assert "[E-MAIL]" in uitkomst


def test_tekst_zonder_persoonsgegevens_blijft_gelijk() -> None:
    tekst = "De wachttijd was kort en de uitleg was duidelijk. Een dikke voldoende!"
    assert kto.persoonsgegevens_verwijderen(tekst) == tekst


def test_model_wordt_een_keer_geladen() -> None:
    assert persoonsgegevens.deduce_laden() is persoonsgegevens.deduce_laden()
