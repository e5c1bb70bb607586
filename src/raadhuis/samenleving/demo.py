"""Demo data of samenleving, loaded by `raadhuis demo`: each part's own demo module; a second run
changes nothing."""

from __future__ import annotations

from django.core.management.base import OutputWrapper

from raadhuis.samenleving import demo_consultaties, demo_partners


def laden(uitvoer: OutputWrapper) -> None:
    demo_partners.laden(uitvoer)
    demo_consultaties.laden(uitvoer)
