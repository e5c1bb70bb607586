"""Writes about raadsvragen (Gemeentewet art. 155): putting, submitting and withdrawing them, routing
to a portefeuillehouder, uitstel, the college's draft and final answer, the answer term of the
Reglement van Orde (computed by core.termijnen), the search index entry and the e-mail notices."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from raadhuis.besluitvorming.models import (
    Abonnement,
    Agendapunt,
    Deelvraag,
    Persoon,
    Raadsvraag,
    Raadsvraagmelding,
    Raadsvragenregeling,
    Toezegging,
    Vergadering,
    Vraagsteller,
)
from raadhuis.besluitvorming.rechten import (
    RAADSVRAAG_BEANTWOORDEN,
    RAADSVRAAG_BEHANDELEN,
    RAADSVRAAG_STELLEN,
    RAADSVRAAG_UITSTELLEN,
    REGISTERS_BIJWERKEN,
)
from raadhuis.besluitvorming.selectors.raadsvragen import raadsleden_op, raadsvragenregeling
from raadhuis.besluitvorming.selectors.stemmingen import fracties_op, is_collegelid_op
from raadhuis.besluitvorming.services.abonnementen import AANMELDING, MELDER
from raadhuis.besluitvorming.services.registers import toezegging_vastleggen
from raadhuis.core import zoeken
from raadhuis.core.rechten import vereis
from raadhuis.core.selectors import gelijkgestelde_dagen
from raadhuis.core.taken import na_commit
from raadhuis.core.termijnen import Eenheid, Termijn, bereken_termijn

ZOEKSOORT_RAADSVRAAG = "besluitvorming.raadsvraag"
MAX_VRAGEN = 50
EENHEDEN = ("dagen", "weken", "werkdagen")


# -- the answer term ---------------------------------------------------------------------------------


def _termijn_fouten(aantal: int, eenheid: str, veld: str) -> dict[str, list[str]]:
    if eenheid not in EENHEDEN:
        return {veld: [_("Kies dagen, weken of werkdagen.")]}
    if not 1 <= aantal <= 365:
        return {veld: [_("Geef een termijn van 1 tot en met 365.")]}
    return {}


@transaction.atomic
def raadsvragenregeling_wijzigen(
    *, antwoordtermijn: int, eenheid: str, grondslag: str, door: AbstractBaseUser
) -> Raadsvragenregeling:
    """Sets the answer term of the local Reglement van Orde (verify locally; the VNG model has 30 days).
    Questions already submitted keep the term they got."""
    vereis(door, RAADSVRAAG_BEHANDELEN)
    fouten = _termijn_fouten(antwoordtermijn, eenheid, "antwoordtermijn")
    if not grondslag.strip():
        fouten["grondslag"] = [_("Noem het artikel van het Reglement van Orde.")]
    if fouten:
        raise ValidationError(fouten)
    regeling = Raadsvragenregeling.objects.select_for_update().order_by("pk").first() or Raadsvragenregeling()
    regeling.antwoordtermijn = antwoordtermijn
    regeling.eenheid = eenheid
    regeling.grondslag = grondslag.strip()
    regeling.full_clean()
    regeling.save()
    return regeling


def uiterste_datum_berekenen(raadsvraag: Raadsvraag) -> dt.date:
    """The last day for the answer: the term of the RvO counted from the day after submission, plus the
    uitstel, then the Algemene termijnenwet (arts. 1-2: not ending on a weekend or holiday). Applying the
    Atw to a term of the RvO is our reading (verify locally)."""
    if raadsvraag.ingediend_op is None or raadsvraag.termijn_aantal is None:
        raise ValidationError(_("Een raadsvraag heeft pas een antwoordtermijn als zij is ingediend."))
    verlenging = None
    if raadsvraag.uitstel_aantal:
        verlenging = Termijn(raadsvraag.uitstel_aantal, Eenheid(raadsvraag.uitstel_eenheid))
    return bereken_termijn(
        gebeurtenis=raadsvraag.ingediend_op,
        termijn=Termijn(raadsvraag.termijn_aantal, Eenheid(raadsvraag.termijn_eenheid)),
        verlenging=verlenging,
        extra_feestdagen=gelijkgestelde_dagen(),
        gebeurtenis_omschrijving=_("indiening"),
    ).einddatum


def _status_vereist(raadsvraag: Raadsvraag, toegestaan: tuple[str, ...], melding: str) -> None:
    """Refuses a step the question's status does not allow; `melding` names the status."""
    if raadsvraag.status not in toegestaan:
        raise ValidationError(melding % {"status": raadsvraag.get_status_display()})


