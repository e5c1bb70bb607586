"""Every write to a case: creation with a gapless number, status changes along the zaaktype's order,
assignment, notes, documents and messages. Each checks who acts and logs the processing."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raadhuis.accounts.models import Medewerker
from raadhuis.core import bsn as bsn_module
from raadhuis.core import logboek, uploads
from raadhuis.core.identiteit import Identiteit, Soort
from raadhuis.core.rechten import mag, vereis
from raadhuis.core.termijnen import bereken_termijn
from raadhuis.core.validators import KVK_MELDING, is_kvk_nummer
from raadhuis.dienstverlening.models import (
    Berichtsoort,
    Betrokkene,
    Formulier,
    Kanaal,
    Product,
    Resultaattype,
    Rol,
    RolGeneriek,
    Roltype,
    Statustype,
    Team,
    Zaak,
    Zaakbericht,
    Zaakdocument,
    Zaaknotitie,
    Zaaknummerreeks,
    Zaakstatus,
    Zaaktype,
)
from raadhuis.dienstverlening.rechten import KLANTCONTACT_REGISTREREN, ZAAK_BEHANDELEN, ZAAK_REGISTREREN
from raadhuis.dienstverlening.services import berichten, kto

ACTIVITEIT = "aanvraag-behandelen"
PADLENGTE = Zaak._meta.get_field("statuspad").max_length or 400
DOCUMENTSOORTEN = (uploads.PDF, uploads.PNG, uploads.JPEG, uploads.DOCX, uploads.ODT)
MAX_DOCUMENT_BYTES = 20_000_000

Door = Medewerker | Identiteit


@dataclass(frozen=True)
class Initiator:
    """Who asks: a resident (BSN) or a business (KvK, optionally a branch) with a contact person."""

    bsn: str = ""
    kvk_nummer: str = ""
    vestigingsnummer: str = ""
    naam: str = ""
    contactpersoon: str = ""
    emailadres: str = ""
    telefoonnummer: str = ""

    @classmethod
    def uit_identiteit(cls, identiteit: Identiteit, **contact: str) -> Initiator:
        """The logged-in resident or business, with the contact details the form asked for."""
        if identiteit.soort is Soort.INWONER:
            return cls(bsn=identiteit.bsn, naam=contact.pop("naam", "") or identiteit.naam, **contact)
        return cls(
            kvk_nummer=identiteit.kvk_nummer,
            vestigingsnummer=identiteit.vestigingsnummer,
            naam=contact.pop("naam", "") or identiteit.naam,
            **contact,
        )

    @property
    def betrokkene(self) -> tuple[str, str]:
        return ("BSN", self.bsn) if self.bsn else ("KVK", self.kvk_nummer)


def _controleer_initiator(initiator: Initiator) -> None:
    if bool(initiator.bsn) == bool(initiator.kvk_nummer):
        raise ValidationError(
            {"initiator": _("Geef een burgerservicenummer of een KvK-nummer op (één van beide).")}
        )
    if initiator.bsn and not bsn_module.is_geldig_bsn(initiator.bsn):
        raise ValidationError({"bsn": _("Dit is geen geldig burgerservicenummer.")})
    if initiator.kvk_nummer and not is_kvk_nummer(initiator.kvk_nummer):
        raise ValidationError({"kvk_nummer": KVK_MELDING})
    if initiator.emailadres:
        try:
            validate_email(initiator.emailadres)
        except ValidationError:
            raise ValidationError({"emailadres": _("Vul een geldig e-mailadres in.")}) from None
    if len(initiator.telefoonnummer) > 20:
        raise ValidationError({"telefoonnummer": _("Een telefoonnummer heeft ten hoogste 20 tekens.")})


def _controleer_kanaal(*, door: Door, kanaal: str, initiator: Initiator) -> None:
    """Online the applicant acts for themself; an employee registers on an assisted channel."""
    if isinstance(door, Identiteit):
        if kanaal != Kanaal.DIGITAAL:
            raise ValidationError({"kanaal": _("Een aanvraag na inloggen komt digitaal binnen.")})
        eigen = (
            initiator.bsn == door.bsn
            if door.soort is Soort.INWONER
            else initiator.kvk_nummer == door.kvk_nummer
        )
        if not eigen:
            raise PermissionDenied(_("U kunt alleen voor uzelf of uw eigen onderneming een aanvraag doen."))
        return
    vereis(door, ZAAK_REGISTREREN)
    if kanaal not in (Kanaal.BALIE, Kanaal.TELEFOON, Kanaal.SCHRIFTELIJK):
        raise ValidationError(
            {"kanaal": _("Kies het kanaal waarop de aanvraag binnenkwam: balie, telefoon of brief.")}
        )


def zaaknummer_trekken(jaar: int) -> tuple[str, int]:
    """The next number of the year. The UPDATE takes the year's row lock until the transaction ends,
    so concurrent intakes queue here and a rollback returns the number: unique and gapless."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("zaaknummer_trekken hoort in de transactie die de zaak aanmaakt.")
    volgnummer = _volgnummer_ophogen(jaar)
    if volgnummer is None:
        # The year's row exists for all but its first case: update first, create only when missing.
        Zaaknummerreeks.objects.bulk_create([Zaaknummerreeks(jaar=jaar)], ignore_conflicts=True)
        volgnummer = _volgnummer_ophogen(jaar)
    if volgnummer is None:  # only a concurrent DELETE of the year's row could cause this
        raise RuntimeError(f"Geen zaaknummerreeks voor {jaar}.")
    return f"ZAAK-{jaar}-{volgnummer:06d}", volgnummer


