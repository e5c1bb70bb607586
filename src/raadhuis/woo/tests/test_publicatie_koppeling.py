"""The hand-over of Woo decisions to the publication register (category 2i; Woo art. 3.3 lid 2
onder i, art. 4.4 lid 5): what is published, once, and not before the disclosure date."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from raadhuis.accounts.models import Medewerker
from raadhuis.publicatie import selectors as publicatieselectors
from raadhuis.woo.models import Derde, WooBesluit, WooVerzoek
from raadhuis.woo.selectors import besluiten as selectors
from raadhuis.woo.services import publicatie
from raadhuis.woo.tests import test_besluiten as besluittests

# The decision tests' fixtures: a coordinator and a request ready for a decision.
coordinator = besluittests.coordinator
verzoek = besluittests.verzoek
compleet = besluittests.compleet
besluiten = besluittests.besluiten
NAAM = besluittests.NAAM

pytestmark = pytest.mark.django_db

WOO_VERZOEKEN = "https://identifier.overheid.nl/tooi/def/thes/kern/c_3baef532"


def _gepubliceerd(besluit: WooBesluit) -> list[str]:
    gevonden = publicatieselectors.publicatie_van_bron("woo", besluit.verzoek.kenmerk)
    assert gevonden is not None
    return [document.bestandsnaam for document in publicatieselectors.documenten_van(gevonden)]


def test_besluit_wordt_gepubliceerd_en_overgedragen(coordinator: Medewerker, compleet: WooVerzoek) -> None:
    besluit = besluiten(compleet, coordinator)
    assert publicatie.besluiten_publiceren() == 1
    gevonden = publicatieselectors.publicatie_van_bron("woo", compleet.kenmerk)
    assert gevonden is not None
    assert gevonden.status == "gepubliceerd"
    assert gevonden.informatiecategorieen == [WOO_VERZOEKEN]
    assert gevonden.identificatoren == [compleet.kenmerk]
    assert gevonden.officiele_titel == f"Besluit op Woo-verzoek {compleet.kenmerk}"
    assert [h.soort for h in gevonden.handelingen.all()] == [
        "https://identifier.overheid.nl/tooi/def/thes/kern/c_641ecd76"
    ]
    documenten = list(publicatieselectors.documenten_van(gevonden))
    kenmerk = compleet.kenmerk.lower()
    # Letter, inventory (PDF; CSV the register cannot take) and the two disclosed documents; never
    # the withheld one or the copy.
    assert [d.bestandsnaam for d in documenten][:2] == [
        f"besluit-{kenmerk}.pdf",
        f"inventarislijst-{kenmerk}.pdf",
    ]
    assert len(documenten) == 4
    assert not any("Intern beraad" in d.titel for d in documenten)
    # Document 2 goes out redacted (the name under its box is gone); no requester named anywhere.
    tweede = next(d for d in documenten if d.titel.startswith("Notitie 2 "))
    assert "verkeersbesluit" in tweede.tekst
    assert NAAM not in tweede.tekst
    for document in documenten:
        assert "Jozef de Verzoeker" not in document.tekst
    besluit.refresh_from_db()
    assert besluit.overgedragen_op is not None
    assert list(selectors.te_publiceren()) == []


def test_twee_keer_publiceren_voegt_niets_toe(coordinator: Medewerker, compleet: WooVerzoek) -> None:
    besluit = besluiten(compleet, coordinator)
    publicatie.besluit_publiceren(besluit)
    eerst = _gepubliceerd(besluit)
    aantal = publicatieselectors.publicaties().count()
    publicatie.besluit_publiceren(besluit)
    assert publicatie.besluiten_publiceren() == 0
    assert publicatieselectors.publicaties().count() == aantal
    assert _gepubliceerd(besluit) == eerst


def test_uitgestelde_openbaarmaking_wacht(coordinator: Medewerker, compleet: WooVerzoek) -> None:
    Derde.objects.create(verzoek=compleet, naam="Bouwbedrijf De Steiger", bezwaar_verwacht=True)
    besluit = besluiten(compleet, coordinator)
    assert publicatie.besluiten_publiceren() == 0
    with pytest.raises(ValidationError):
        publicatie.besluit_publiceren(besluit)
    assert publicatieselectors.publicatie_van_bron("woo", compleet.kenmerk) is None
    besluit.refresh_from_db()
    assert besluit.overgedragen_op is None
    # On the disclosure date it goes out.
    op = timezone.make_aware(dt.datetime.combine(besluit.openbaarmaking_op, dt.time(7, 0)))
    publicatie.besluit_publiceren(besluit, op=op)
    besluit.refresh_from_db()
    assert besluit.overgedragen_op == op
    assert publicatieselectors.publicatie_van_bron("woo", compleet.kenmerk) is not None


def test_een_mislukt_besluit_houdt_de_rest_niet_tegen(coordinator: Medewerker, compleet: WooVerzoek) -> None:
    besluit = besluiten(compleet, coordinator)
    besluit.besluitbrief.storage.delete(str(besluit.besluitbrief.name))
    assert publicatie.besluiten_publiceren() == 0
    besluit.refresh_from_db()
    assert besluit.overgedragen_op is None
    assert publicatieselectors.publicatie_van_bron("woo", compleet.kenmerk) is None


def test_commando(coordinator: Medewerker, compleet: WooVerzoek) -> None:
    besluiten(compleet, coordinator)
    uitvoer = io.StringIO()
    call_command("woo_publiceren", stdout=uitvoer)
    assert "1 besluit(en) gepubliceerd." in uitvoer.getvalue()
    uitvoer = io.StringIO()
    call_command("woo_publiceren", stdout=uitvoer)
    assert "0 besluit(en) gepubliceerd." in uitvoer.getvalue()
