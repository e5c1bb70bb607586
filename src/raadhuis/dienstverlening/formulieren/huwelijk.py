"""Melding voorgenomen huwelijk of partnerschap (BW 1 art. 44, 31, 63; partnerschap art. 80a):
the ceremony's location and a free moment first (reserved with the case on submit, through
services.afspraken), then both partners and 2 to 4 witnesses."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadhuis.core.termijnen import datum_nl
from raadhuis.dienstverlening import regels
from raadhuis.dienstverlening.formulieren.basis import (
    CONTACT,
    Antwoorden,
    Context,
    Definitie,
    Stap,
    StapForm,
    datumveld,
    naar_json,
)
from raadhuis.dienstverlening.models import Trouwlocatie, Zaak

MAX_GETUIGEN = regels.GETUIGEN_MAXIMAAL
# The moment step offers the free moments in this period from the chosen date.
ZOEKPERIODE = timedelta(days=27)


class SoortForm(StapForm):
    soort = forms.ChoiceField(
        label=gettext_lazy("Wat wilt u melden?"),
        choices=[
            ("huwelijk", gettext_lazy("Een huwelijk")),
            ("partnerschap", gettext_lazy("Een geregistreerd partnerschap")),
        ],
    )


class CeremonieForm(StapForm):
    trouwlocatie = forms.ModelChoiceField(
        label=gettext_lazy("Trouwlocatie"),
        queryset=Trouwlocatie.objects.none(),
        empty_label=gettext_lazy("Kies een trouwlocatie"),
    )
    gewenste_datum = datumveld(
        gettext_lazy("Vanaf welke datum zoekt u een moment?"),
        help_text=gettext_lazy(
            "Ten minste 2 weken en ten hoogste 1 jaar na vandaag. In de volgende stap kiest u een vrij "
            "moment in de 4 weken vanaf deze datum."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["trouwlocatie"]
        if isinstance(veld, forms.ModelChoiceField):
            # As selectors.afspraken.trouwlocaties: active, the free variant first.
            veld.queryset = Trouwlocatie.objects.filter(actief=True).order_by("gratis", "naam")


def _op_veld(fout: ValidationError, veld: str) -> ValidationError:
    return ValidationError({veld: fout.messages})


def vrije_momenten(antwoorden: Antwoorden, context: Context | None) -> list[datetime]:
    """The free moments at the chosen location in the 4 weeks from the chosen date, from the agenda
    (selectors.afspraken.vrije_ceremoniemomenten, which also keeps to BW 1 art. 44's window)."""
    locatie, van = antwoorden.get("trouwlocatie"), antwoorden.get("gewenste_datum")
    if locatie is None or van is None or context is None or context.agenda is None:
        return []
    return context.agenda.vrije_ceremoniemomenten(trouwlocatie=locatie, van=van, tot=van + ZOEKPERIODE)


def ceremonie_regels(antwoorden: Antwoorden, context: Context) -> None:
    try:
        regels.huwelijk_melding_termijn(
            ceremoniedatum=antwoorden["gewenste_datum"], meldingsdatum=context.vandaag
        )
    except ValidationError as fout:
        raise _op_veld(fout, "gewenste_datum") from fout
    if not vrije_momenten(antwoorden, context):
        raise ValidationError(
            {
                "gewenste_datum": _(
                    "Op deze locatie is in de 4 weken vanaf deze datum geen moment meer vrij. Kies een "
                    "andere datum of locatie."
                )
            }
        )


def _momentlabel(moment: datetime) -> str:
    lokaal = timezone.localtime(moment)
    return _("%(datum)s om %(tijd)s") % {
        "datum": datum_nl(lokaal.date(), weekdag=True),
        "tijd": lokaal.strftime("%H:%M"),
    }


class MomentForm(StapForm):
    ceremonie_start = forms.TypedChoiceField(
        label=gettext_lazy("Moment van de ceremonie"), coerce=datetime.fromisoformat, choices=[]
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["ceremonie_start"]
        if isinstance(veld, forms.TypedChoiceField):
            veld.choices = [("", _("Kies een moment"))] + [
                (moment.isoformat(), _momentlabel(moment))
                for moment in vrije_momenten(self.antwoorden, self.context)
            ]


def ceremoniedatum(antwoorden: Antwoorden) -> date | None:
    start = antwoorden.get("ceremonie_start")
    return timezone.localtime(start).date() if isinstance(start, datetime) else None


def moment_regels(antwoorden: Antwoorden, context: Context) -> None:
    dag = ceremoniedatum(antwoorden)
    if dag is None:
        return
    try:
        regels.huwelijk_melding_termijn(ceremoniedatum=dag, meldingsdatum=context.vandaag)
    except ValidationError as fout:
        raise _op_veld(fout, "ceremonie_start") from fout


class PartnersForm(StapForm):
    partner_1_naam = forms.CharField(label=gettext_lazy("Naam van partner 1"), max_length=200)
    partner_1_geboortedatum = datumveld(gettext_lazy("Geboortedatum van partner 1"))
    partner_2_naam = forms.CharField(label=gettext_lazy("Naam van partner 2"), max_length=200)
    partner_2_geboortedatum = datumveld(gettext_lazy("Geboortedatum van partner 2"))
    ongehuwd = forms.BooleanField(
        label=gettext_lazy(
            "Wij zijn allebei niet getrouwd en hebben geen geregistreerd partnerschap met een ander"
        ),
        error_messages={
            "required": gettext_lazy(
                "U kunt alleen trouwen als u geen van beiden getrouwd bent of een geregistreerd "
                "partnerschap heeft (Burgerlijk Wetboek boek 1 art. 33)."
            )
        },
    )
    geen_familie = forms.BooleanField(
        label=gettext_lazy("Wij zijn geen bloedverwanten in de rechte lijn, broer of zus"),
        error_messages={
            "required": gettext_lazy(
                "Bloedverwanten in de rechte lijn, broers en zussen kunnen niet met elkaar trouwen "
                "(Burgerlijk Wetboek boek 1 art. 41)."
            )
        },
    )


def partners_regels(antwoorden: Antwoorden, context: Context) -> None:
    dag = ceremoniedatum(antwoorden)
    if dag is None:
        return
    for nummer in (1, 2):
        regels.partner_meerderjarig(
            geboortedatum=antwoorden[f"partner_{nummer}_geboortedatum"],
            ceremoniedatum=dag,
            veld=f"partner_{nummer}_geboortedatum",
        )


class GetuigenForm(StapForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for nummer in range(1, MAX_GETUIGEN + 1):
            verplicht = nummer <= regels.GETUIGEN_MINIMAAL
            self.fields[f"getuige_{nummer}_naam"] = forms.CharField(
                label=_("Naam van getuige %(nummer)s") % {"nummer": nummer},
                max_length=200,
                required=verplicht,
            )
            self.fields[f"getuige_{nummer}_geboortedatum"] = datumveld(
                _("Geboortedatum van getuige %(nummer)s") % {"nummer": nummer}, required=verplicht
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for nummer in range(1, MAX_GETUIGEN + 1):
            naam, geboren = f"getuige_{nummer}_naam", f"getuige_{nummer}_geboortedatum"
            if data.get(naam) and not data.get(geboren) and geboren not in self.errors:
                self.add_error(geboren, _("Vul ook de geboortedatum van deze getuige in."))
            if data.get(geboren) and not data.get(naam) and naam not in self.errors:
                self.add_error(naam, _("Vul ook de naam van deze getuige in."))
        return data


def _getuigen_geboortedata(antwoorden: Antwoorden) -> list[Any]:
    return [
        antwoorden[f"getuige_{nummer}_geboortedatum"]
        for nummer in range(1, MAX_GETUIGEN + 1)
        if antwoorden.get(f"getuige_{nummer}_geboortedatum")
    ]


def getuigen_regels(antwoorden: Antwoorden, context: Context) -> None:
    dag = ceremoniedatum(antwoorden)
    if dag is None:
        return
    regels.getuigen(geboortedata=_getuigen_geboortedata(antwoorden), ceremoniedatum=dag)


def omschrijving(antwoorden: Antwoorden, productnaam: str) -> str:
    dag = ceremoniedatum(antwoorden)
    datum = datum_nl(dag) if dag else ""
    if antwoorden.get("soort") == "partnerschap":
        return _("Melding voorgenomen partnerschap op %(datum)s") % {"datum": datum}
    return _("Melding voorgenomen huwelijk op %(datum)s") % {"datum": datum}


def zaakgegevens(antwoorden: Antwoorden, context: Context) -> dict[str, Any]:
    gegevens = naar_json(antwoorden)
    gegevens["trouwlocatie_naam"] = str(antwoorden["trouwlocatie"])
    gegevens["aantal_getuigen"] = len(_getuigen_geboortedata(antwoorden))
    return gegevens


def ceremonie_vastleggen(zaak: Zaak, antwoorden: Antwoorden, door: Any, context: Context) -> None:
    """Reserves the chosen moment for the case (services.afspraken); taken in the meantime, the
    whole submission rolls back and the applicant picks another moment."""
    if context.agenda is None:
        raise ValidationError({"moment": _("De ceremonie kan nu niet worden gereserveerd.")})
    try:
        context.agenda.ceremonie_reserveren(
            trouwlocatie=antwoorden["trouwlocatie"],
            start=antwoorden["ceremonie_start"],
            partner_1=antwoorden["partner_1_naam"],
            partner_2=antwoorden["partner_2_naam"],
            zaak=zaak,
            door=door,
        )
    except ValidationError as fout:
        raise ValidationError(
            {"moment": [_("Dit moment kon niet worden gereserveerd. Kies een ander moment."), *fout.messages]}
        ) from fout


DEFINITIE = Definitie(
    stappen=(
        Stap("soort", gettext_lazy("Huwelijk of partnerschap"), SoortForm),
        Stap("ceremonie", gettext_lazy("Locatie en datum"), CeremonieForm, ceremonie_regels),
        Stap("moment", gettext_lazy("Moment van de ceremonie"), MomentForm, moment_regels),
        Stap("partners", gettext_lazy("Partners"), PartnersForm, partners_regels),
        Stap("getuigen", gettext_lazy("Getuigen"), GetuigenForm, getuigen_regels),
        CONTACT,
    ),
    omschrijving=omschrijving,
    zaakgegevens=zaakgegevens,
    bij_indienen=ceremonie_vastleggen,
)