def _volgnummer_ophogen(jaar: int) -> int | None:
    # UPDATE … RETURNING (PostgreSQL, SQLite ≥ 3.35): one round trip while the lock is held, where
    # update() and a read were two; None when the year has no row yet.
    tabel, laatste, jaar_kolom = (
        connection.ops.quote_name(naam) for naam in (Zaaknummerreeks._meta.db_table, "laatste", "jaar")
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {tabel} SET {laatste} = {laatste} + 1 WHERE {jaar_kolom} = %s RETURNING {laatste}",  # noqa: S608
            [jaar],
        )
        rij = cursor.fetchone()
    return None if rij is None else int(rij[0])


def geplande_data(zaaktype: Zaaktype, startdatum: date) -> tuple[date, date]:
    """(expected end date, latest legal end date): the servicenorm when the zaaktype promises one,
    else the legal doorlooptijd, both counted by the deadline engine (Atw art. 1 and 2)."""
    uiterlijk = bereken_termijn(gebeurtenis=startdatum, termijn=zaaktype.doorlooptijd).einddatum
    norm = zaaktype.servicenorm
    gepland = bereken_termijn(gebeurtenis=startdatum, termijn=norm).einddatum if norm else uiterlijk
    return min(gepland, uiterlijk), uiterlijk


def _roltype(zaaktype: Zaaktype, generiek: RolGeneriek) -> Roltype:
    roltype = Roltype.objects.filter(zaaktype=zaaktype, omschrijving_generiek=generiek).first()
    if roltype is None:
        raise ValidationError(
            _("Het zaaktype '%(zaaktype)s' heeft geen roltype '%(rol)s'.")
            % {"zaaktype": zaaktype, "rol": generiek.label}
        )
    return roltype


