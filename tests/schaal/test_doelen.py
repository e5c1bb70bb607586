"""bench/load/run.py's verdict on issue 12's targets, from locust's statistics rows."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench" / "load"))

import run


def _rij(naam: str, p95: int, fouten: int = 0) -> dict[str, str]:
    return {"Name": naam, "95%": str(p95), "Failure Count": str(fouten)}


def test_het_slechtste_scenario_van_een_doel_beslist() -> None:
    statistiek = [
        _rij("inwoner: productpagina", 40),
        _rij("publiek: raadsvergadering", 130),
        _rij("medewerker: werkvoorraad", 150),
        _rij("publiek: zoeken", 30),
        _rij("publiek: zoeken, nieuwste, pagina 2", 51),
        _rij("Aggregated", 999, fouten=0),
    ]

    assert run.doelen("4 × 1", statistiek) == [
        "| 4 × 1 | public pages ≤ 100 ms | 130 ms (publiek: raadsvergadering) | no |",
        "| 4 × 1 | work queue ≤ 150 ms | 150 ms (medewerker: werkvoorraad) | yes |",
        "| 4 × 1 | search ≤ 50 ms | 51 ms (publiek: zoeken, nieuwste, pagina 2) | no |",
        "| 4 × 1 | zero errors | 0 | yes |",
    ]


def test_fouten_van_elk_scenario_tellen_en_een_ontbrekend_doel_wordt_overgeslagen() -> None:
    statistiek = [
        _rij("inwoner: productpagina", 40, fouten=2),
        _rij("inwoner: DigiD inloggen (terug)", 9000, fouten=1),
        _rij("Aggregated", 999, fouten=3),
    ]

    assert run.doelen("1 × 1", statistiek) == [
        "| 1 × 1 | public pages ≤ 100 ms | 40 ms (inwoner: productpagina) | yes |",
        "| 1 × 1 | zero errors | 3 | no |",
    ]


def test_cpu_verdeling_telt_gestolen_tijd_apart() -> None:
    # user, nice, system, idle, iowait, irq, softirq, steal (clock ticks)
    voor = [100, 0, 20, 500, 5, 0, 5, 10]
    na = [160, 0, 30, 520, 5, 0, 10, 30]  # 60 + 10 + 5 busy, 20 idle, 20 stolen of 115

    bezig, vrij, gestolen = run.cpu_verdeling(voor, na)

    assert round(bezig, 1) == round(100 * 75 / 115, 1)
    assert round(vrij, 1) == round(100 * 20 / 115, 1)
    assert round(gestolen, 1) == round(100 * 20 / 115, 1)
    assert len(run.cpu_tijden()) == 8
