"""Demo data of samenleving, loaded by `raadhuis demo`: each part (petities, consultaties,
partners) loads its own; a second run changes nothing."""

from __future__ import annotations

from django.core.management.base import OutputWrapper

from raadhuis.samenleving import demo_consultaties, demo_partners, demo_petities


def laden(uitvoer: OutputWrapper) -> None:
    demo_partners.laden(uitvoer)
    demo_consultaties.laden(uitvoer)
    demo_petities.laden(uitvoer)