def _vergrendeld(raadsvraag: Raadsvraag) -> Raadsvraag:
    """The question as the database holds it now, locked until the transaction ends."""
    return Raadsvraag.objects.select_for_update().get(pk=raadsvraag.pk)


# -- putting and submitting --------------------------------------------------------------------------


def _vragensteller_fouten(indieners: Sequence[Persoon], op: dt.date) -> list[str]:
    """Only members seated in the raad on that day put raadsvragen (Gemeentewet art. 155 lid 1)."""
    fouten: list[str] = []
    if not indieners:
        fouten.append(_("Een raadsvraag wordt door ten minste één raadslid gesteld."))
    namen = [p.naam for p in indieners]
    fouten += [
        _("%(naam)s staat meer dan één keer bij de indieners.") % {"naam": naam}
        for naam in sorted({n for n in namen if namen.count(n) > 1})
    ]
    zittend = {persoon.pk for persoon in raadsleden_op(op)}
    fouten += [
        _("%(naam)s is op %(datum)s geen lid van de gemeenteraad en kan geen raadsvragen stellen.")
        % {"naam": persoon.naam, "datum": f"{op:%d-%m-%Y}"}
        for persoon in indieners
        if persoon.pk not in zittend
    ]
    return fouten


@transaction.atomic
def raadsvraag_opstellen(
    *,
    onderwerp: str,
    vragen: Sequence[str],
    indieners: Sequence[Persoon],
    door: AbstractBaseUser,
    inleiding: str = "",
    indienen: bool = False,
    ingediend_op: dt.date | None = None,
) -> Raadsvraag:
    """Writes down a set of numbered questions as a concept, and submits it at once with `indienen`.
    A raadslid puts only questions they are an indiener of; the griffie registers them for any member
    (rechten.RAADSVRAAG_STELLEN). Every indiener is a member of the raad on the day (art. 155)."""
    vereis(door, RAADSVRAAG_STELLEN, tuple(indieners))
    datum = ingediend_op or timezone.localdate()
    teksten = _invoer_controleren(onderwerp, vragen, indieners, datum)
    raadsvraag = Raadsvraag(onderwerp=onderwerp.strip(), inleiding=inleiding.strip())
    raadsvraag.full_clean()
    raadsvraag.save()
    _vragen_en_indieners(raadsvraag, teksten, indieners)
    if indienen:
        _indienen(raadsvraag, datum)
    return raadsvraag


def _invoer_controleren(
    onderwerp: str, vragen: Sequence[str], indieners: Sequence[Persoon], datum: dt.date
) -> list[str]:
    """The questions without empty ones, or a ValidationError naming every field that is wrong."""
    teksten = [tekst.strip() for tekst in vragen if tekst.strip()]
    fouten: dict[str, list[str]] = {}
    if not onderwerp.strip():
        fouten["onderwerp"] = [_("Geef het onderwerp van de vragen.")]
    if not teksten:
        fouten["vragen"] = [_("Stel ten minste één vraag.")]
    elif len(teksten) > MAX_VRAGEN:
        fouten["vragen"] = [_("Stel ten hoogste %(aantal)s vragen per keer.") % {"aantal": MAX_VRAGEN}]
    if datum > timezone.localdate():
        fouten["ingediend_op"] = [_("De datum van indiening ligt niet in de toekomst.")]
    indienerfouten = _vragensteller_fouten(indieners, datum)
    if indienerfouten:
        fouten["indieners"] = indienerfouten
    if fouten:
        raise ValidationError(fouten)
    return teksten


def _vragen_en_indieners(
    raadsvraag: Raadsvraag, teksten: Sequence[str], indieners: Sequence[Persoon]
) -> None:
    raadsvraag.vragen.all().delete()
    raadsvraag.indieners.all().delete()
    for nummer, tekst in enumerate(teksten, start=1):
        deelvraag = Deelvraag(raadsvraag=raadsvraag, nummer=nummer, tekst=tekst)
        deelvraag.full_clean()
        deelvraag.save()
    for volgorde, persoon in enumerate(indieners):
        Vraagsteller.objects.create(raadsvraag=raadsvraag, persoon=persoon, eerste=volgorde == 0)


