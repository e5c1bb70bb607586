"""The page view of a Woo document and its actions: the page image with its boxes in an SVG (no
style attributes under the strict CSP), the list of boxes with plain accept/reject forms, drawing
a box by typing its corners, withholding a search term, the page image itself, and the list of
visible names; bad input gives 400 with the error next to the field and changes nothing; only
those who assess Woo documents get in."""

from __future__ import annotations

import re
from typing import Any

import pymupdf
import pytest
from django.urls import reverse

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core.models import Logregel
from raadhuis.woo.models import (
    Beoordelingsstatus,
    Document,
    Herkomst,
    Lakvak,
    Vakstatus,
    WooVerzoek,
    ZichtbareNaam,
)
from raadhuis.woo.services import lakvakken as services
from raadhuis.woo.tests.test_lakvakken import (
    BRIEF,
    BSN,
    NAAM,
    NOTITIE,
    document_maken,
    pdf_maken,
    verzoek_maken,
)

pytestmark = pytest.mark.django_db

ZICHTBARE_NAMEN = reverse("woo:zichtbare_namen")


@pytest.fixture
def coordinator(client: Any) -> Medewerker:
    ingelogd: Medewerker = MedewerkerFactory(rollen=[Rol.WOO_COORDINATOR], first_name="Wim", last_name="Woo")
    client.force_login(ingelogd)
    return ingelogd


@pytest.fixture
def verzoek(coordinator: Medewerker) -> WooVerzoek:
    return verzoek_maken(coordinator)


@pytest.fixture
def brief(verzoek: WooVerzoek) -> Document:
    document = document_maken(verzoek, pdf_maken(BRIEF, NOTITIE))
    services.voorstellen_maken(document)
    return document


def _url(naam: str, document: Document, *args: object) -> str:
    return reverse(f"woo:{naam}", args=[document.verzoek.kenmerk, document.pk, *args])


def _paginaweergave(document: Document, pagina: int = 1) -> str:
    return _url("document", document) + f"?pagina={pagina}"


def _tekenen(**velden: object) -> dict[str, object]:
    return {"pagina": 1, "x0": "100", "y0": "300", "x1": "300", "y1": "340", "grond": "5.1.2e", **velden}


# --- the page view ---------------------------------------------------------------------------------


def test_de_paginaweergave_toont_de_pagina_met_haar_vakken_en_de_lijst(client: Any, brief: Document) -> None:
    # Given a scanned two-page letter
    aantal = Lakvak.objects.filter(document=brief, pagina=1).count()
    logregels = Logregel.objects.count()
    # When the assessor opens its first page
    antwoord = client.get(_paginaweergave(brief))
    # Then the page image is in an SVG the size of the page, with one rect per box
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert 'viewBox="0 0 595.0 842.0"' in html
    assert 'data-breedte="595.0"' in html
    assert 'data-hoogte="842.0"' in html
    assert reverse("woo:document_pagina_png", args=[brief.verzoek.kenmerk, brief.pk, 1]) in html
    assert html.count('class="raadhuis-lakvak__nummer"') == aantal > 0
    # (plus one in the legend)
    assert html.count('class="raadhuis-lakvak raadhuis-lakvak--voorgesteld"') == aantal + 1
    assert re.search(
        r'<rect x="\d+(\.\d+)?" y="\d+(\.\d+)?" width="\d+(\.\d+)?" height="\d+(\.\d+)?"/>', html
    )
    # And with a text alternative, a list naming every box with its buttons, and the draw form
    assert "<title" in html
    assert "lakpagina-titel" in html
    assert BSN in html
    assert "5.1.1e" in html
    assert html.count('value="geaccepteerd"') == aantal
    assert 'name="x0"' in html
    assert 'name="y1"' in html
    assert 'name="grond"' in html
    assert 'name="term"' in html
    assert "raadhuis/lakken.js" in html
    # And no style attribute and no inline script (strict CSP)
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    # And the look at personal data is logged
    assert Logregel.objects.filter(naam="woo-document.inzien").count() == 1
    assert Logregel.objects.count() == logregels + 1


