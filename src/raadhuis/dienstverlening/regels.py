"""The product rules of dienstverlening as pure functions: one per rule, each citing its article.

Sources: shared/domain/dienstverlening.md section 2 (municipal product pages and the statutes named
there). Each function takes plain values (dates, booleans, counts), touches no database and either
returns what the rule yields or raises ``ValidationError({field: Dutch message})`` naming the field
of the intake form the message belongs next to. The intake services call them for every step and
once more, over all answers, when the applicant submits.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Sequence
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from raadhuis.core.termijnen import GELIJKGESTELDE_DAGEN, datum_nl, is_werkdag

# --- helpers -------------------------------------------------------------------------------------


def plus_jaren(d: date, jaren: int) -> date:
    """The same calendar day `jaren` years on; 29 February becomes 28 February in a common year."""
    try:
        return d.replace(year=d.year + jaren)
    except ValueError:
        return d.replace(year=d.year + jaren, day=28)


def leeftijd(geboortedatum: date, op: date) -> int:
    """Age in whole years on `op` (a birthday on 29 February counts on 28 February, as in the BRP)."""
    jaren = op.year - geboortedatum.year
    if plus_jaren(geboortedatum, jaren) > op:
        jaren -= 1
    return jaren


def zoveelste_werkdag_na(d: date, aantal: int, extra: Collection[date] = GELIJKGESTELDE_DAGEN) -> date:
    """The `aantal`-th working day after day `d` (Atw art. 3: weekends and recognised holidays, and
    the days equated with them, are no working days)."""
    dag = d
    geteld = 0
    while geteld < aantal:
        dag += timedelta(days=1)
        if is_werkdag(dag, extra):
            geteld += 1
    return dag


# --- verhuizing: Wet BRP art. 2.39 and 2.43 --------------------------------------------------------

VERHUIZING_VOORAF = timedelta(weeks=4)
VERHUIZING_ACHTERAF = timedelta(days=5)


def verhuizing_melden(*, verhuisdatum: date, meldingsdatum: date) -> date:
    """Wet BRP art. 2.39: a move is reported from 4 weeks before to 5 days after the move date.

    Too early is refused. Reported later than 5 days after the move, the report still counts but
    the municipality records the date of the report as the move date (dienstverlening.md section 2);
    the returned date is the one the BRP will record."""
    if verhuisdatum - meldingsdatum > VERHUIZING_VOORAF:
        eerste = verhuisdatum - VERHUIZING_VOORAF
        raise ValidationError(
            {
                "verhuisdatum": _(
                    "U kunt uw verhuizing ten vroegste 4 weken voor de verhuisdatum doorgeven (Wet BRP "
                    "art. 2.39). Geef deze verhuizing door vanaf %(datum)s."
                )
                % {"datum": datum_nl(eerste)}
            }
        )
    if meldingsdatum - verhuisdatum > VERHUIZING_ACHTERAF:
        return meldingsdatum
    return verhuisdatum


def verhuizing_te_laat(*, verhuisdatum: date, meldingsdatum: date) -> bool:
    """Wet BRP art. 2.39: reported more than 5 days after the move (the report date then counts)."""
    return meldingsdatum - verhuisdatum > VERHUIZING_ACHTERAF


EMIGRATIE_MAANDEN = 8
EMIGRATIE_VOORAF = timedelta(days=5)


def is_emigratie(*, maanden_in_het_buitenland: int) -> bool:
    """Wet BRP art. 2.43 (with art. 1.1): whoever expects to live abroad for at least 8 months
    within a year reports their departure."""
    return maanden_in_het_buitenland >= EMIGRATIE_MAANDEN


def vertrek_buitenland_melden(*, vertrekdatum: date, meldingsdatum: date) -> None:
    """Wet BRP art. 2.43: the departure abroad is reported at most 5 days before leaving, and
    before leaving (not afterwards)."""
    if vertrekdatum - meldingsdatum > EMIGRATIE_VOORAF:
        raise ValidationError(
            {
                "vertrekdatum": _(
                    "U kunt uw vertrek naar het buitenland ten vroegste 5 dagen voor vertrek doorgeven "
                    "(Wet BRP art. 2.43). Geef het door vanaf %(datum)s."
                )
                % {"datum": datum_nl(vertrekdatum - EMIGRATIE_VOORAF)}
            }
        )
    if meldingsdatum > vertrekdatum:
        raise ValidationError(
            {
                "vertrekdatum": _(
                    "Uw vertrek naar het buitenland geeft u door voordat u vertrekt (Wet BRP art. 2.43). "
                    "Bent u al vertrokken, neem dan contact op met de gemeente."
                )
            }
        )


# --- overlijden: BW 1 art. 19h; Wet op de lijkbezorging art. 16 and 17 ----------------------------

UITVAART_NIET_VOOR = timedelta(hours=36)
UITVAART_WERKDAGEN = 6


def uiterste_uitvaartdatum(overleden_op: date, extra: Collection[date] = GELIJKGESTELDE_DAGEN) -> date:
    """The 6th working day after the day of death (Wet op de lijkbezorging art. 17 lid 1, listed
    in dienstverlening.md under BW 1 art. 19h), counted with the Atw's working days."""
    return zoveelste_werkdag_na(overleden_op, UITVAART_WERKDAGEN, extra)