@transaction.atomic
def raadsvraag_bijwerken(
    *,
    raadsvraag: Raadsvraag,
    onderwerp: str,
    vragen: Sequence[str],
    indieners: Sequence[Persoon],
    door: AbstractBaseUser,
    inleiding: str = "",
) -> Raadsvraag:
    """Rewrites a concept. Once submitted the questions are on the public record and stay as they are;
    the one editing must be an indiener both before and after (or the griffie)."""
    vereis(door, RAADSVRAAG_STELLEN, raadsvraag)
    vereis(door, RAADSVRAAG_STELLEN, tuple(indieners))
    raadsvraag = _vergrendeld(raadsvraag)
    _status_vereist(
        raadsvraag,
        (Raadsvraag.Status.CONCEPT,),
        _("De raadsvraag is %(status)s en wordt niet meer gewijzigd."),
    )
    teksten = _invoer_controleren(onderwerp, vragen, indieners, timezone.localdate())
    raadsvraag.onderwerp = onderwerp.strip()
    raadsvraag.inleiding = inleiding.strip()
    raadsvraag.full_clean()
    raadsvraag.save(update_fields=["onderwerp", "inleiding"])
    _vragen_en_indieners(raadsvraag, teksten, indieners)
    return raadsvraag


def _indienen(raadsvraag: Raadsvraag, datum: dt.date) -> None:
    """Gives the question its kenmerk, the indieners' fracties and the answer term of that day."""
    personen = [v.persoon for v in raadsvraag.indieners.select_related("persoon")]
    fouten = _vragensteller_fouten(personen, datum)
    if fouten:
        raise ValidationError({"indieners": fouten})
    # Serialises kenmerk numbering per year; the unique constraint is the backstop.
    list(Raadsvraag.objects.select_for_update().filter(jaar=datum.year).values_list("pk"))
    hoogste = Raadsvraag.objects.filter(jaar=datum.year).aggregate(m=Max("volgnummer"))["m"] or 0
    regeling = raadsvragenregeling()
    raadsvraag.jaar = datum.year
    raadsvraag.volgnummer = hoogste + 1
    raadsvraag.kenmerk = f"RV-{datum.year}-{hoogste + 1:03d}"
    raadsvraag.status = Raadsvraag.Status.INGEDIEND
    raadsvraag.ingediend_op = datum
    raadsvraag.termijn_aantal = regeling.antwoordtermijn
    raadsvraag.termijn_eenheid = regeling.eenheid
    raadsvraag.uiterste_datum = uiterste_datum_berekenen(raadsvraag)
    raadsvraag.full_clean()
    raadsvraag.save()
    fractie_van = fracties_op(personen=personen, op=datum)
    for vraagsteller in raadsvraag.indieners.all():
        vraagsteller.fractie = fractie_van.get(vraagsteller.persoon_id)
        vraagsteller.save(update_fields=["fractie"])
    _indexeren(raadsvraag)
    na_commit(raadsvraag_meldingen_taak, raadsvraag.pk, Raadsvraagmelding.Soort.INGEDIEND.value)


@transaction.atomic
def raadsvraag_indienen(
    *, raadsvraag: Raadsvraag, door: AbstractBaseUser, ingediend_op: dt.date | None = None
) -> Raadsvraag:
    """Submits a concept: from now on it is public and the answer term runs (Gemeentewet art. 155)."""
    vereis(door, RAADSVRAAG_STELLEN, raadsvraag)
    raadsvraag = _vergrendeld(raadsvraag)
    _status_vereist(raadsvraag, (Raadsvraag.Status.CONCEPT,), _("De raadsvraag is al %(status)s."))
    vandaag = timezone.localdate()
    datum = ingediend_op or vandaag
    if datum > vandaag:
        raise ValidationError({"ingediend_op": [_("De datum van indiening ligt niet in de toekomst.")]})
    _indienen(raadsvraag, datum)
    return raadsvraag


