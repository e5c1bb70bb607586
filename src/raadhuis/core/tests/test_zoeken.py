"""core.zoeken: Dutch stemming on both sides, ranking, filters, safe queries; on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from raadhuis.core import zoeken
from raadhuis.core.models import Zoekdocument
from raadhuis.core.zoeken import motor, taal

pytestmark = pytest.mark.django_db


def document(
    sleutel: str,
    titel: str,
    tekst: str = "",
    *,
    openbaar: bool = True,
    soort: str = "proef.stuk",
    datum=None,
    kenmerken=None,
):
    return zoeken.document_bijwerken(
        soort=soort,
        sleutel=sleutel,
        titel=titel,
        tekst=tekst,
        url=f"/stuk/{sleutel}/",
        openbaar=openbaar,
        datum=datum,
        kenmerken=kenmerken,
    )


def sleutels(resultaten: zoeken.Zoekresultaten) -> list[str]:
    return [t.sleutel for t in resultaten.treffers]


def test_meervoud_vindt_enkelvoud_en_omgekeerd():
    document("1", "Motie over de vergadering van de raad")
    document("2", "Besluitenlijst", "Alle besluiten van de vergaderingen in 2024")

    assert set(sleutels(zoeken.zoeken(vraag="vergaderingen"))) == {"1", "2"}
    assert sleutels(zoeken.zoeken(vraag="besluit")) == ["2"]


def test_accenten_en_hoofdletters_maken_niet_uit():
    document("1", "Coöperatie Energie Pijnacker")

    assert sleutels(zoeken.zoeken(vraag="COOPERATIE")) == ["1"]


def test_alle_woorden_moeten_voorkomen():
    document("1", "Motie warmtenet Nootdorp")
    document("2", "Motie fietspad Delfgauw")

    assert sleutels(zoeken.zoeken(vraag="motie warmtenet")) == ["1"]
    assert zoeken.zoeken(vraag="warmtenet fietspad").totaal == 0


def test_treffer_in_de_titel_weegt_zwaarder_dan_in_de_tekst():
    document("tekst", "Raadsinformatiebrief", "Over het warmtenet en nog veel meer onderwerpen " * 3)
    document("titel", "Warmtenet Pijnacker", "Een brief over energie.")

    assert sleutels(zoeken.zoeken(vraag="warmtenet"))[0] == "titel"


def test_niet_openbare_documenten_blijven_verborgen_tenzij_gevraagd():
    document("geheim", "Geheime bijlage grondprijzen", openbaar=False)

    assert zoeken.zoeken(vraag="grondprijzen").totaal == 0
    assert sleutels(zoeken.zoeken(vraag="grondprijzen", alleen_openbaar=False)) == ["geheim"]


def test_filter_op_soort():
    document("1", "Begroting 2025", soort="besluitvorming.stuk")
    document("2", "Begroting 2025 MRDH", soort="samenwerking.document")

    assert sleutels(zoeken.zoeken(vraag="begroting", soorten=("samenwerking.document",))) == ["2"]


def test_bijwerken_vervangt_en_verwijderen_haalt_uit_de_index():
    document("1", "Oude titel")
    document("1", "Nieuwe titel")

    assert zoeken.zoeken(vraag="oude").totaal == 0
    assert sleutels(zoeken.zoeken(vraag="nieuwe")) == ["1"]
    zoeken.document_verwijderen(soort="proef.stuk", sleutel="1")
    assert zoeken.zoeken(vraag="nieuwe").totaal == 0
    assert Zoekdocument.objects.count() == 0


def test_bladeren_geeft_het_totaal_en_de_juiste_pagina():
    for nummer in range(25):
        document(str(nummer), f"Motie {nummer}", datum=dt.date(2024, 1, 1) + dt.timedelta(days=nummer))

    eerste = zoeken.zoeken(vraag="motie", aantal=10)
    derde = zoeken.zoeken(vraag="motie", aantal=10, begin=20)

    assert eerste.totaal == derde.totaal == 25
    assert len(eerste.treffers) == 10
    assert len(derde.treffers) == 5
    assert not set(sleutels(eerste)) & set(sleutels(derde))


def test_fragment_markeert_de_gevonden_woorden():
    document(
        "1", "Brief", "Het college informeert de raad. De vergaderingen over het warmtenet zijn openbaar."
    )

    treffer = zoeken.zoeken(vraag="vergadering").treffers[0]

    gemarkeerd = [tekst for tekst, raak in treffer.fragment if raak]
    assert gemarkeerd == ["vergaderingen"]
    assert "".join(tekst for tekst, _ in treffer.fragment).startswith("Het college")


def test_het_fragment_van_een_lange_tekst_komt_uit_het_begin_dat_gelezen_wordt():
    """A report's text runs to megabytes; the hit reads only its start (FRAGMENT_GELEZEN) and says
    with an ellipsis that the text goes on."""
    vulling = "bladzijde met tekst " * 20
    lang = "Het warmtenet in Nootdorp. " + vulling * (zoeken.FRAGMENT_GELEZEN // len(vulling) + 50)
    document("1", "Jaarverslag", lang)

    treffer = zoeken.zoeken(vraag="warmtenet").treffers[0]

    assert [tekst for tekst, raak in treffer.fragment if raak] == ["warmtenet"]
    assert treffer.fragment[-1] == ("…", False)
    assert len("".join(tekst for tekst, _ in treffer.fragment)) < 2 * zoeken.FRAGMENT_LENGTE


@pytest.mark.parametrize(
    "vraag",
    ['"', "motie OR 1=1", "NEAR(motie)", "motie*", "-motie", "'; DROP TABLE core_zoekdocument; --", "(", "^"],
)
def test_zoekvraag_met_zoektaal_of_sql_doet_geen_kwaad(vraag):
    document("1", "Motie warmtenet")

    resultaten = zoeken.zoeken(vraag=vraag)

    assert resultaten.totaal in (0, 1)
    assert Zoekdocument.objects.count() == 1


def test_lege_vraag_of_alleen_stopwoorden_geeft_niets():
    document("1", "De raad")

    assert zoeken.zoeken(vraag="").totaal == 0
    assert zoeken.zoeken(vraag="de het een").totaal == 0


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_elke_invoer_geeft_een_antwoord(vraag):
    assert zoeken.zoeken(vraag=vraag).totaal >= 0


@given(st.sampled_from(["vergadering", "vergaderingen", "besluit", "besluiten", "motie", "moties"]))
def test_stammen_zijn_gelijk_aan_beide_kanten(woord):
    assert taal.termen(woord) == taal.termen(woord.upper())


def test_het_totaal_is_exact_ook_bij_veel_treffers():
    for nummer in range(1200):
        Zoekdocument.objects.create(
            soort="proef.stuk", sleutel=str(nummer), titel=f"Motie {nummer}", url="/", openbaar=True
        )
    zoeken.index_herbouwen()

    resultaten = zoeken.zoeken(vraag="motie", aantal=3)

    assert resultaten.totaal == 1200
    assert len(resultaten.treffers) == 3


def test_een_zin_tussen_aanhalingstekens_moet_in_die_volgorde_staan():
    document("1", "Brief", "De kosten van de zorg stijgen.")
    document("2", "Brief", "De zorg van de kosten is groot.")

    assert sleutels(zoeken.zoeken(vraag='"kosten van de zorg"')) == ["1"]
    assert set(sleutels(zoeken.zoeken(vraag="kosten zorg"))) == {"1", "2"}
    # Typographic quotes work as well, and an unpaired quote searches the words.
    assert sleutels(zoeken.zoeken(vraag="„kosten van de zorg”")) == ["1"]
    assert set(sleutels(zoeken.zoeken(vraag='"kosten zorg'))) == {"1", "2"}


def test_een_zin_wordt_gestemd_zoals_de_index():
    document("1", "Vergunningen", "Aanvragen omgevingsvergunningen voor bouwwerken.")

    assert sleutels(zoeken.zoeken(vraag='"aanvraag omgevingsvergunning"')) == ["1"]


def test_facetten_tellen_alle_treffers_en_filters_beperken():
    for nummer in range(7):
        document(
            str(nummer),
            f"Besluit {nummer}",
            kenmerken={
                "jaar": ["2024" if nummer < 4 else "2025"],
                "thema": ["wonen", "zorg"] if nummer % 2 else ["wonen"],
            },
        )
    document("x", "Brief", kenmerken={"jaar": ["2024"]})

    alles = zoeken.zoeken(vraag="besluit", facetten=True, aantal=2)
    gefilterd = zoeken.zoeken(vraag="besluit", facetten=True, filters={"jaar": ["2025"], "thema": ["zorg"]})
    of_binnen_een_facet = zoeken.zoeken(vraag="besluit", filters={"jaar": ["2024", "2025"]})

    assert alles.totaal == 7
    assert dict(alles.facetten["jaar"]) == {"2024": 4, "2025": 3}
    assert dict(alles.facetten["thema"]) == {"wonen": 7, "zorg": 3}
    assert sorted(sleutels(gefilterd)) == ["5"]
    assert gefilterd.totaal == 1
    assert dict(gefilterd.facetten["thema"]) == {"wonen": 1, "zorg": 1}
    assert of_binnen_een_facet.totaal == 7


def test_lege_vraag_bladert_door_alles_als_dat_gevraagd_wordt():
    document("oud", "Verordening", datum=dt.date(2020, 1, 1))
    document("nieuw", "Beleidsregel", datum=dt.date(2025, 1, 1))
    document("geheim", "Bijlage", datum=dt.date(2026, 1, 1), openbaar=False)

    nieuwste = zoeken.zoeken(vraag="", alles_bij_lege_vraag=True, sortering=zoeken.Sortering.NIEUWSTE)
    oudste = zoeken.zoeken(vraag="", alles_bij_lege_vraag=True, sortering=zoeken.Sortering.OUDSTE)

    assert sleutels(nieuwste) == ["nieuw", "oud"]
    assert sleutels(oudste) == ["oud", "nieuw"]


def test_sorteren_op_datum_en_een_periode():
    for jaar in (2021, 2023, 2025):
        document(str(jaar), f"Jaarverslag {jaar}", datum=dt.date(jaar, 6, 1))

    assert sleutels(zoeken.zoeken(vraag="jaarverslag", sortering=zoeken.Sortering.NIEUWSTE)) == [
        "2025",
        "2023",
        "2021",
    ]
    assert sleutels(
        zoeken.zoeken(vraag="jaarverslag", van=dt.date(2022, 1, 1), tot=dt.date(2024, 12, 31))
    ) == ["2023"]


def test_een_onbekende_sortering_wordt_relevantie():
    document("1", "Motie")

    assert zoeken.zoeken(vraag="motie", sortering="; DROP").sortering == zoeken.Sortering.RELEVANTIE


def test_de_index_volgt_na_commit_en_een_nieuwe_index_vult_zich_uit_de_database(
    django_capture_on_commit_callbacks,
):
    from raadhuis.core.models import Zoekwijziging
    from raadhuis.core.zoeken import motor

    with django_capture_on_commit_callbacks(execute=True):
        document("1", "Warmtenet Pijnacker")
    assert not Zoekwijziging.objects.exists()  # applied right after commit
    assert sleutels(zoeken.zoeken(vraag="warmtenet")) == ["1"]

    motor.vergeten()  # a lost index directory, a new server

    assert sleutels(zoeken.zoeken(vraag="warmtenet")) == ["1"]


def test_een_teruggedraaide_wijziging_bereikt_de_index_niet(django_capture_on_commit_callbacks):
    from django.db import transaction

    def mislukte_wijziging():
        with transaction.atomic():
            document("1", "Geheime notulen")
            raise RuntimeError

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        mislukte_wijziging()

    assert callbacks == []
    assert zoeken.zoeken(vraag="notulen").totaal == 0


def test_een_bezet_index_laat_wijzigingen_wachten(monkeypatch):
    from raadhuis.core.models import Zoekwijziging
    from raadhuis.core.zoeken import motor

    document("1", "Motie warmtenet")
    zoeken.zoeken(vraag="motie")  # the index exists and is up to date

    def bezet(**kwargs):
        raise motor.Bezet("lock")

    document("2", "Motie fietspad")
    monkeypatch.setattr(motor, "schrijver", bezet)
    assert sleutels(zoeken.zoeken(vraag="fietspad")) == []  # still answers, a moment behind
    assert Zoekwijziging.objects.count() == 1
    monkeypatch.undo()
    assert sleutels(zoeken.zoeken(vraag="fietspad")) == ["2"]


def test_het_fragment_markeert_ook_woorden_waarvan_de_stam_anders_begint():
    document("1", "Brief", "Het afval is opgeruimd door de gemeente.")

    treffer = zoeken.zoeken(vraag="opruimen").treffers[0]

    # The Dutch stemmer takes "ge" out of a participle: "opgeruimd" and "opruimen" are one word.
    assert [tekst for tekst, raak in treffer.fragment if raak] == ["opgeruimd"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_normaliseren_is_hoofdletters_en_accenten_kwijt(tekst):
    """The fast path (ASCII, translate table) gives what the definition says."""
    import unicodedata

    verwacht = "".join(
        t for t in unicodedata.normalize("NFKD", tekst.casefold()) if not unicodedata.combining(t)
    )
    assert taal.normaliseren(tekst) == verwacht


def test_een_grote_achterstand_gaat_naar_de_achtergrond(django_capture_on_commit_callbacks, monkeypatch):
    from raadhuis.core.models import Zoekwijziging

    monkeypatch.setattr(zoeken, "PER_KEER", 3)
    with django_capture_on_commit_callbacks(execute=True):
        for nummer in range(8):
            document(str(nummer), f"Motie {nummer}")

    # The first callback applied three, the task (run at once in tests) the rest.
    assert not Zoekwijziging.objects.exists()
    assert zoeken.zoeken(vraag="motie").totaal == 8


def test_facettellingen_volgen_elke_wijziging_van_de_index():
    document("1", "Motie", kenmerken={"jaar": ["2024"]})
    eerst = zoeken.zoeken(vraag="motie", facetten=True)
    nog_eens = zoeken.zoeken(vraag="motie", facetten=True)  # from the cache, the same

    document("2", "Motie", kenmerken={"jaar": ["2025"]})
    daarna = zoeken.zoeken(vraag="motie", facetten=True)

    assert eerst.facetten == nog_eens.facetten == {"jaar": [("2024", 1)]}
    assert daarna.totaal == 2
    assert dict(daarna.facetten["jaar"]) == {"2024": 1, "2025": 1}


def test_een_bewaarde_pagina_volgt_elke_wijziging_van_de_index(monkeypatch):
    """A page of results is kept per question until the index changes: a search that came from
    the cache shows a new document and drops a removed one at the next search."""
    document("1", "Motie warmtenet")
    document("2", "Motie fietspad")
    eerst = zoeken.zoeken(vraag="motie", facetten=True)
    zoek_aanroepen = []
    echte = motor._pagina
    monkeypatch.setattr(motor, "_pagina", lambda *a, **k: zoek_aanroepen.append(1) or echte(*a, **k))
    nog_eens = zoeken.zoeken(vraag="motie", facetten=True)
    assert zoek_aanroepen == []  # from the cache
    assert sleutels(nog_eens) == sleutels(eerst)

    document("3", "Motie motie motie", "motie")  # the best match now
    zoeken.document_verwijderen(soort="proef.stuk", sleutel="1")
    daarna = zoeken.zoeken(vraag="motie", facetten=True)

    assert zoek_aanroepen == [1]
    assert sleutels(daarna)[0] == "3"
    assert "1" not in sleutels(daarna)
    assert daarna.totaal == 2


def test_een_ander_proces_neemt_het_antwoord_over_tot_de_index_verandert(settings, tmp_path, monkeypatch):
    """On an index on disk the answers are shared through Django's cache under the index version:
    a process without an answer of its own takes another's, and a changed index is searched anew."""
    from django.core.cache import cache

    settings.RAADHUIS_ZOEKINDEX = str(tmp_path / "zoekindex")
    cache.clear()
    document("1", "Motie warmtenet", kenmerken={"jaar": ["2024"]})
    eerst = zoeken.zoeken(vraag="motie", facetten=True)
    gezocht = []
    for naam in ("_pagina", "_facetten_tellen"):
        echte = getattr(motor, naam)
        monkeypatch.setattr(motor, naam, lambda *a, _echte=echte, **k: gezocht.append(1) or _echte(*a, **k))

    motor._staat.antwoorden.clear()  # another process: nothing of its own yet
    overgenomen = zoeken.zoeken(vraag="motie", facetten=True)
    assert gezocht == []
    assert sleutels(overgenomen) == sleutels(eerst)
    assert overgenomen.facetten == eerst.facetten

    document("2", "Motie fietspad", kenmerken={"jaar": ["2025"]})
    motor._staat.antwoorden.clear()
    daarna = zoeken.zoeken(vraag="motie", facetten=True)
    assert gezocht == [1, 1]  # counted and searched again
    assert daarna.totaal == 2
    cache.clear()


def test_een_ander_proces_ziet_wijzigingen_via_de_outbox(monkeypatch):
    """A change committed by another process (its own after-commit step could not write) is picked
    up by the next search after the check interval."""
    from raadhuis.core.models import Zoekwijziging

    document("1", "Motie warmtenet")
    zoeken.zoeken(vraag="motie")
    # Another process: the row and its outbox entry, without this process's "own change" flag.
    andere = Zoekdocument.objects.create(
        soort="proef.stuk", sleutel="2", titel="Motie fietspad", url="/", openbaar=True
    )
    Zoekwijziging.objects.create(document_id=andere.pk)

    assert zoeken.zoeken(vraag="fietspad").totaal == 0  # checked less than a second ago
    monkeypatch.setattr(zoeken._controle, "laatst", -float("inf"))
    assert zoeken.zoeken(vraag="fietspad").totaal == 1
