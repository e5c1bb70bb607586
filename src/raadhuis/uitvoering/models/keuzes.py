"""The fixed lists of uitvoering: statuses and the planning & control moments."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    NIET_GESTART = "niet_gestart", _("niet gestart")
    OP_SCHEMA = "op_schema", _("op schema")
    RISICO = "risico", _("risico")
    VERTRAAGD = "vertraagd", _("vertraagd")
    AFGEROND = "afgerond", _("afgerond")
    VERVALLEN = "vervallen", _("vervallen")


# A closed activity takes no new status: its history is final (reopening means a new activity).
GESLOTEN: frozenset[str] = frozenset({Status.AFGEROND, Status.VERVALLEN})
# Order of concern, worst first: an action shows the worst status among its open activities.
ERNST: tuple[str, ...] = (
    Status.VERTRAAGD,
    Status.RISICO,
    Status.OP_SCHEMA,
    Status.NIET_GESTART,
    Status.AFGEROND,
    Status.VERVALLEN,
)


class PcMoment(models.TextChoices):
    """The planning & control documents a progress update belongs to (Gemeentewet arts. 189-200,
    BBV; the mid-term review is the seed's own moment halfway the council term)."""

    VOORJAARSNOTA = "voorjaarsnota", _("voorjaarsnota")
    BEGROTING = "begroting", _("begroting")
    BESTUURSRAPPORTAGE = "bestuursrapportage", _("bestuursrapportage")
    JAARVERSLAG = "jaarverslag", _("jaarverslag")
    MID_TERM_REVIEW = "mid_term_review", _("mid-term review")