@transaction.atomic
def zaak_aanmaken(
    *,
    zaaktype: Zaaktype,
    omschrijving: str,
    kanaal: str,
    initiator: Initiator,
    door: Door,
    product: Product | None = None,
    gegevens: dict[str, Any] | None = None,
    toelichting: str = "",
    startdatum: date | None = None,
    taal: str = "nl",
) -> Zaak:
    """Registers a case in its first status, with the initiator's role and the planned dates, and
    sends the acknowledgement by e-mail once the transaction commits."""
    _controleer_initiator(initiator)
    _controleer_kanaal(door=door, kanaal=kanaal, initiator=initiator)
    if taal not in {code for code, _naam in settings.LANGUAGES}:
        raise ValidationError({"taal": _("Kies een taal waarin wij berichten sturen.")})
    if not zaaktype.actief:
        raise ValidationError({"zaaktype": _("Dit zaaktype is niet meer in gebruik.")})
    eerste = zaaktype.statustypen.order_by("volgnummer").first()
    if eerste is None:
        raise ValidationError({"zaaktype": _("Dit zaaktype heeft nog geen statustypen.")})
    initiator_roltype = _roltype(zaaktype, RolGeneriek.INITIATOR)
    nu = timezone.now()
    vandaag = timezone.localdate(nu)
    start = startdatum or vandaag
    gepland, uiterlijk = geplande_data(zaaktype, start)
    medewerker = door if isinstance(door, Medewerker) else None
    zaak = Zaak(
        # Registered under a stand-in number, numbered last (below); jaar 0 keeps stand-ins apart
        # from real numbers, and a clash of two random stand-ins only makes one insert wait.
        identificatie=f"voorlopig-{uuid.uuid4().hex[:24]}",
        jaar=0,
        volgnummer=secrets.randbelow(2**31),
        zaaktype=zaaktype,
        product=product,
        omschrijving=omschrijving.strip()[:200] or zaaktype.omschrijving,
        toelichting=toelichting,
        registratiedatum=vandaag,
        startdatum=start,
        einddatum_gepland=gepland,
        uiterlijke_einddatum_afdoening=uiterlijk,
        kanaal=kanaal,
        vertrouwelijkheid=zaaktype.vertrouwelijkheid,
        statustype=eerste,
        status_gezet_op=nu,
        team_id=zaaktype.team_id,
        geregistreerd_door=medewerker,
        initiator_bsn=initiator.bsn,
        initiator_kvk=initiator.kvk_nummer,
        statuspad=str(eerste.volgnummer),
        gegevens=gegevens or {},
        taal=taal,
    )
    status = Zaakstatus(statustype=eerste, datum_status_gezet=nu, gezet_door=medewerker)
    rol = Rol(
        roltype=initiator_roltype,
        betrokkene_type=Betrokkene.NATUURLIJK_PERSOON if initiator.bsn else Betrokkene.VESTIGING,
        bsn=initiator.bsn,
        kvk_nummer=initiator.kvk_nummer,
        vestigingsnummer=initiator.vestigingsnummer,
        naam=initiator.naam[:200],
        contactpersoon=initiator.contactpersoon[:200],
        emailadres=initiator.emailadres,
        telefoonnummer=initiator.telefoonnummer,
    )
    logregel = logboek.opstellen(
        naam="zaak.registreren", activiteit=ACTIVITEIT, betrokkene=initiator.betrokkene, door=door
    )
    # No full_clean: every field is checked or derived above, and the database's unique constraints
    # guard the number (two existence queries less per case).
    zaak.save(force_insert=True)
    status.zaak = rol.zaak = zaak
    status.save(force_insert=True)
    rol.save(force_insert=True)
    # From the number on, the year's counter stays locked until the commit and every other intake
    # waits (gapless numbering): everything that can be read, derived, prepared or written without
    # the number is done above (intake throughput, bench/dienstverlening.py).
    zaak.identificatie, zaak.volgnummer = zaaknummer_trekken(vandaag.year)
    zaak.jaar = vandaag.year
    Zaak.objects.filter(pk=zaak.pk).update(
        identificatie=zaak.identificatie, jaar=zaak.jaar, volgnummer=zaak.volgnummer
    )
    berichten.zaak_mailen(zaak, sjabloon="ontvangen", aan=initiator.emailadres)
    # Last before commit: the log entry locks the head of the hash chain until then, and every
    # processing of personal data on the platform queues behind that lock.
    logboek.toevoegen(logregel)
    return zaak


def _vergrendeld(zaak: Zaak) -> Zaak:
    """The case row locked for the rest of the transaction: concurrent status changes queue."""
    return Zaak.objects.select_for_update(of=("self",)).select_related("statustype").get(pk=zaak.pk)


def _controleer_overgang(zaak: Zaak, nieuw: Statustype, toelichting: str) -> None:
    """Forward along the zaaktype's order, where a status in between may be skipped only when
    optional; or back to an earlier status with a reason (rework: a request for more information
    answered, a check to do again), which the workflow analysis counts as a loop. Nothing changes
    after the end status."""
    if nieuw.zaaktype_id != zaak.zaaktype_id:
        raise ValidationError({"statustype": _("Deze status hoort niet bij het zaaktype van de zaak.")})
    if zaak.is_afgesloten:
        raise ValidationError({"statustype": _("De zaak is afgesloten; de status verandert niet meer.")})
    huidig = zaak.statustype
    if nieuw.volgnummer == huidig.volgnummer:
        raise ValidationError({"statustype": _("De zaak staat al op '%(huidig)s'.") % {"huidig": huidig}})
    if nieuw.volgnummer < huidig.volgnummer:
        if not toelichting.strip():
            raise ValidationError(
                {"toelichting": _("Schrijf waarom de zaak terug gaat naar '%(nieuw)s'.") % {"nieuw": nieuw}}
            )
        return
    overgeslagen = Statustype.objects.filter(
        zaaktype_id=zaak.zaaktype_id,
        volgnummer__gt=huidig.volgnummer,
        volgnummer__lt=nieuw.volgnummer,
        optioneel=False,
    ).first()
    if overgeslagen is not None:
        raise ValidationError(
            {
                "statustype": _("Eerst moet de status '%(tussen)s' worden gezet voordat '%(nieuw)s' kan.")
                % {"tussen": overgeslagen, "nieuw": nieuw}
            }
        )