def overlijden_aangifte_plaats(*, in_deze_gemeente: bool) -> None:
    """BW 1 art. 19h lid 1: the death is registered (aangifte) with the registrar of the municipality
    where it occurred."""
    if not in_deze_gemeente:
        raise ValidationError(
            {
                "in_deze_gemeente": _(
                    "Doe aangifte in de gemeente waar het overlijden plaatsvond (Burgerlijk Wetboek boek 1 "
                    "art. 19h). Is de persoon in een andere gemeente overleden, doe dan daar aangifte."
                )
            }
        )


def overlijden_aangifte_termijn(
    *,
    overleden_op: date,
    aangifte_op: date,
    uitstel_burgemeester: bool = False,
    extra: Collection[date] = GELIJKGESTELDE_DAGEN,
) -> None:
    """The aangifte comes before the burial or cremation (the verlof needs it, BW 1 art. 19h), so at
    the latest on the 6th working day after the death (Wet op de lijkbezorging art. 17), unless the
    burgemeester allowed a later funeral (art. 17 lid 2). A death cannot be reported before it
    happened."""
    if overleden_op > aangifte_op:
        raise ValidationError(
            {"overleden_datum": _("De datum van overlijden kan niet in de toekomst liggen.")}
        )
    uiterlijk = uiterste_uitvaartdatum(overleden_op, extra)
    if aangifte_op > uiterlijk and not uitstel_burgemeester:
        raise ValidationError(
            {
                "overleden_datum": _(
                    "De aangifte van overlijden moest uiterlijk op de zesde werkdag na het overlijden, "
                    "%(datum)s, worden gedaan (Burgerlijk Wetboek boek 1 art. 19h; Wet op de lijkbezorging "
                    "art. 17). Heeft de burgemeester uitstel gegeven, kruis dat dan aan."
                )
                % {"datum": datum_nl(uiterlijk, weekdag=True)}
            }
        )


def uitvaart_termijn(
    *,
    overleden_op: datetime,
    uitvaart_op: datetime,
    uitstel_burgemeester: bool = False,
    extra: Collection[date] = GELIJKGESTELDE_DAGEN,
) -> None:
    """Burial or cremation not before 36 hours after the death (Wet op de lijkbezorging art. 16) and
    at the latest on the 6th working day after it (art. 17 lid 1); later only with the burgemeester's
    permission (art. 17 lid 2). dienstverlening.md lists both under BW 1 art. 19h."""
    if uitvaart_op - overleden_op < UITVAART_NIET_VOOR:
        raise ValidationError(
            {
                "uitvaart_datum": _(
                    "De begrafenis of crematie mag niet eerder zijn dan 36 uur na het overlijden "
                    "(Wet op de lijkbezorging art. 16; Burgerlijk Wetboek boek 1 art. 19h)."
                )
            }
        )
    uiterlijk = uiterste_uitvaartdatum(overleden_op.date(), extra)
    if uitvaart_op.date() > uiterlijk and not uitstel_burgemeester:
        raise ValidationError(
            {
                "uitvaart_datum": _(
                    "De begrafenis of crematie is uiterlijk op de zesde werkdag na het overlijden: "
                    "%(datum)s (Wet op de lijkbezorging art. 17; Burgerlijk Wetboek boek 1 art. 19h). "
                    "Later kan alleen met toestemming van de burgemeester."
                )
                % {"datum": datum_nl(uiterlijk, weekdag=True)}
            }
        )