@transaction.atomic
def raadsvraag_intrekken(*, raadsvraag: Raadsvraag, door: AbstractBaseUser) -> Raadsvraag | None:
    """Withdraws a question before it is answered. A concept was never public and is removed; a
    submitted question stays in the public register as withdrawn. Returns None for a removed concept."""
    vereis(door, RAADSVRAAG_STELLEN, raadsvraag)
    raadsvraag = _vergrendeld(raadsvraag)
    if raadsvraag.status == Raadsvraag.Status.CONCEPT:
        raadsvraag.delete()
        return None
    _status_vereist(
        raadsvraag, Raadsvraag.OPEN, _("De raadsvraag is %(status)s en kan niet meer worden ingetrokken.")
    )
    raadsvraag.status = Raadsvraag.Status.INGETROKKEN
    raadsvraag.ingetrokken_op = timezone.localdate()
    raadsvraag.concept_antwoord = ""
    raadsvraag.full_clean()
    raadsvraag.save(update_fields=["status", "ingetrokken_op", "concept_antwoord"])
    _indexeren(raadsvraag)
    return raadsvraag


# -- the college's side ------------------------------------------------------------------------------


@transaction.atomic
def raadsvraag_toewijzen(
    *,
    raadsvraag: Raadsvraag,
    portefeuillehouder: Persoon,
    door: AbstractBaseUser,
    agendapunten: Sequence[Agendapunt] | None = None,
    toezeggingen: Sequence[Toezegging] | None = None,
) -> Raadsvraag:
    """The griffie sends the question to the wethouder or burgemeester who answers it for the college
    (Gemeentewet art. 169: each is accountable for their portefeuille) and links it to agendapunten and
    toezeggingen. Links given replace the old ones; None leaves them."""
    vereis(door, RAADSVRAAG_BEHANDELEN, raadsvraag)
    raadsvraag = _vergrendeld(raadsvraag)
    fouten: dict[str, list[str]] = {}
    _status_vereist(
        raadsvraag,
        (*Raadsvraag.OPEN, Raadsvraag.Status.BEANTWOORD),
        _("Een raadsvraag die %(status)s is, wordt niet toegewezen."),
    )
    vandaag = timezone.localdate()
    if raadsvraag.status == Raadsvraag.Status.BEANTWOORD:
        if portefeuillehouder.pk != raadsvraag.portefeuillehouder_id:
            fouten["portefeuillehouder"] = [
                _("De raadsvraag is beantwoord; de portefeuillehouder verandert niet meer.")
            ]
    elif not is_collegelid_op(persoon=portefeuillehouder, op=vandaag):
        fouten["portefeuillehouder"] = [
            _("%(naam)s is op %(datum)s geen wethouder of burgemeester en kan geen portefeuillehouder zijn.")
            % {"naam": portefeuillehouder.naam, "datum": f"{vandaag:%d-%m-%Y}"}
        ]
    if fouten:
        raise ValidationError(fouten)
    raadsvraag.portefeuillehouder = portefeuillehouder
    if raadsvraag.status == Raadsvraag.Status.INGEDIEND:
        raadsvraag.status = Raadsvraag.Status.IN_BEHANDELING
    raadsvraag.full_clean()
    raadsvraag.save(update_fields=["portefeuillehouder", "status"])
    if agendapunten is not None:
        raadsvraag.agendapunten.set(agendapunten)
    if toezeggingen is not None:
        raadsvraag.toezeggingen.set(toezeggingen)
    return raadsvraag


@transaction.atomic
def raadsvraag_uitstellen(
    *, raadsvraag: Raadsvraag, aantal: int, eenheid: str, reden: str, door: AbstractBaseUser
) -> Raadsvraag:
    """Records that the answer comes later, with the reason given to the indieners; the new last day is
    computed by the deadline engine. The Reglement van Orde lets the college tell the members before the
    term ends why and when the answer follows; one uitstel per question (verify locally)."""
    vereis(door, RAADSVRAAG_UITSTELLEN, raadsvraag)
    raadsvraag = _vergrendeld(raadsvraag)
    _status_vereist(raadsvraag, Raadsvraag.OPEN, _("Een raadsvraag die %(status)s is, krijgt geen uitstel."))
    fouten = _termijn_fouten(aantal, eenheid, "aantal")
    if not reden.strip():
        fouten["reden"] = [_("Geef de reden van het uitstel; de indieners krijgen die te horen.")]
    if raadsvraag.uitstel_aantal:
        fouten.setdefault("aantal", []).append(_("Deze raadsvraag heeft al uitstel gekregen."))
    vandaag = timezone.localdate()
    if raadsvraag.uiterste_datum is not None and vandaag > raadsvraag.uiterste_datum:
        fouten.setdefault("aantal", []).append(
            _("Uitstel wordt gemeld vóór het einde van de antwoordtermijn (%(datum)s).")
            % {"datum": f"{raadsvraag.uiterste_datum:%d-%m-%Y}"}
        )
    if fouten:
        raise ValidationError(fouten)
    raadsvraag.uitstel_aantal = aantal
    raadsvraag.uitstel_eenheid = eenheid
    raadsvraag.uitstel_reden = reden.strip()
    raadsvraag.uiterste_datum = uiterste_datum_berekenen(raadsvraag)
    raadsvraag.full_clean()
    raadsvraag.save(update_fields=["uitstel_aantal", "uitstel_eenheid", "uitstel_reden", "uiterste_datum"])
    return raadsvraag