def toegestane_statustypen(zaak: Zaak) -> list[Statustype]:
    """The statuses a behandelaar can choose next: the next required one and any optional ones
    before it (the form offers exactly these)."""
    if zaak.is_afgesloten:
        return []
    volgende: list[Statustype] = []
    for statustype in Statustype.objects.filter(
        zaaktype_id=zaak.zaaktype_id, volgnummer__gt=zaak.statustype.volgnummer
    ).order_by("volgnummer"):
        volgende.append(statustype)
        if not statustype.optioneel:
            break
    return volgende


def terugzetbare_statustypen(zaak: Zaak) -> list[Statustype]:
    """The earlier statuses an open case can go back to (with a reason)."""
    if zaak.is_afgesloten:
        return []
    return list(
        Statustype.objects.filter(
            zaaktype_id=zaak.zaaktype_id, volgnummer__lt=zaak.statustype.volgnummer
        ).order_by("volgnummer")
    )


@transaction.atomic
def status_zetten(
    *,
    zaak: Zaak,
    statustype: Statustype,
    door: Medewerker,
    toelichting: str = "",
    resultaattype: Resultaattype | None = None,
) -> Zaak:
    """Moves the case to the next status and records who did it and when (ZGW Status). The end status
    needs a result and closes the case (einddatum); a status marked `informeren` mails the applicant."""
    vereis(door, ZAAK_BEHANDELEN)
    zaak = _vergrendeld(zaak)
    _controleer_overgang(zaak, statustype, toelichting)
    _status_vastleggen(zaak, statustype, door=door, toelichting=toelichting, resultaattype=resultaattype)
    logboek.vastleggen(
        naam="zaak.status_zetten", activiteit=ACTIVITEIT, betrokkene=_betrokkene(zaak), door=door
    )
    return zaak


def _status_vastleggen(
    zaak: Zaak,
    statustype: Statustype,
    *,
    door: Medewerker,
    toelichting: str,
    resultaattype: Resultaattype | None,
    mailen: bool = True,
) -> None:
    """One status change on a locked case whose transition has been checked: the case's own columns,
    the history entry with its predecessor, the mail, and the satisfaction survey on closing."""
    nu = timezone.now()
    vorige, vorig_moment = zaak.statustype, zaak.status_gezet_op
    velden = ["statustype", "status_gezet_op", "statuspad"]
    if statustype.is_eindstatus:
        if resultaattype is None:
            raise ValidationError(
                {"resultaattype": _("Kies het resultaat waarmee de zaak wordt afgesloten.")}
            )
        if resultaattype.zaaktype_id != zaak.zaaktype_id:
            raise ValidationError(
                {"resultaattype": _("Dit resultaat hoort niet bij het zaaktype van de zaak.")}
            )
        zaak.resultaattype = resultaattype
        zaak.einddatum = timezone.localdate(nu)
        velden += ["resultaattype", "einddatum"]
    elif resultaattype is not None:
        raise ValidationError({"resultaattype": _("Een resultaat hoort bij de eindstatus.")})
    zaak.statustype = statustype
    zaak.status_gezet_op = nu
    zaak.statuspad = statuspad_verlengen(zaak.statuspad, statustype.volgnummer)
    zaak.save(update_fields=velden)
    Zaakstatus.objects.create(
        zaak=zaak,
        statustype=statustype,
        datum_status_gezet=nu,
        gezet_door=door,
        toelichting=toelichting.strip(),
        vorige_statustype=vorige,
        seconden_sinds_vorige=max(0, int((nu - vorig_moment).total_seconds())),
    )
    if mailen and (statustype.informeren or statustype.is_eindstatus):
        berichten.zaak_mailen(zaak, sjabloon="afgesloten" if statustype.is_eindstatus else "status")
    if statustype.is_eindstatus:
        kto.uitnodigen_na_zaak(zaak=zaak)