def test_pagina_twee_en_een_pagina_die_er_niet_is(client: Any, brief: Document) -> None:
    antwoord = client.get(_paginaweergave(brief, 2))
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Pagina 2 van 2" in html
    assert NAAM in html
    assert BSN not in html
    assert 'rel="prev"' in html
    assert 'rel="next"' not in html
    assert client.get(_paginaweergave(brief, 3)).status_code == 404
    assert client.get(_url("document", brief) + "?pagina=abc").status_code == 200


def test_een_goedgekeurd_document_toont_de_vakken_zonder_formulieren(client: Any, brief: Document) -> None:
    Document.objects.filter(pk=brief.pk).update(beoordelingsstatus=Beoordelingsstatus.GOEDGEKEURD)
    html = client.get(_paginaweergave(brief)).content.decode()
    assert "is goedgekeurd" in html
    assert BSN in html
    assert 'name="x0"' not in html
    assert 'value="geaccepteerd"' not in html
    assert 'name="term"' not in html
    assert "data-formulier" not in html


def test_de_paginaafbeelding_is_een_png_in_de_eigen_cache(client: Any, brief: Document) -> None:
    antwoord = client.get(_url("document_pagina_png", brief, 1))
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "image/png"
    assert "private" in antwoord["Cache-Control"]
    pixmap = pymupdf.Pixmap(antwoord.content)
    # 1.5 times the page's 595 x 842 points
    assert (pixmap.width, pixmap.height) == (893, 1263)
    assert client.get(_url("document_pagina_png", brief, 3)).status_code == 404


def test_alleen_wie_documenten_beoordeelt_komt_erin(
    client: Any, brief: Document, coordinator: Medewerker
) -> None:
    client.logout()
    assert client.get(_paginaweergave(brief)).status_code == 302
    client.force_login(MedewerkerFactory(rollen=[Rol.GRIFFIE]))
    assert client.get(_paginaweergave(brief)).status_code == 403
    assert client.get(_url("document_pagina_png", brief, 1)).status_code == 403
    vak = Lakvak.objects.filter(document=brief).first()
    assert vak is not None
    antwoord = client.post(_url("lakvak_beoordelen", brief, vak.pk), {"status": "geaccepteerd"})
    assert antwoord.status_code == 403
    assert client.post(_url("lakvak_tekenen", brief), _tekenen()).status_code == 403
    vak.refresh_from_db()
    assert vak.status == Vakstatus.VOORGESTELD
    # A behandelaar assesses documents too
    client.force_login(MedewerkerFactory(rollen=[Rol.BEHANDELAAR]))
    assert client.get(_paginaweergave(brief)).status_code == 200


def test_een_document_van_een_ander_verzoek_is_er_niet(
    client: Any, brief: Document, coordinator: Medewerker
) -> None:
    ander = verzoek_maken(coordinator)
    assert client.get(reverse("woo:document", args=[ander.kenmerk, brief.pk])).status_code == 404
    assert client.get(reverse("woo:document", args=["WOO-1999-0001", brief.pk])).status_code == 404
    vak = Lakvak.objects.filter(document=brief).first()
    assert vak is not None
    tweede = document_maken(brief.verzoek, pdf_maken(["Leeg"]))
    assert (
        client.post(_url("lakvak_beoordelen", tweede, vak.pk), {"status": "geaccepteerd"}).status_code == 404
    )


# --- deciding on a box -----------------------------------------------------------------------------


def test_lakken_met_een_knop_ook_elders_in_het_verzoek(
    client: Any, brief: Document, verzoek: WooVerzoek
) -> None:
    # Given the name proposed in a second document as well
    notitie = document_maken(verzoek, pdf_maken(NOTITIE))
    services.voorstellen_maken(notitie)
    vak = Lakvak.objects.filter(document=brief, tekst=NAAM).first()
    assert vak is not None
    # When the assessor presses "Lakken" with "also elsewhere" ticked
    antwoord = client.post(
        _url("lakvak_beoordelen", brief, vak.pk), {"status": "geaccepteerd", "overal": "on"}
    )
    # Then back on the box's page, every box with the name is accepted
    assert antwoord.status_code == 302
    assert antwoord["Location"] == _paginaweergave(brief, vak.pagina) + f"#vak-{vak.pk}"
    assert set(
        Lakvak.objects.filter(document__verzoek=verzoek, tekst=NAAM).values_list("status", flat=True)
    ) == {Vakstatus.GEACCEPTEERD}
    assert "andere plekken" in client.get(antwoord["Location"]).content.decode()


