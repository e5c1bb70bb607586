"""Demo data of samenleving: each part (petities, consultaties, partners) loads its own."""

from __future__ import annotations

from django.core.management.base import OutputWrapper

from raadhuis.samenleving import demo_petities


def laden(uitvoer: OutputWrapper) -> None:
    demo_petities.laden(uitvoer)
