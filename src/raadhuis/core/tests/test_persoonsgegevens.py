"""Personal data detection: validators (11-proef, mod-97), each pattern with valid and invalid
examples, officials left visible, grouping across documents, and recall on a generated letter set
with known planted personal data (the figures are printed in the test output)."""

from __future__ import annotations

import itertools
import random
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from raadhuis.core import persoonsgegevens as pg


@pytest.fixture(scope="session", autouse=True)
def _deduce_eenmaal() -> None:
    """deduce takes ~8 s to load: once per test process (the module keeps it)."""
    pg.deduce_laden()


def _soorten(tekst: str, **opties) -> list[tuple[str, str]]:
    return [(v.soort, v.tekst) for v in pg.vinden(tekst, **opties)]


def maak_bsn(acht: str) -> str | None:
    """The ninth digit that makes eight digits pass the 11-proef (None when it would be 10)."""
    som = sum(int(c) * w for c, w in zip(acht, range(9, 1, -1), strict=True))
    laatste = som % 11
    return None if laatste == 10 else acht + str(laatste)


def maak_iban(land: str, bban: str) -> str:
    getal = int("".join(str(int(c, 36)) for c in bban + land + "00"))
    return f"{land}{98 - getal % 97:02d}{bban}"


# --- validators -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "iban",
    [
        "NL91ABNA0417164300",
        "NL91 ABNA 0417 1643 00",
        "nl91abna0417164300",
        "DE89370400440532013000",
        "BE68539007547034",
    ],
)
def test_geldige_ibans_slagen_voor_mod_97(iban):
    assert pg.is_geldige_iban(iban)


@pytest.mark.parametrize(
    "iban",
    ["NL91ABNA0417164301", "NL19ABNA0417164300", "NL91ABNA041716430", "NL91 1234 0417 1643 00", "XX00", ""],
)
def test_ongeldige_ibans_worden_geweigerd(iban):
    assert not pg.is_geldige_iban(iban)


@given(
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=4, max_size=4),
    st.text("0123456789", min_size=10, max_size=10),
)
def test_een_iban_met_juiste_controlecijfers_slaagt_en_een_tikfout_niet(bank, rekening):
    iban = maak_iban("NL", bank + rekening)
    assert pg.is_geldige_iban(iban)
    # mod-97 catches every single-digit error
    fout = iban[:10] + str((int(iban[10]) + 1) % 10) + iban[11:]
    assert not pg.is_geldige_iban(fout)


@given(st.text(alphabet="0123456789", min_size=8, max_size=8), st.integers(0, 8), st.integers(1, 9))
def test_elfproef_bsn_wordt_gevonden_en_een_tikfout_niet(acht, positie, verschuiving):
    bsn = maak_bsn(acht)
    if bsn is None or bsn == "000000000":
        return
    assert _soorten(f"Burgerservicenummer {bsn}.", met_namen=False) == [(pg.BSN, bsn)]
    fout = bsn[:positie] + str((int(bsn[positie]) + verschuiving) % 10) + bsn[positie + 1 :]
    assert _soorten(f"Burgerservicenummer {fout}.", met_namen=False) == []


# --- patterns ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("BSN 999993653 bekend", [(pg.BSN, "999993653")]),
        ("BSN 1112.22.333 bekend", [(pg.BSN, "1112.22.333")]),
        ("BSN 123 456 782", [(pg.BSN, "123 456 782")]),
        ("IBAN NL91 ABNA 0417 1643 00 t.n.v.", [(pg.IBAN, "NL91 ABNA 0417 1643 00")]),
        ("rekening NL91ABNA0417164300.", [(pg.IBAN, "NL91ABNA0417164300")]),
        ("Konto DE89 3704 0044 0532 0130 00 bij", [(pg.IBAN, "DE89 3704 0044 0532 0130 00")]),
        ("mail j.jansen@example.nl.", [(pg.EMAIL, "j.jansen@example.nl")]),
        ("bel 06-12345678 of", [(pg.TELEFOON, "06-12345678")]),
        ("bel 06 12 34 56 78 of", [(pg.TELEFOON, "06 12 34 56 78")]),
        ("bel 010-1234567 of", [(pg.TELEFOON, "010-1234567")]),
        ("bel 0182-123456 of", [(pg.TELEFOON, "0182-123456")]),
        ("bel +31 6 12345678 of", [(pg.TELEFOON, "+31 6 12345678")]),
        ("bel +31 (0)10 123 4567 of", [(pg.TELEFOON, "+31 (0)10 123 4567")]),
        ("bel 0800-1234 gratis", [(pg.TELEFOON, "0800-1234")]),
        ("adres 2611 AB 12 in", [(pg.POSTCODE, "2611 AB 12")]),
        ("adres 2611AB, 12a in", [(pg.POSTCODE, "2611AB, 12a")]),
        ("adres 2611 AB 12-2 in", [(pg.POSTCODE, "2611 AB 12-2")]),
        ("kenteken 12-ABC-3 geparkeerd", [(pg.KENTEKEN, "12-ABC-3")]),
        ("kenteken AB-123-C geparkeerd", [(pg.KENTEKEN, "AB-123-C")]),
        ("kenteken GB-12-34 geparkeerd", [(pg.KENTEKEN, "GB-12-34")]),
        ("KvK-nummer: 12345678", [(pg.KVK, "12345678")]),
        ("ingeschreven bij de Kamer van Koophandel onder nummer 87654321", [(pg.KVK, "87654321")]),
    ],
)
def test_elk_patroon_vindt_zijn_voorbeeld(tekst, verwacht):
    assert _soorten(tekst, met_namen=False) == verwacht