def test_niet_lakken_zonder_vinkje_geldt_alleen_dit_vak(
    client: Any, brief: Document, verzoek: WooVerzoek
) -> None:
    notitie = document_maken(verzoek, pdf_maken(NOTITIE))
    services.voorstellen_maken(notitie)
    vak = Lakvak.objects.filter(document=brief, tekst=NAAM).first()
    assert vak is not None
    antwoord = client.post(_url("lakvak_beoordelen", brief, vak.pk), {"status": "afgewezen"})
    assert antwoord.status_code == 302
    vak.refresh_from_db()
    assert vak.status == Vakstatus.AFGEWEZEN
    assert Lakvak.objects.get(document=notitie, tekst=NAAM).status == Vakstatus.VOORGESTELD


def test_een_onbekende_beslissing_geeft_400_en_verandert_niets(client: Any, brief: Document) -> None:
    vak = Lakvak.objects.get(document=brief, tekst=BSN)
    antwoord = client.post(_url("lakvak_beoordelen", brief, vak.pk), {"status": "misschien"})
    assert antwoord.status_code == 400
    assert "Dat lukte niet" in antwoord.content.decode()
    vak.refresh_from_db()
    assert vak.status == Vakstatus.VOORGESTELD


def test_beslissen_op_een_goedgekeurd_document_geeft_400(client: Any, brief: Document) -> None:
    vak = Lakvak.objects.get(document=brief, tekst=BSN)
    Document.objects.filter(pk=brief.pk).update(beoordelingsstatus=Beoordelingsstatus.GOEDGEKEURD)
    antwoord = client.post(_url("lakvak_beoordelen", brief, vak.pk), {"status": "afgewezen", "overal": "on"})
    assert antwoord.status_code == 400
    assert "goedgekeurd; de lakvakken veranderen niet meer" in antwoord.content.decode()
    vak.refresh_from_db()
    assert vak.status == Vakstatus.VOORGESTELD


# --- drawing a box, search terms -------------------------------------------------------------------


def test_een_vak_tekenen_door_de_hoeken_te_typen(client: Any, brief: Document) -> None:
    antwoord = client.post(_url("lakvak_tekenen", brief) + "?pagina=1", _tekenen(motivering="Handtekening"))
    vak = Lakvak.objects.get(herkomst=Herkomst.GETEKEND)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == _paginaweergave(brief, 1) + f"#vak-{vak.pk}"
    assert vak.rechthoek == (100, 300, 300, 340)
    assert vak.status == Vakstatus.GEACCEPTEERD
    assert vak.motivering == "Handtekening"


@pytest.mark.parametrize(
    ("velden", "veld", "melding"),
    [
        ({"x1": "700"}, "x1", "buiten de pagina"),
        ({"x1": "90"}, "x1", "rechts van de linkerkant"),
        ({"y1": "301"}, "y1", "minstens 2 punten hoog"),
        ({"x0": "abc"}, "x0", ""),
        ({"grond": "5.9"}, "grond", ""),
    ],
)
def test_een_verkeerd_vak_geeft_400_met_de_fout_bij_het_veld(
    client: Any, brief: Document, velden: dict[str, str], veld: str, melding: str
) -> None:
    aantal = Lakvak.objects.count()
    antwoord = client.post(_url("lakvak_tekenen", brief) + "?pagina=1", _tekenen(**velden))
    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert f'id="id_{veld}_error"' in html
    assert f'href="#id_{veld}"' in html
    assert melding in html
    assert Lakvak.objects.count() == aantal


def test_een_vak_op_een_pagina_die_er_niet_is_wordt_boven_het_formulier_gemeld(
    client: Any, brief: Document
) -> None:
    antwoord = client.post(_url("lakvak_tekenen", brief) + "?pagina=1", _tekenen(pagina=7))
    assert antwoord.status_code == 400
    assert "geen pagina 7" in antwoord.content.decode()
    assert not Lakvak.objects.filter(herkomst=Herkomst.GETEKEND).exists()