# --- huwelijk: BW 1 art. 44, 31 and 63 ------------------------------------------------------------

MELDING_MINIMAAL = timedelta(weeks=2)
MELDING_MAXIMAAL_JAAR = 1
MEERDERJARIG = 18
GETUIGEN_MINIMAAL = 2
GETUIGEN_MAXIMAAL = 4


def huwelijk_melding_termijn(*, ceremoniedatum: date, meldingsdatum: date) -> None:
    """BW 1 art. 44: the notice of an intended marriage or partnership is given at least 2 weeks
    and at most 1 year before the ceremony."""
    if ceremoniedatum - meldingsdatum < MELDING_MINIMAAL:
        raise ValidationError(
            {
                "ceremoniedatum": _(
                    "Meld uw huwelijk of partnerschap ten minste 2 weken voor de ceremonie (Burgerlijk "
                    "Wetboek boek 1 art. 44). Kies een datum op of na %(datum)s."
                )
                % {"datum": datum_nl(meldingsdatum + MELDING_MINIMAAL)}
            }
        )
    if ceremoniedatum > plus_jaren(meldingsdatum, MELDING_MAXIMAAL_JAAR):
        raise ValidationError(
            {
                "ceremoniedatum": _(
                    "Meld uw huwelijk of partnerschap ten hoogste 1 jaar voor de ceremonie (Burgerlijk "
                    "Wetboek boek 1 art. 44). Kies een datum op of voor %(datum)s."
                )
                % {"datum": datum_nl(plus_jaren(meldingsdatum, MELDING_MAXIMAAL_JAAR))}
            }
        )


def partner_meerderjarig(*, geboortedatum: date, ceremoniedatum: date, veld: str) -> None:
    """BW 1 art. 31: both partners are 18 or older on the day of the marriage."""
    if leeftijd(geboortedatum, ceremoniedatum) < MEERDERJARIG:
        raise ValidationError(
            {
                veld: _(
                    "Op de dag van de ceremonie moeten beide partners 18 jaar of ouder zijn (Burgerlijk "
                    "Wetboek boek 1 art. 31)."
                )
            }
        )


def getuigen(*, geboortedata: Sequence[date], ceremoniedatum: date) -> None:
    """BW 1 art. 63: at least 2 and at most 4 witnesses, each of age (18+) on the day."""
    if not GETUIGEN_MINIMAAL <= len(geboortedata) <= GETUIGEN_MAXIMAAL:
        raise ValidationError(
            {
                "getuigen": _(
                    "Geef 2 tot 4 getuigen op (Burgerlijk Wetboek boek 1 art. 63). U gaf er %(aantal)s op."
                )
                % {"aantal": len(geboortedata)}
            }
        )
    if any(leeftijd(geboren, ceremoniedatum) < MEERDERJARIG for geboren in geboortedata):
        raise ValidationError(
            {
                "getuigen": _(
                    "Elke getuige is op de dag van de ceremonie 18 jaar of ouder (Burgerlijk Wetboek boek 1 "
                    "art. 63)."
                )
            }
        )


# --- reisdocument: Paspoortwet art. 34, 26 and 16a ------------------------------------------------


class Reisdocument(enum.StrEnum):
    PASPOORT = "paspoort"
    IDENTITEITSKAART = "identiteitskaart"


TOESTEMMING_ONDER = {Reisdocument.PASPOORT: 18, Reisdocument.IDENTITEITSKAART: 12}