@pytest.mark.parametrize(
    "tekst",
    [
        "Zaak 123456789 is geen BSN (elfproef faalt).",
        "Bedrag € 123.456.789 in de begroting.",
        "Op 06-12-2024 om 15:00 uur.",
        "De datum 01-02-2024 en het jaar 2024.",
        "Order 12345678 zonder KvK-vermelding.",
        "Postcode 1234 SS bestaat niet.",
        "Artikel 5.1.2e Woo en artikel 10 lid 2.",
        "IBAN NL91ABNA0417164301 met een tikfout.",
        "Telefoon 06-1234567 is te kort.",
        "Het project AB-12 loopt.",
    ],
)
def test_wat_geen_persoonsgegeven_is_wordt_niet_gevonden(tekst):
    assert _soorten(tekst, met_namen=False) == []


def test_namen_en_plaatsen_komen_uit_deduce_zonder_aanhef():
    vondsten = _soorten("Geachte mevrouw Jansen, de heer Pieter de Vries uit Amsterdam belde.")
    assert (pg.NAAM, "Jansen") in vondsten
    assert (pg.NAAM, "Pieter de Vries") in vondsten
    assert (pg.LOCATIE, "Amsterdam") in vondsten


def test_een_naam_over_een_regeleinde_blijft_een_naam():
    vondsten = _soorten("Het verzoek kwam van de heer Bartholomeus\nVandermolen uit Noord.")
    assert (pg.NAAM, "Bartholomeus\nVandermolen") in vondsten


def test_ambtenaren_op_de_zichtbare_lijst_worden_niet_voorgesteld():
    tekst = "Wethouder Karin Smit sprak met Anna Bakker; later belde wethouder Smit en K. Smit mailde."
    zonder_lijst = _soorten(tekst)
    met_lijst = _soorten(tekst, zichtbare_namen=["Karin Smit"])
    assert any("Smit" in t for _, t in zonder_lijst)
    assert not any("Smit" in t for _, t in met_lijst)
    assert (pg.NAAM, "Anna Bakker") in met_lijst


def test_een_patroon_wint_van_een_overlappende_plaats():
    vondsten = _soorten("Kerkstraat 12, 2611 AB Delft")
    assert (pg.POSTCODE, "2611 AB") in vondsten
    assert (pg.LOCATIE, "Delft") in vondsten
    posities = sorted((v.begin, v.eind) for v in pg.vinden("Kerkstraat 12, 2611 AB Delft"))
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(posities))


def test_vervangen_zet_plaatshouders_neer():
    tekst = "Pieter de Vries, BSN 999993653, mail p@example.nl."
    assert pg.vervangen(tekst) == "[naam], BSN [BSN], mail [e-mail]."


def test_bekende_namen_uit_een_ander_document_worden_ook_hier_gevonden():
    vondsten = pg.vinden(
        "Het dossier Zwaluwstaart is compleet.", bekende_namen=["Zwaluwstaart"], met_namen=False
    )
    assert [(v.soort, v.tekst) for v in vondsten] == [(pg.NAAM, "Zwaluwstaart")]


def test_dezelfde_naam_in_meerdere_documenten_krijgt_een_besluit():
    # Given the same person spelled differently in two documents, and an unrelated number
    per_document = [
        ("brief", pg.vinden("Geachte heer Pieter de Vries, BSN 999993653.")),
        ("mail", pg.vinden("Van: Pieter  de Vries. Tel. 06-12345678.")),
    ]
    # When grouped
    groepen = pg.vondsten_groeperen(per_document)
    # Then one group holds both occurrences, and a decision taken once applies to both
    naam = next(g for g in groepen if g.soort == pg.NAAM)
    assert naam.sleutel == "pieter de vries"
    assert [bron for bron, _ in naam.voorkomens] == ["brief", "mail"]
    besluiten = {(naam.soort, naam.sleutel): False}
    voorstel = pg.besluit_doortrekken(per_document, besluiten)
    assert [b for _, v, b in voorstel if v.soort == pg.NAAM] == [False, False]
    assert [b for _, v, b in voorstel if v.soort != pg.NAAM] == [None, None]


