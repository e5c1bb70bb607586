"""The reporting period of the monitoring dashboard and the workflow analysis, and the one before it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone


@dataclass(frozen=True)
class Periode:
    """Days from `van` up to and including `tot` (local dates)."""

    van: date
    tot: date

    def __post_init__(self) -> None:
        if self.tot < self.van:
            raise ValueError("Een periode eindigt niet voor zij begint.")

    @property
    def dagen(self) -> int:
        return (self.tot - self.van).days + 1

    @property
    def vorige(self) -> Periode:
        """The period of the same length just before, to compare with."""
        return Periode(van=self.van - timedelta(days=self.dagen), tot=self.van - timedelta(days=1))

    @property
    def begin(self) -> datetime:
        """The first moment of the period (local midnight), for filters on date-time fields."""
        return timezone.make_aware(datetime.combine(self.van, time.min))

    @property
    def einde(self) -> datetime:
        """The first moment after the period: filter with `< einde`."""
        return timezone.make_aware(datetime.combine(self.tot + timedelta(days=1), time.min))

    @classmethod
    def laatste_dagen(cls, aantal: int, *, tot: date | None = None) -> Periode:
        einde = tot or timezone.localdate()
        return cls(van=einde - timedelta(days=aantal - 1), tot=einde)

    @classmethod
    def maand(cls, jaar: int, maand: int) -> Periode:
        volgende = date(jaar + (maand == 12), maand % 12 + 1, 1)
        return cls(van=date(jaar, maand, 1), tot=volgende - timedelta(days=1))

    @classmethod
    def kwartaal(cls, jaar: int, kwartaal: int) -> Periode:
        eerste = 3 * (kwartaal - 1) + 1
        return cls(van=cls.maand(jaar, eerste).van, tot=cls.maand(jaar, eerste + 2).tot)

    @classmethod
    def jaar(cls, jaar: int) -> Periode:
        return cls(van=date(jaar, 1, 1), tot=date(jaar, 12, 31))