@transaction.atomic
def raadsvraag_conceptantwoord_opslaan(
    *, raadsvraag: Raadsvraag, tekst: str, door: AbstractBaseUser
) -> Raadsvraag:
    """Keeps the college's working text of the answer; never public (rechten: only college and griffie)."""
    vereis(door, RAADSVRAAG_BEANTWOORDEN, raadsvraag)
    raadsvraag = _vergrendeld(raadsvraag)
    _status_vereist(
        raadsvraag, Raadsvraag.OPEN, _("Een raadsvraag die %(status)s is, krijgt geen conceptantwoord meer.")
    )
    raadsvraag.concept_antwoord = tekst.strip()
    raadsvraag.full_clean()
    raadsvraag.save(update_fields=["concept_antwoord"])
    return raadsvraag


@transaction.atomic
def raadsvraag_beantwoorden(
    *,
    raadsvraag: Raadsvraag,
    antwoord: str,
    door: AbstractBaseUser,
    beantwoord_op: dt.date | None = None,
) -> Raadsvraag:
    """The college sends its answer (Gemeentewet art. 155, art. 169): it becomes public with the date it
    was sent, and the draft is discarded. Only a collegelid answers; a portefeuillehouder must be set."""
    vereis(door, RAADSVRAAG_BEANTWOORDEN, raadsvraag)
    raadsvraag = _vergrendeld(raadsvraag)
    _status_vereist(
        raadsvraag, Raadsvraag.OPEN, _("De raadsvraag is %(status)s en kan niet (meer) worden beantwoord.")
    )
    vandaag = timezone.localdate()
    datum = beantwoord_op or vandaag
    fouten: dict[str, list[str]] = {}
    if not antwoord.strip():
        fouten["antwoord"] = [_("Geef het antwoord van het college.")]
    if datum > vandaag:
        fouten["beantwoord_op"] = [_("De verzenddatum ligt niet in de toekomst.")]
    elif raadsvraag.ingediend_op is not None and datum < raadsvraag.ingediend_op:
        fouten["beantwoord_op"] = [_("De verzenddatum ligt niet vóór de datum van indiening.")]
    if raadsvraag.portefeuillehouder_id is None:
        fouten["antwoord"] = [
            *fouten.get("antwoord", []),
            _("De griffie wijst eerst de portefeuillehouder toe die namens het college antwoordt."),
        ]
    if fouten:
        raise ValidationError(fouten)
    raadsvraag.antwoord = antwoord.strip()
    raadsvraag.beantwoord_op = datum
    raadsvraag.concept_antwoord = ""
    raadsvraag.status = Raadsvraag.Status.BEANTWOORD
    raadsvraag.full_clean()
    raadsvraag.save(update_fields=["antwoord", "beantwoord_op", "concept_antwoord", "status"])
    _indexeren(raadsvraag)
    na_commit(raadsvraag_meldingen_taak, raadsvraag.pk, Raadsvraagmelding.Soort.BEANTWOORD.value)
    return raadsvraag