@transaction.atomic
def vraag_afsluiten(*, zaak: Zaak, door: Medewerker, toelichting: str = "") -> Zaak:
    """Closes a question's case once the KCC has answered it (services.klantcontacten): through the
    remaining required statuses to the end status with the result "Beantwoord", at the same moment,
    without status mails (the answer is mailed). The KCC may do this without being a behandelaar, but
    only for a question."""
    vereis(door, KLANTCONTACT_REGISTREREN)
    zaak = _vergrendeld(zaak)
    if zaak.product is None or zaak.product.formulier != Formulier.VRAAG:
        raise ValidationError({"zaak": _("Alleen de zaak van een vraag wordt met het antwoord afgesloten.")})
    if zaak.is_afgesloten:
        raise ValidationError({"zaak": _("De zaak is al afgesloten.")})
    resultaat = Resultaattype.objects.filter(zaaktype_id=zaak.zaaktype_id, omschrijving="Beantwoord").first()
    if resultaat is None:
        raise ValidationError({"zaak": _("Het zaaktype van deze vraag heeft geen resultaat 'Beantwoord'.")})
    for statustype in Statustype.objects.filter(
        zaaktype_id=zaak.zaaktype_id, volgnummer__gt=zaak.statustype.volgnummer, optioneel=False
    ).order_by("volgnummer"):
        _status_vastleggen(
            zaak,
            statustype,
            door=door,
            toelichting=toelichting if statustype.is_eindstatus else "",
            resultaattype=resultaat if statustype.is_eindstatus else None,
            # The answer itself is the mail (services.klantcontacten); no status mails besides it.
            mailen=False,
        )
    logboek.vastleggen(
        naam="zaak.status_zetten", activiteit=ACTIVITEIT, betrokkene=_betrokkene(zaak), door=door
    )
    return zaak


def statuspad_verlengen(statuspad: str, volgnummer: int) -> str:
    """The path with one more status; a very long path (endless rework) keeps its last part, which
    is still a variant of its own for the analysis."""
    pad = f"{statuspad}-{volgnummer}" if statuspad else str(volgnummer)
    if len(pad) > PADLENGTE:
        pad = "…" + pad[-(PADLENGTE - 1) :]
    return pad


def _betrokkene(zaak: Zaak) -> tuple[str, str] | None:
    if zaak.initiator_bsn:
        return ("BSN", zaak.initiator_bsn)
    if zaak.initiator_kvk:
        return ("KVK", zaak.initiator_kvk)
    return None


@transaction.atomic
def zaak_toewijzen(*, zaak: Zaak, behandelaar: Medewerker | None, door: Medewerker) -> Zaak:
    """Gives the case to a behandelaar of its team (or back to the team with None); claiming is
    assigning to oneself, which any behandelaar may do. The behandelaar role follows (ZGW Rol), one
    at a time."""
    vereis(door, ZAAK_BEHANDELEN)
    if behandelaar is not None and not mag(behandelaar, ZAAK_BEHANDELEN):
        raise ValidationError({"behandelaar": _("Deze medewerker mag geen zaken behandelen.")})
    zaak = _vergrendeld(zaak)
    if zaak.is_afgesloten:
        raise ValidationError({"behandelaar": _("De zaak is afgesloten.")})
    if (
        behandelaar is not None
        and behandelaar.pk != door.pk
        and zaak.team_id is not None
        and not Team.objects.filter(pk=zaak.team_id, leden=behandelaar).exists()
    ):
        raise ValidationError(
            {"behandelaar": _("Wijs de zaak toe aan iemand van het team %(team)s.") % {"team": zaak.team}}
        )
    roltype = _roltype(zaak.zaaktype, RolGeneriek.BEHANDELAAR)
    Rol.objects.filter(zaak=zaak, roltype=roltype).delete()
    if behandelaar is not None:
        Rol.objects.create(
            zaak=zaak,
            roltype=roltype,
            betrokkene_type=Betrokkene.MEDEWERKER,
            medewerker=behandelaar,
            naam=behandelaar.weergavenaam,
        )
    zaak.behandelaar = behandelaar
    zaak.save(update_fields=["behandelaar"])
    logboek.vastleggen(naam="zaak.toewijzen", activiteit=ACTIVITEIT, betrokkene=_betrokkene(zaak), door=door)
    return zaak


@transaction.atomic
def notitie_toevoegen(*, zaak: Zaak, tekst: str, door: Medewerker) -> Zaaknotitie:
    vereis(door, ZAAK_BEHANDELEN)
    if not tekst.strip():
        raise ValidationError({"tekst": _("Schrijf een notitie.")})
    notitie = Zaaknotitie.objects.create(zaak=zaak, tekst=tekst.strip(), door=door)
    logboek.vastleggen(
        naam="zaak.notitie_toevoegen", activiteit=ACTIVITEIT, betrokkene=_betrokkene(zaak), door=door
    )
    return notitie