def test_tekenen_op_een_goedgekeurd_document_wordt_uitgelegd_zonder_formulier(
    client: Any, brief: Document
) -> None:
    Document.objects.filter(pk=brief.pk).update(beoordelingsstatus=Beoordelingsstatus.GOEDGEKEURD)
    antwoord = client.post(_url("lakvak_tekenen", brief) + "?pagina=1", _tekenen())
    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "Dat lukte niet" in html
    assert "goedgekeurd; de lakvakken veranderen niet meer" in html
    assert 'name="x0"' not in html
    assert not Lakvak.objects.filter(herkomst=Herkomst.GETEKEND).exists()


def test_een_getekend_vak_verwijderen_een_voorstel_niet(
    client: Any, brief: Document, coordinator: Medewerker
) -> None:
    getekend = services.lakvak_tekenen(
        brief, pagina=2, x0=100, y0=300, x1=300, y1=340, grond="5.1.2e", door=coordinator
    )
    antwoord = client.post(_url("lakvak_verwijderen", brief, getekend.pk))
    assert antwoord.status_code == 302
    assert antwoord["Location"] == _paginaweergave(brief, 2) + "#lakvakken"
    assert not Lakvak.objects.filter(pk=getekend.pk).exists()
    voorstel = Lakvak.objects.get(document=brief, tekst=BSN)
    antwoord = client.post(_url("lakvak_verwijderen", brief, voorstel.pk))
    assert antwoord.status_code == 400
    assert "Niet lakken" in antwoord.content.decode()
    assert Lakvak.objects.filter(pk=voorstel.pk).exists()


def test_een_zoekterm_lakken_vanaf_de_pagina(client: Any, brief: Document) -> None:
    antwoord = client.post(
        _url("zoekterm_lakken", brief) + "?pagina=2", {"term": "zeemeeuw", "grond": "5.1.2i"}
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == _paginaweergave(brief, 2) + "#lakvakken"
    assert Lakvak.objects.filter(herkomst=Herkomst.ZOEKTERM).count() == 2
    assert "op 2 plekken" in client.get(antwoord["Location"]).content.decode()
    # A term that is not there (any more) says so
    antwoord = client.post(
        _url("zoekterm_lakken", brief), {"term": "zeemeeuw", "grond": "5.1.2i"}, follow=True
    )
    assert "nergens (meer) ongelakt" in antwoord.content.decode()


def test_een_te_korte_zoekterm_geeft_400(client: Any, brief: Document) -> None:
    antwoord = client.post(_url("zoekterm_lakken", brief) + "?pagina=1", {"term": "z", "grond": "5.1.2e"})
    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert 'id="id_term_error"' in html
    assert "minstens twee" in html
    assert not Lakvak.objects.filter(herkomst=Herkomst.ZOEKTERM).exists()


# --- the visible names -----------------------------------------------------------------------------


def test_de_lijst_met_zichtbare_namen_beheren(client: Any, coordinator: Medewerker) -> None:
    antwoord = client.get(ZICHTBARE_NAMEN)
    assert antwoord.status_code == 200
    assert "Er staan nog geen namen op de lijst" in antwoord.content.decode()
    antwoord = client.post(ZICHTBARE_NAMEN, {"naam": "Karin Smit", "functie": "wethouder"})
    assert antwoord.status_code == 302
    html = client.get(ZICHTBARE_NAMEN).content.decode()
    assert "Karin Smit" in html
    assert "wethouder" in html
    assert not re.search(r"\sstyle=", html)
    # The same name again: 400 with the error next to the field, nothing added
    antwoord = client.post(ZICHTBARE_NAMEN, {"naam": "karin smit"})
    assert antwoord.status_code == 400
    assert 'id="id_naam_error"' in antwoord.content.decode()
    assert ZichtbareNaam.objects.count() == 1
    naam = ZichtbareNaam.objects.get()
    antwoord = client.post(reverse("woo:zichtbare_naam_verwijderen", args=[naam.pk]))
    assert antwoord.status_code == 302
    assert not ZichtbareNaam.objects.exists()
    assert client.post(reverse("woo:zichtbare_naam_verwijderen", args=[naam.pk])).status_code == 404


def test_een_behandelaar_beheert_de_zichtbare_namen_niet(client: Any) -> None:
    client.force_login(MedewerkerFactory(rollen=[Rol.BEHANDELAAR]))
    assert client.get(ZICHTBARE_NAMEN).status_code == 403
    assert client.post(ZICHTBARE_NAMEN, {"naam": "Karin Smit"}).status_code == 403
    assert not ZichtbareNaam.objects.exists()