def test_normaliseren_maakt_nummers_en_namen_vergelijkbaar():
    assert pg.normaliseren(pg.TELEFOON, "+31 6 12345678") == pg.normaliseren(pg.TELEFOON, "06-12345678")
    assert pg.normaliseren(pg.IBAN, "nl91 abna 0417 1643 00") == "NL91ABNA0417164300"
    assert pg.normaliseren(pg.NAAM, "Mevrouw  Zoë Bakker") == "zoe bakker"


def test_deduce_wordt_eenmaal_per_proces_geladen_ook_vanuit_threads():
    modellen = []
    threads = [threading.Thread(target=lambda: modellen.append(pg.deduce_laden())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(model) for model in modellen}) == 1


# --- recall on a generated letter set ---------------------------------------------------------

VOORNAMEN = [
    "Jan", "Pieter", "Anna", "Sophie", "Daan", "Emma", "Lotte", "Henk", "Ingrid", "Marieke",
    "Johannes", "Fatima", "Mohamed", "Sanne", "Kees", "Willem", "Femke", "Ahmed", "Noor", "Bram",
]  # fmt: skip
ACHTERNAMEN = [
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Meijer", "de Boer", "Mulder",
    "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit",
    "Dijkstra", "Yilmaz", "Koster",
]  # fmt: skip
STRATEN = ["Kerkstraat", "Molenweg", "Dorpsstraat", "Stationsplein", "Lindelaan", "Julianastraat"]
PLAATSEN = ["Delft", "Pijnacker", "Nootdorp", "Rotterdam", "Zoetermeer", "Den Haag"]
BANKEN = ["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB"]
MEDEKLINKERS = "BDFGHJKLNPRSTVXZ"
AMBTENAREN = ["Karin Smit", "Ruud Verhoef"]


class _Brief:
    def __init__(self) -> None:
        self.delen: list[str] = []
        self.geplant: list[tuple[str, int, int]] = []

    def tekst(self, waarde: str) -> None:
        self.delen.append(waarde)

    def plant(self, soort: str, waarde: str) -> None:
        begin = sum(len(d) for d in self.delen)
        self.delen.append(waarde)
        self.geplant.append((soort, begin, begin + len(waarde)))

    @property
    def inhoud(self) -> str:
        return "".join(self.delen)