@transaction.atomic
def document_toevoegen(
    *,
    zaak: Zaak,
    bestand: UploadedFile[bytes],
    titel: str,
    door: Door,
    zichtbaar_voor_aanvrager: bool = False,
) -> Zaakdocument:
    """Adds a file after checking its real type and size. A resident adds only to their own open
    case (and sees it); an employee chooses whether the resident sees it."""
    if isinstance(door, Identiteit):
        if not _is_van(zaak, door):
            raise PermissionDenied(_("Dit is niet uw zaak."))
        zichtbaar_voor_aanvrager = True
    else:
        vereis(door, ZAAK_BEHANDELEN)
    if zaak.is_afgesloten:
        raise ValidationError({"bestand": _("De zaak is afgesloten.")})
    try:
        soort = uploads.valideer_upload(bestand, toegestaan=DOCUMENTSOORTEN, max_bytes=MAX_DOCUMENT_BYTES)
    except ValidationError as fout:
        raise ValidationError({"bestand": fout.messages}) from fout
    naam = (bestand.name or "document").rsplit("/", 1)[-1][:200]
    document = Zaakdocument(
        zaak=zaak,
        titel=titel.strip()[:200] or naam,
        bestandsnaam=naam,
        mediatype=soort.mediatype,
        grootte=bestand.size or 0,
        zichtbaar_voor_aanvrager=zichtbaar_voor_aanvrager,
        van_aanvrager=isinstance(door, Identiteit),
        toegevoegd_door=door if isinstance(door, Medewerker) else None,
    )
    document.bestand.save(naam, bestand, save=False)
    document.save()
    logboek.vastleggen(
        naam="zaak.document_toevoegen", activiteit=ACTIVITEIT, betrokkene=_betrokkene(zaak), door=door
    )
    return document


def _is_van(zaak: Zaak, identiteit: Identiteit) -> bool:
    if identiteit.soort is Soort.INWONER:
        return bool(identiteit.bsn) and zaak.initiator_bsn == identiteit.bsn
    return bool(identiteit.kvk_nummer) and zaak.initiator_kvk == identiteit.kvk_nummer


def _controleer_bericht(onderwerp: str, tekst: str) -> None:
    fouten = {}
    if not onderwerp.strip():
        fouten["onderwerp"] = _("Geef het bericht een onderwerp.")
    if not tekst.strip():
        fouten["tekst"] = _("Schrijf het bericht.")
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def bericht_sturen(*, zaak: Zaak, onderwerp: str, tekst: str, door: Medewerker) -> Zaakbericht:
    """A message to the applicant in "Mijn zaken", with an e-mail that one is waiting (the e-mail
    itself holds no case details: mail is not a secure channel)."""
    vereis(door, ZAAK_BEHANDELEN)
    _controleer_bericht(onderwerp, tekst)
    bericht = Zaakbericht.objects.create(
        zaak=zaak,
        soort=Berichtsoort.BERICHT_AAN_AANVRAGER,
        onderwerp=onderwerp.strip()[:200],
        tekst=tekst.strip(),
        door=door,
    )
    logboek.vastleggen(
        naam="zaak.bericht_sturen", activiteit=ACTIVITEIT, betrokkene=_betrokkene(zaak), door=door
    )
    berichten.zaak_mailen(zaak, sjabloon="bericht")
    return bericht


@transaction.atomic
def bericht_van_aanvrager(*, zaak: Zaak, onderwerp: str, tekst: str, door: Identiteit) -> Zaakbericht:
    """A message from the applicant, sent from "Mijn zaken"; only on their own case."""
    if not _is_van(zaak, door):
        raise PermissionDenied(_("Dit is niet uw zaak."))
    _controleer_bericht(onderwerp, tekst)
    bericht = Zaakbericht.objects.create(
        zaak=zaak,
        soort=Berichtsoort.BERICHT_VAN_AANVRAGER,
        onderwerp=onderwerp.strip()[:200],
        tekst=tekst.strip(),
    )
    logboek.vastleggen(
        naam="zaak.bericht_ontvangen", activiteit=ACTIVITEIT, betrokkene=_betrokkene(zaak), door=door
    )
    return bericht
