"""Demo data of samenleving: each part loads its own (found by the `raadhuis demo` command)."""

from __future__ import annotations

from django.core.management.base import OutputWrapper

from raadhuis.samenleving import demo_consultaties


def laden(uitvoer: OutputWrapper) -> None:
    demo_consultaties.laden(uitvoer)