def toestemming_gezaghouders_nodig(*, soort: Reisdocument, geboortedatum: date, aanvraagdatum: date) -> bool:
    """Paspoortwet art. 34 (with art. 26 for the passport and 16a for the ID card, as in the demo
    catalogue): the gezaghouders consent for a passport under 18 and for an ID card under 12."""
    return leeftijd(geboortedatum, aanvraagdatum) < TOESTEMMING_ONDER[soort]


def reisdocument_toestemming(
    *, soort: Reisdocument, geboortedatum: date, aanvraagdatum: date, toestemming: bool
) -> None:
    """Paspoortwet art. 26 (paspoort) / 16a (identiteitskaart): without the consent of the
    gezaghouders no document is issued to a child under 18 (paspoort) or under 12 (ID card)."""
    nodig = toestemming_gezaghouders_nodig(
        soort=soort, geboortedatum=geboortedatum, aanvraagdatum=aanvraagdatum
    )
    if nodig and not toestemming:
        raise ValidationError(
            {
                "toestemming_gezaghouders": (
                    _(
                        "Voor een paspoort voor een kind onder 18 jaar geven de gezaghouders "
                        "toestemming (Paspoortwet art. 26)."
                    )
                    if soort is Reisdocument.PASPOORT
                    else _(
                        "Voor een identiteitskaart voor een kind onder 12 jaar geven de gezaghouders "
                        "toestemming (Paspoortwet art. 16a)."
                    )
                )
            }
        )


def reisdocument_geldig_tot(*, geboortedatum: date, uitgifte: date) -> date:
    """Paspoortwet art. 26 lid 2 and 16a: valid 10 years for holders of 18 or older, 5 years below."""
    jaren = 10 if leeftijd(geboortedatum, uitgifte) >= MEERDERJARIG else 5
    return plus_jaren(uitgifte, jaren)


# --- rijbewijs: Wegenverkeerswet 1994 art. 107 ----------------------------------------------------


class Rijbewijsaanvraag(enum.StrEnum):
    VERLENGEN = "verlengen"
    EERSTE = "eerste"
    VERVANGEN = "vervangen"


def rijbewijs_geldig_tot(*, geboortedatum: date, afgifte: date, groot_rijbewijs: bool = False) -> date:
    """WVW 1994 art. 107 (periods as in dienstverlening.md section 2, verify against the Reglement
    rijbewijzen): 10 years; issued between 65 and 70, until the 75th birthday; issued at 70 or
    older, 5 years; categories C and D, 5 years."""
    if groot_rijbewijs:
        return plus_jaren(afgifte, 5)
    jaren = leeftijd(geboortedatum, afgifte)
    if jaren >= 70:
        return plus_jaren(afgifte, 5)
    if jaren >= 65:
        return plus_jaren(geboortedatum, 75)
    return plus_jaren(afgifte, 10)


def rijbewijs_digitaal(*, soort: Rijbewijsaanvraag, digitaal: bool) -> None:
    """Only a renewal can be requested online (RDW, WVW 1994 art. 107); a first licence or a
    replacement after loss is requested at the desk (dienstverlening.md section 2)."""
    if digitaal and soort is not Rijbewijsaanvraag.VERLENGEN:
        raise ValidationError(
            {
                "soort": _(
                    "Online kunt u alleen uw rijbewijs verlengen. Een eerste rijbewijs of een vervangend "
                    "rijbewijs na verlies vraagt u aan de balie aan (Wegenverkeerswet 1994 art. 107)."
                )
            }
        )


def rijbewijs_minimumleeftijd(*, geboortedatum: date, aanvraagdatum: date) -> None:
    """WVW 1994 art. 111 with the Reglement rijbewijzen: a licence for category B from 17 (2toDrive);
    an applicant younger than that is refused."""
    if leeftijd(geboortedatum, aanvraagdatum) < 17:
        raise ValidationError(
            {
                "geboortedatum": _(
                    "Een rijbewijs kunt u aanvragen vanaf 17 jaar (Wegenverkeerswet 1994 art. 111)."
                )
            }
        )