@transaction.atomic
def raadsvraag_toezegging_vastleggen(
    *,
    raadsvraag: Raadsvraag,
    vergadering: Vergadering,
    tekst: str,
    uiterste_datum: dt.date,
    door: AbstractBaseUser,
) -> Toezegging:
    """A promise the college makes in its answer goes to the toezeggingen register (Gemeentewet art.
    169) through the register's own service, owned by the question's portefeuillehouder, recorded with
    the meeting where the answer is on the lijst ingekomen stukken, and linked to the question."""
    vereis(door, REGISTERS_BIJWERKEN, raadsvraag)
    raadsvraag = _vergrendeld(raadsvraag)
    _status_vereist(
        raadsvraag,
        (*Raadsvraag.OPEN, Raadsvraag.Status.BEANTWOORD),
        _("Een raadsvraag die %(status)s is, leidt niet tot een toezegging."),
    )
    if raadsvraag.portefeuillehouder is None:
        raise ValidationError(
            {"tekst": [_("De griffie wijst eerst de portefeuillehouder toe die de toezegging doet.")]}
        )
    toezegging = toezegging_vastleggen(
        vergadering=vergadering,
        portefeuillehouder=raadsvraag.portefeuillehouder,
        tekst=tekst,
        uiterste_datum=uiterste_datum,
        door=door,
    )
    raadsvraag.toezeggingen.add(toezegging)
    return toezegging


# -- search index and notices ------------------------------------------------------------------------


def _indexeren(raadsvraag: Raadsvraag) -> None:
    """Hands a submitted question to the site search in the same transaction; concepts never."""
    if not raadsvraag.is_openbaar:
        zoeken.document_verwijderen(soort=ZOEKSOORT_RAADSVRAAG, sleutel=str(raadsvraag.pk))
        return
    delen = [raadsvraag.inleiding, *(f"{v.nummer}. {v.tekst}" for v in raadsvraag.vragen.all())]
    if raadsvraag.antwoord:
        delen.append(raadsvraag.antwoord)
    zoeken.document_bijwerken(
        soort=ZOEKSOORT_RAADSVRAAG,
        sleutel=str(raadsvraag.pk),
        titel=f"{raadsvraag.kenmerk} {raadsvraag.onderwerp}",
        tekst="\n".join(deel for deel in delen if deel),
        url=reverse("besluitvorming:raadsvraag", args=[raadsvraag.kenmerk]),
        openbaar=True,
        datum=raadsvraag.beantwoord_op or raadsvraag.ingediend_op,
        kenmerken={"status": [raadsvraag.status]},
    )


def raadsvraag_melden(*, raadsvraag: Raadsvraag, soort: str) -> int:
    """Tells confirmed subscribers to raadsvragen of a new question or an answer, each once (the
    Raadsvraagmelding row is written with the mail, in its own transaction). A concept sends nothing."""
    if not raadsvraag.is_openbaar or soort not in Raadsvraagmelding.Soort.values:
        return 0
    if soort == Raadsvraagmelding.Soort.BEANTWOORD and raadsvraag.status != Raadsvraag.Status.BEANTWOORD:
        return 0
    abonnees = (
        Abonnement.objects.filter(bevestigd_op__isnull=False, raadsvragen=True)
        .exclude(raadsvraagmeldingen__raadsvraag=raadsvraag, raadsvraagmeldingen__soort=soort)
        .order_by("pk")
    )
    link = f"{settings.RAADHUIS_BASIS_URL}{reverse('besluitvorming:raadsvraag', args=[raadsvraag.kenmerk])}"

    def onderwerp() -> str:
        if soort == Raadsvraagmelding.Soort.BEANTWOORD:
            return _("Antwoord op raadsvraag %(kenmerk)s") % {"kenmerk": raadsvraag.kenmerk}
        return _("Nieuwe raadsvraag %(kenmerk)s") % {"kenmerk": raadsvraag.kenmerk}

    verzonden = 0
    for abonnement in abonnees:
        with transaction.atomic():
            _melding, nieuw = Raadsvraagmelding.objects.get_or_create(
                abonnement=abonnement, raadsvraag=raadsvraag, soort=soort
            )
            if not nieuw:
                continue
            AANMELDING.versturen(
                abonnement,
                onderwerp=onderwerp,
                sjabloon="besluitvorming/raadsvragen/mail.txt",
                context={"raadsvraag": raadsvraag, "soort": soort, "link": link},
            )
            AANMELDING.vastleggen(f"melding verstuurd: raadsvraag {soort}", abonnement, MELDER)
            verzonden += 1
    return verzonden


@task()
def raadsvraag_meldingen_taak(raadsvraag_id: int, soort: str) -> int:
    raadsvraag = Raadsvraag.objects.prefetch_related("indieners__persoon").filter(pk=raadsvraag_id).first()
    return raadsvraag_melden(raadsvraag=raadsvraag, soort=soort) if raadsvraag else 0