def genereer_brief(kans: random.Random) -> _Brief:
    voornaam, achternaam = kans.choice(VOORNAMEN), kans.choice(ACHTERNAMEN)
    bsn = None
    while bsn is None:
        bsn = maak_bsn("".join(kans.choice("0123456789") for _ in range(8)))
    if kans.random() < 0.3:
        bsn = f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}"
    iban = maak_iban("NL", kans.choice(BANKEN) + "".join(kans.choice("0123456789") for _ in range(10)))
    if kans.random() < 0.5:
        iban = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    mobiel = "".join(kans.choice("0123456789") for _ in range(8))
    telefoon = kans.choice(
        [f"06-{mobiel}", f"06 {mobiel[:2]} {mobiel[2:4]} {mobiel[4:6]} {mobiel[6:]}", f"+31 6 {mobiel}",
         f"010-{mobiel[:7]}", f"0182-{mobiel[:6]}"]
    )  # fmt: skip
    postcode = (
        f"{kans.randint(1000, 9999)} {kans.choice('ABCEGHJKLMNPRTVWXZ')}{kans.choice('ABCEGHJKLMNPRTVWXZ')}"
    )
    letters = "".join(kans.choice(MEDEKLINKERS) for _ in range(3))
    kenteken = kans.choice(
        [
            f"{kans.randint(10, 99)}-{letters}-{kans.randint(1, 9)}",
            f"{letters[:2]}-{kans.randint(100, 999)}-{letters[2]}",
        ]
    )
    kvk = "".join(kans.choice("0123456789") for _ in range(8))
    domein = kans.choice(["gmail.com", "ziggo.nl", "kpn.nl"])
    email = f"{voornaam.lower()}.{achternaam.replace(' ', '').lower()}@{domein}"
    ambtenaar = kans.choice(AMBTENAREN)
    huisnummer = str(kans.randint(1, 200))

    b = _Brief()
    b.tekst(f"Gemeente Pijnacker-Nootdorp\nBehandeld door: {ambtenaar}\n\n")
    b.plant(pg.NAAM, f"{voornaam} {achternaam}")
    b.tekst("\n")
    b.plant(pg.LOCATIE, f"{kans.choice(STRATEN)} {huisnummer}")
    b.tekst("\n")
    b.plant(pg.POSTCODE, postcode)
    b.tekst(f" {kans.choice(PLAATSEN)}\n\nDatum: {kans.randint(1, 28)}-0{kans.randint(1, 9)}-2025\n")
    b.tekst(f"Zaaknummer: Z-2025-{kans.randint(100000, 999999)}\n\nGeachte heer/mevrouw ")
    b.plant(pg.NAAM, achternaam[0].upper() + achternaam[1:])
    b.tekst(",\n\nU heeft op 12 maart een aanvraag ingediend. Uw burgerservicenummer is ")
    b.plant(pg.BSN, bsn)
    b.tekst(". De toelage van € 1.250,00 wordt overgemaakt op rekening ")
    b.plant(pg.IBAN, iban)
    b.tekst(". Wij bereiken u op ")
    b.plant(pg.TELEFOON, telefoon)
    b.tekst(" of via ")
    b.plant(pg.EMAIL, email)
    b.tekst(f". Wethouder {ambtenaar.split()[1]} heeft het besluit ondertekend.\n")
    b.tekst("Uw voertuig met kenteken ")
    b.plant(pg.KENTEKEN, kenteken)
    b.tekst(" krijgt een parkeervergunning. Uw onderneming staat bij de KvK onder nummer ")
    b.plant(pg.KVK, kvk)
    b.tekst(" ingeschreven.\nWij spraken ook met uw buurvrouw, mevrouw ")
    b.plant(pg.NAAM, f"{kans.choice(VOORNAMEN)} {kans.choice(ACHTERNAMEN)}")
    b.tekst(". Het gesprek met ")
    b.plant(pg.NAAM, f"{kans.choice(VOORNAMEN)} {kans.choice(ACHTERNAMEN)}")
    b.tekst(" vond plaats in het gemeentehuis.\n\nMet vriendelijke groet,\n\n")
    b.tekst(f"{ambtenaar}\nteamleider Vergunningen\n")
    return b


def test_recall_op_dertig_gegenereerde_brieven(capsys):
    # Given 30 fake letters with known planted personal data and officials named in them
    kans = random.Random(20251129)  # noqa: S311 - fake test data, reproducible
    brieven = [genereer_brief(kans) for _ in range(30)]
    gepland: dict[str, int] = {}
    gevonden: dict[str, int] = {}
    ambtenaar_gesuggereerd = 0
    overig: list[str] = []  # findings that hit no planted item (over-tagging, for the report)
    for brief in brieven:
        # When the letter is scanned with the officials on the visible list
        vondsten = pg.vinden(brief.inhoud, zichtbare_namen=AMBTENAREN)
        bedekt = set()
        for v in vondsten:
            bedekt.update(range(v.begin, v.eind))
        for soort, begin, eind in brief.geplant:
            gepland[soort] = gepland.get(soort, 0) + 1
            tekens = [i for i in range(begin, eind) if not brief.inhoud[i].isspace()]
            if all(i in bedekt for i in tekens):
                gevonden[soort] = gevonden.get(soort, 0) + 1
        overig += [
            v.tekst for v in vondsten if not any(v.begin < e and b < v.eind for _, b, e in brief.geplant)
        ]
        ambtenaar_gesuggereerd += sum(
            1 for v in vondsten if any(deel in v.tekst for a in AMBTENAREN for deel in a.split())
        )
    recall = {soort: gevonden.get(soort, 0) / aantal for soort, aantal in gepland.items()}
    with capsys.disabled():
        print("\nRecall persoonsgegevens op 30 gegenereerde brieven:")
        for soort in pg.SOORTEN:
            if soort in gepland:
                print(f"  {soort:<9} {gevonden.get(soort, 0):>3}/{gepland[soort]:<3} = {recall[soort]:.2f}")
        print(f"  vondsten buiten de geplante gegevens: {len(overig)} {sorted(set(overig))[:10]}")
    # Then pattern kinds reach at least 0.95, names and places at least 0.8, officials never
    for soort in pg.PATROONSOORTEN:
        assert recall[soort] >= 0.95, (soort, recall[soort])
    assert recall[pg.NAAM] >= 0.8
    assert recall[pg.LOCATIE] >= 0.8
    assert ambtenaar_gesuggereerd == 0
