"""PII scan and true redaction of a generated 100-page PDF (issue 9: target <= 5 s).

    .venv/bin/python bench/lakken.py --paginas 100 --herhalingen 3

Generates one letter per page full of fake personal data (names, addresses, BSN, IBAN, phone,
e-mail, kenteken, KvK), then times, separately: loading deduce (once per process), the
suggestions (text extraction + detection + mapping to boxes), the redaction (apply, strip, save)
and the verification of the output. Prints a Markdown table; the median of the repetitions counts.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadhuis.settings")

import pymupdf

from raadhuis.core import persoonsgegevens as pg
from raadhuis.woo.lakken import lakken, suggesties, verifieren

VOORNAMEN = ["Jan", "Pieter", "Anna", "Sophie", "Daan", "Emma", "Lotte", "Henk", "Ingrid", "Fatima", "Willem"]
ACHTERNAMEN = [
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "Visser",
    "Meijer",
    "de Boer",
    "Mulder",
    "Yilmaz",
]
STRATEN = ["Kerkstraat", "Molenweg", "Dorpsstraat", "Stationsplein", "Lindelaan", "Julianastraat"]
PLAATSEN = ["Delft", "Pijnacker", "Nootdorp", "Rotterdam", "Zoetermeer"]
AMBTENAREN = ["Karin Smit", "Ruud Verhoef"]


def _bsn(kans: random.Random) -> str:
    while True:
        acht = "".join(kans.choice("0123456789") for _ in range(8))
        rest = sum(int(c) * w for c, w in zip(acht, range(9, 1, -1), strict=True)) % 11
        if rest < 10:
            return acht + str(rest)


def _iban(kans: random.Random) -> str:
    bban = kans.choice(["ABNA", "INGB", "RABO"]) + "".join(kans.choice("0123456789") for _ in range(10))
    getal = int("".join(str(int(c, 36)) for c in bban + "NL00"))
    iban = f"NL{98 - getal % 97:02d}{bban}"
    return " ".join(iban[i : i + 4] for i in range(0, 18, 4))


def brief(kans: random.Random) -> str:
    naam = f"{kans.choice(VOORNAMEN)} {kans.choice(ACHTERNAMEN)}"
    buur = f"{kans.choice(VOORNAMEN)} {kans.choice(ACHTERNAMEN)}"
    ambtenaar = kans.choice(AMBTENAREN)
    postcode = f"{kans.randint(1000, 9999)} {kans.choice('BCHKLMNPRTVZ')}{kans.choice('BCHKLMNPRTVZ')}"
    mobiel = "".join(kans.choice("0123456789") for _ in range(8))
    letters = "".join(kans.choice("BDFGHJKLNPRSTVXZ") for _ in range(3))
    kenteken = f"{kans.randint(10, 99)}-{letters}-{kans.randint(1, 9)}"
    kvk = kans.randint(10**7, 10**8 - 1)
    alinea = (
        f"Op {kans.randint(1, 28)} maart 2025 ontvingen wij uw aanvraag voor een parkeervergunning. "
        f"Uw burgerservicenummer is {_bsn(kans)}. De tegemoetkoming van EUR 1.250,00 wordt overgemaakt "
        f"op rekening {_iban(kans)} ten name van {naam}. Wij bereiken u op 06-{mobiel} of via "
        f"{naam.split()[0].lower()}.{naam.split()[-1].lower()}@voorbeeld.nl. Uw voertuig met kenteken "
        f"{kenteken} staat op uw naam. Uw onderneming is bij de KvK ingeschreven onder nummer {kvk}. "
        f"Wethouder {ambtenaar.split()[1]} heeft het besluit op {kans.randint(1, 28)} april ondertekend. "
        f"Uw buurvrouw, mevrouw {buur}, heeft een zienswijze ingediend; die is bij dit besluit betrokken. "
        "Tegen dit besluit kunt u binnen zes weken bezwaar maken bij het college van burgemeester en "
        "wethouders. Vermeld daarbij het zaaknummer en de reden van uw bezwaar."
    )
    regels = [
        "Gemeente Pijnacker-Nootdorp",
        f"Behandeld door: {ambtenaar}",
        "",
        naam,
        f"{kans.choice(STRATEN)} {kans.randint(1, 200)}",
        f"{postcode} {kans.choice(PLAATSEN)}",
        "",
        f"Zaaknummer: Z-2025-{kans.randint(100000, 999999)}",
        "",
        f"Geachte heer/mevrouw {naam.split()[-1]},",
        "",
        *textwrap.wrap(alinea, 88),
        "",
        "Met vriendelijke groet,",
        "",
        ambtenaar,
        "teamleider Vergunningen",
    ]
    return "\n".join(regels)


def genereren(paginas: int) -> bytes:
    kans = random.Random(paginas)
    document = pymupdf.open()
    for _ in range(paginas):
        pagina = document.new_page()
        for nummer, regel in enumerate(brief(kans).splitlines()):
            pagina.insert_text((60, 72 + nummer * 15), regel, fontsize=10)
    document.set_metadata({"author": "Bench", "producer": "bench/lakken.py"})
    return document.tobytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--paginas", type=int, default=100)
    parser.add_argument("--herhalingen", type=int, default=3)
    opties = parser.parse_args()

    import django

    django.setup()
    begin = time.perf_counter()
    pg.deduce_laden()
    laadtijd = time.perf_counter() - begin
    invoer = genereren(opties.paginas)

    metingen: dict[str, list[float]] = {"suggesties": [], "lakken": [], "verifieren": [], "totaal": []}
    for _ in range(opties.herhalingen):
        t0 = time.perf_counter()
        redacties = suggesties(invoer, zichtbare_namen=AMBTENAREN)
        t1 = time.perf_counter()
        gelakt = lakken(invoer, redacties)  # includes one verification
        t2 = time.perf_counter()
        controle = verifieren(gelakt.inhoud, redacties)
        t3 = time.perf_counter()
        if not controle.in_orde or not gelakt.controle.in_orde:
            raise SystemExit(f"Verificatie mislukt: {controle.bevindingen[:5]}")
        metingen["suggesties"].append(t1 - t0)
        metingen["lakken"].append((t2 - t1) - (t3 - t2))  # without its built-in verification
        metingen["verifieren"].append(t3 - t2)
        metingen["totaal"].append(t2 - t0)

    cpu = next(
        (
            regel.split(":", 1)[1].strip()
            for regel in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in regel
        ),
        platform.processor(),
    )
    aantal, herhalingen = opties.paginas, opties.herhalingen
    print(f"Command: .venv/bin/python bench/lakken.py --paginas {aantal} --herhalingen {herhalingen}")
    print(f"Machine: {os.cpu_count()} CPUs (nproc), {cpu}; Python {platform.python_version()}; "
          f"PyMuPDF {pymupdf.VersionBind}; load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    print(f"Input: {aantal} pages, {len(invoer) // 1024} KiB; {len(redacties)} boxes suggested and applied")
    print()
    print("| Step | Median (s) | Min (s) |")
    print("|---|---:|---:|")
    print(f"| deduce load (once per process, not in the total) | {laadtijd:.2f} | |")
    for stap, tijden in metingen.items():
        print(f"| {stap} | {statistics.median(tijden):.2f} | {min(tijden):.2f} |")


if __name__ == "__main__":
    main()
