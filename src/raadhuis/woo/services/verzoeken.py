"""Every write to a Woo request: registration with a gapless kenmerk, clarification asked and
answered, suspensions for a zienswijze, the verdaging, the ingebrekestelling and the behandelaar.

Each service locks the request, checks the rule with `raadhuis.woo.termijnen` (Woo art. 4.1 lid 5,
4.4; Awb 4:15, 6:12), recomputes the decision term from the stored suspensions and verdaging and
stores its end dates, and logs the processing last. Anyone may ask (Woo art. 4.1 lid 1): the web
form needs no login; employees need WOO_VERZOEK_BEHANDELEN.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from raadhuis.accounts.models import Medewerker
from raadhuis.core import logboek
from raadhuis.core.identiteit import Identiteit, Soort
from raadhuis.core.logboek.activiteiten import WOO_VERZOEK_BEHANDELEN as ACTIVITEIT
from raadhuis.core.rechten import mag, vereis
from raadhuis.core.selectors import gelijkgestelde_dagen
from raadhuis.core.taken import na_commit
from raadhuis.core.termijnen import datum_nl
from raadhuis.core.validators import KVK_MELDING, is_kvk_nummer
from raadhuis.woo import termijnen
from raadhuis.woo.models import (
    Ingebrekestelling,
    Kanaal,
    Kenmerkreeks,
    Opschorting,
    Opschortingssoort,
    Verdaging,
    Verzoekstatus,
    WooVerzoek,
)
from raadhuis.woo.rechten import WOO_VERZOEK_BEHANDELEN
from raadhuis.woo.selectors.verzoeken import opschortingen_van, termijn_van, verdaging_van

__all__ = [
    "behandelaar_toewijzen",
    "ingebrekestelling_registreren",
    "kenmerk_trekken",
    "opschorting_beeindigen",
    "verdaging_besluiten",
    "verduidelijking_ontvangen",
    "verduidelijking_vragen",
    "verzoek_registreren",
    "zienswijze_opschorting_registreren",
]

WEBFORMULIER = logboek.Systeemproces(naam="woo-verzoek-webformulier")


def kenmerk_trekken(jaar: int) -> tuple[str, int]:
    """The next kenmerk of the year ("WOO-2026-0001"). The UPDATE takes the year's row lock until the
    transaction ends, so concurrent registrations queue and a rollback returns the number."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("kenmerk_trekken hoort in de transactie die het verzoek registreert.")
    Kenmerkreeks.objects.bulk_create([Kenmerkreeks(jaar=jaar)], ignore_conflicts=True)
    Kenmerkreeks.objects.filter(jaar=jaar).update(laatste=F("laatste") + 1)
    volgnummer = Kenmerkreeks.objects.values_list("laatste", flat=True).get(jaar=jaar)
    return f"WOO-{jaar}-{volgnummer:04d}", volgnummer


def _betrokkene(verzoek: WooVerzoek) -> logboek.Betrokkene | None:
    return ("BSN", verzoek.bsn) if verzoek.bsn else None


def _vastleggen(
    naam: str, verzoek: WooVerzoek, door: Medewerker | Identiteit | logboek.Systeemproces
) -> None:
    """The processing in the logboek (AVG art. 30; BIO 12.4), last in the service's transaction."""
    logboek.vastleggen(naam=naam, activiteit=ACTIVITEIT, betrokkene=_betrokkene(verzoek), door=door)


def _termijn_opslaan(verzoek: WooVerzoek, *, op: date | None = None) -> termijnen.Beslistermijn:
    """Recomputes the term from what is stored and keeps its end dates on the request; an open
    suspension leaves beslistermijn_einde empty (the end is unknown while the clock stands still)."""
    termijn = termijn_van(verzoek, op=op)
    verzoek.eerste_termijn_einde = termijn.eerste_termijn_einde
    verzoek.beslistermijn_einde = termijn.einddatum
    return termijn


def _vergrendeld(verzoek: WooVerzoek) -> WooVerzoek:
    """The request row locked for the rest of the transaction, fresh from the database (no stale
    prefetch of suspensions); concurrent changes to its term queue here."""
    return WooVerzoek.objects.select_for_update().get(pk=verzoek.pk)


def _niet_afgesloten(verzoek: WooVerzoek) -> None:
    if verzoek.is_afgesloten:
        raise ValidationError(
            {
                "status": _("Het verzoek is %(status)s; de termijn verandert niet meer.")
                % {"status": verzoek.get_status_display().lower()}
            }
        )


def _niet_in_de_toekomst(veld: str, datum: date, *, vandaag: date) -> None:
    if datum > vandaag:
        raise ValidationError({veld: _("Deze datum ligt in de toekomst.")})


def _open_opschorting(verzoek: WooVerzoek) -> Opschorting | None:
    return next((o for o in opschortingen_van(verzoek) if o.tot is None), None)


def _als_termijnen(opschortingen: list[Opschorting]) -> list[termijnen.Opschorting]:
    return [termijnen.Opschorting(van=o.van, tot=o.tot, reden=o.reden) for o in opschortingen]


def _als_verdaging(verzoek: WooVerzoek) -> termijnen.Verdaging | None:
    verdaging = verdaging_van(verzoek)
    if verdaging is None:
        return None
    return termijnen.Verdaging(
        besloten_op=verdaging.besloten_op, reden=verdaging.reden, dagen=verdaging.dagen
    )


def _status_na_opschorting(verzoek: WooVerzoek) -> str:
    return Verzoekstatus.IN_BEHANDELING if verzoek.behandelaar_id else Verzoekstatus.ONTVANGEN


def _controleer_contact(
    *, emailadres: str, postadres: str, telefoonnummer: str, verzoeker_naam: str, organisatie: str
) -> None:
    fouten: dict[str, str] = {}
    if emailadres:
        try:
            validate_email(emailadres)
        except ValidationError:
            fouten["emailadres"] = _("Vul een geldig e-mailadres in.")
    elif not postadres.strip():
        fouten["emailadres"] = _(
            "Geef een e-mailadres of een postadres op, zodat wij u het besluit kunnen sturen."
        )
    if len(telefoonnummer) > 20:
        fouten["telefoonnummer"] = _("Een telefoonnummer heeft ten hoogste 20 tekens.")
    if len(verzoeker_naam) > 200:
        fouten["verzoeker_naam"] = _("Een naam heeft ten hoogste 200 tekens.")
    if len(organisatie) > 200:
        fouten["organisatie"] = _("Een organisatienaam heeft ten hoogste 200 tekens.")
    if fouten:
        raise ValidationError(fouten)


def _kvk_nummer(kvk_nummer: str, *, door: Medewerker | Identiteit | None) -> str:
    """The KvK number to store: a business's own from its eHerkenning login, or the one an employee
    entered. On the web form a number is only taken from the login: typed in without it, nobody
    vouches that the requester speaks for that business."""
    if isinstance(door, Identiteit) and door.soort is Soort.ONDERNEMER:
        if kvk_nummer and kvk_nummer != door.kvk_nummer:
            raise ValidationError(
                {"kvk_nummer": _("Het KvK-nummer komt uit uw inlog met eHerkenning en kan niet anders zijn.")}
            )
        kvk_nummer = door.kvk_nummer
    elif not isinstance(door, Medewerker) and kvk_nummer:
        raise ValidationError(
            {"kvk_nummer": _("Een KvK-nummer wordt alleen vastgelegd na inloggen met eHerkenning.")}
        )
    if kvk_nummer and not is_kvk_nummer(kvk_nummer):
        raise ValidationError({"kvk_nummer": KVK_MELDING})
    return kvk_nummer


@transaction.atomic
def verzoek_registreren(
    *,
    onderwerp: str,
    omschrijving: str,
    ontvangen_op: date,
    kanaal: str,
    verzoeker_naam: str = "",
    organisatie: str = "",
    emailadres: str = "",
    telefoonnummer: str = "",
    postadres: str = "",
    periode_van: date | None = None,
    periode_tot: date | None = None,
    kvk_nummer: str = "",
    door: Medewerker | Identiteit | None,
) -> WooVerzoek:
    """Registers a Woo request with its kenmerk and decision term, and sends the acknowledgement
    with the deadline by e-mail once the transaction commits.

    Anyone may ask, without giving a reason (Woo art. 4.1 lid 1 and 3): on the web form `door` is
    None, or the DigiD identity when the requester logged in to follow the request (then the BSN is
    stored), or the eHerkenning identity of a business (then its KvK number is stored, taken from
    the login and never from what was typed); it arrives today through the web form. An employee
    registers an e-mail, letter or desk request on the day it was received (not in the future),
    with the KvK number the business gave, if any."""
    vandaag = timezone.localdate()
    onderwerp = onderwerp.strip()
    verzoeker_naam, organisatie = verzoeker_naam.strip(), organisatie.strip()
    emailadres, telefoonnummer = emailadres.strip(), telefoonnummer.strip()
    if isinstance(door, Medewerker):
        vereis(door, WOO_VERZOEK_BEHANDELEN)
        geregistreerd_door: Medewerker | None = door
    else:
        geregistreerd_door = None
        if kanaal != Kanaal.WEBFORMULIER:
            raise ValidationError(
                {"kanaal": _("Een verzoek via de website komt binnen via het webformulier.")}
            )
        if ontvangen_op != vandaag:
            raise ValidationError({"ontvangen_op": _("Een verzoek via de website is vandaag ontvangen.")})
    fouten: dict[str, str] = {}
    if not onderwerp:
        fouten["onderwerp"] = _("Geef aan over welk onderwerp u informatie wilt (Woo art. 4.1 lid 2).")
    elif len(onderwerp) > 200:
        fouten["onderwerp"] = _("Het onderwerp heeft ten hoogste 200 tekens; beschrijf de rest hieronder.")
    if kanaal not in Kanaal.values:
        fouten["kanaal"] = _("Kies het kanaal waarop het verzoek binnenkwam.")
    if ontvangen_op > vandaag:
        fouten["ontvangen_op"] = _("De ontvangstdatum ligt in de toekomst.")
    if periode_van and periode_tot and periode_tot < periode_van:
        fouten["periode_tot"] = _("Het einde van de periode ligt vóór het begin.")
    if fouten:
        raise ValidationError(fouten)
    _controleer_contact(
        emailadres=emailadres,
        postadres=postadres,
        telefoonnummer=telefoonnummer,
        verzoeker_naam=verzoeker_naam,
        organisatie=organisatie,
    )
    kvk_nummer = _kvk_nummer(kvk_nummer.strip(), door=door)
    bsn = door.bsn if isinstance(door, Identiteit) and door.soort is Soort.INWONER else ""
    termijn = termijnen.beslistermijn(ontvangen_op, op=vandaag, extra_feestdagen=gelijkgestelde_dagen())
    kenmerk, volgnummer = kenmerk_trekken(vandaag.year)
    verzoek = WooVerzoek(
        kenmerk=kenmerk,
        jaar=vandaag.year,
        volgnummer=volgnummer,
        onderwerp=onderwerp,
        omschrijving=omschrijving.strip(),
        periode_van=periode_van,
        periode_tot=periode_tot,
        ontvangen_op=ontvangen_op,
        kanaal=kanaal,
        verzoeker_naam=verzoeker_naam,
        organisatie=organisatie,
        emailadres=emailadres,
        telefoonnummer=telefoonnummer,
        postadres=postadres.strip(),
        bsn=bsn,
        kvk_nummer=kvk_nummer,
        status=Verzoekstatus.ONTVANGEN,
        eerste_termijn_einde=termijn.eerste_termijn_einde,
        beslistermijn_einde=termijn.einddatum,
        geregistreerd_door=geregistreerd_door,
    )
    verzoek.full_clean(validate_unique=False, validate_constraints=False)
    verzoek.save(force_insert=True)
    if verzoek.emailadres:
        _ontvangstbevestiging(verzoek, termijn)
    # Last before commit: the log entry locks the head of the hash chain until then.
    _vastleggen("woo-verzoek.registreren", verzoek, door if door is not None else WEBFORMULIER)
    return verzoek


def _ontvangstbevestiging(verzoek: WooVerzoek, termijn: termijnen.Beslistermijn) -> None:
    """The acknowledgement (Awb art. 4:3a for electronic requests; verify) with the kenmerk, the
    deadline and how it was computed, sent once the registration commits."""
    onderwerp = _("Wij hebben uw Woo-verzoek ontvangen (%(kenmerk)s)") % {"kenmerk": verzoek.kenmerk}
    tekst = render_to_string(
        "woo/mail/verzoek_ontvangen.txt",
        {
            "verzoek": verzoek,
            "einde": datum_nl(termijn.vroegste_einddatum, weekdag=True),
            "ontvangen": datum_nl(verzoek.ontvangen_op),
            "uitleg": termijn.uitleg,
            "site": settings.RAADHUIS_BASIS_URL,
        },
    )
    na_commit(woo_mail_versturen, aan=verzoek.emailadres, onderwerp=onderwerp[:200], tekst=tekst)


@task()
def woo_mail_versturen(*, aan: str, onderwerp: str, tekst: str) -> bool:
    """Sends one e-mail prepared by a Woo service (enqueued on commit)."""
    EmailMessage(subject=onderwerp, body=tekst, to=[aan]).send()
    return True


def _opschorting_toevoegen(
    verzoek: WooVerzoek,
    *,
    soort: str,
    van: date,
    tot: date | None,
    reden: str,
    door: Medewerker,
) -> Opschorting:
    """Checks a new suspension against the stored ones and the verdaging (Woo art. 4.4 lid 3; Awb
    4:15) and saves it; a second open suspension is refused."""
    bestaande = opschortingen_van(verzoek)
    if tot is None and any(o.tot is None for o in bestaande):
        raise ValidationError(
            {"van": _("Er loopt al een opschorting; beëindig die eerst voordat u een nieuwe registreert.")}
        )
    termijnen.opschorting_toetsen(
        ontvangen_op=verzoek.ontvangen_op,
        opschorting=termijnen.Opschorting(van=van, tot=tot, reden=reden.strip()),
        bestaande=_als_termijnen(bestaande),
        verdaging=_als_verdaging(verzoek),
        extra_feestdagen=gelijkgestelde_dagen(),
    )
    return Opschorting.objects.create(
        verzoek=verzoek, soort=soort, van=van, tot=tot, reden=reden.strip(), door=door
    )


def _opslaan(verzoek: WooVerzoek, *velden: str) -> None:
    verzoek.save(update_fields=["eerste_termijn_einde", "beslistermijn_einde", *velden])


@transaction.atomic
def verduidelijking_vragen(*, verzoek: WooVerzoek, reden: str, door: Medewerker) -> WooVerzoek:
    """The request is too general and is sent back to be specified (Woo art. 4.1 lid 5): the term
    stands still from the day after the verzoeker was asked (Awb art. 4:15 lid 1 sub a) until the
    answer arrives (`verduidelijking_ontvangen`)."""
    vereis(door, WOO_VERZOEK_BEHANDELEN)
    verzoek = _vergrendeld(verzoek)
    _niet_afgesloten(verzoek)
    van = timezone.localdate() + timedelta(days=1)
    _opschorting_toevoegen(
        verzoek, soort=Opschortingssoort.VERDUIDELIJKING, van=van, tot=None, reden=reden, door=door
    )
    verzoek.status = Verzoekstatus.VERDUIDELIJKING_GEVRAAGD
    _termijn_opslaan(verzoek)
    _opslaan(verzoek, "status")
    _vastleggen("woo-verzoek.verduidelijking-vragen", verzoek, door)
    return verzoek


def _sluiten(verzoek: WooVerzoek, *, soort: str | None, tot: date) -> Opschorting:
    """Closes the open suspension (of `soort`, when given) on `tot`, the day the answer or the
    zienswijze arrived: the clock runs again on it (Awb 4:15 lid 1; Woo art. 4.4 lid 3)."""
    open_ = _open_opschorting(verzoek)
    if open_ is None or (soort is not None and open_.soort != soort):
        raise ValidationError({"tot": _("Er loopt geen opschorting die kan worden beëindigd.")})
    _niet_in_de_toekomst("tot", tot, vandaag=timezone.localdate())
    # The answer may come on the day it was asked, before the first suspended day: then no day is
    # suspended at all (an empty period).
    if tot < open_.van - timedelta(days=1):
        raise ValidationError(
            {
                "tot": _("Een opschorting kan niet eindigen (%(tot)s) vóór ze begint (%(van)s).")
                % {"tot": datum_nl(tot), "van": datum_nl(open_.van)}
            }
        )
    open_.tot = max(tot, open_.van)
    open_.save(update_fields=["tot"])
    return open_


@transaction.atomic
def verduidelijking_ontvangen(*, verzoek: WooVerzoek, op: date, door: Medewerker) -> WooVerzoek:
    """The verzoeker's answer to the request for clarification arrived on `op`: the term runs again
    from that day (Awb art. 4:15 lid 1 sub a)."""
    vereis(door, WOO_VERZOEK_BEHANDELEN)
    verzoek = _vergrendeld(verzoek)
    _niet_afgesloten(verzoek)
    try:
        _sluiten(verzoek, soort=Opschortingssoort.VERDUIDELIJKING, tot=op)
    except ValidationError as fout:
        raise ValidationError({"op": fout.message_dict["tot"]}) from None
    verzoek.status = _status_na_opschorting(verzoek)
    _termijn_opslaan(verzoek)
    _opslaan(verzoek, "status")
    _vastleggen("woo-verzoek.verduidelijking-ontvangen", verzoek, door)
    return verzoek


@transaction.atomic
def zienswijze_opschorting_registreren(
    *, verzoek: WooVerzoek, van: date, tot: date | None = None, reden: str, door: Medewerker
) -> Opschorting:
    """A third party is asked for its zienswijze (Woo art. 4.4 lid 3, Awb 4:8): the term stands
    still from `van` (the day after the verzoeker was told) until `tot`, the day the zienswijze
    arrives or its term lapses; `tot` None leaves it open until `opschorting_beeindigen`."""
    vereis(door, WOO_VERZOEK_BEHANDELEN)
    verzoek = _vergrendeld(verzoek)
    _niet_afgesloten(verzoek)
    vandaag = timezone.localdate()
    if van > vandaag + timedelta(days=1):
        raise ValidationError(
            {
                "van": _(
                    "Een opschorting begint op zijn laatst op de dag na vandaag (de dag na de mededeling)."
                )
            }
        )
    opschorting = _opschorting_toevoegen(
        verzoek, soort=Opschortingssoort.ZIENSWIJZE, van=van, tot=tot, reden=reden, door=door
    )
    if tot is None or tot > vandaag:
        verzoek.status = Verzoekstatus.ZIENSWIJZE_GEVRAAGD
    _termijn_opslaan(verzoek)
    _opslaan(verzoek, "status")
    _vastleggen("woo-verzoek.opschorting-registreren", verzoek, door)
    return opschorting


@transaction.atomic
def opschorting_beeindigen(*, verzoek: WooVerzoek, tot: date, door: Medewerker) -> WooVerzoek:
    """Ends the open suspension on `tot`, the day the zienswijze or the answer arrived (or its term
    lapsed): the clock runs again on that day (Woo art. 4.4 lid 3; Awb 4:15)."""
    vereis(door, WOO_VERZOEK_BEHANDELEN)
    verzoek = _vergrendeld(verzoek)
    _niet_afgesloten(verzoek)
    _sluiten(verzoek, soort=None, tot=tot)
    verzoek.status = _status_na_opschorting(verzoek)
    _termijn_opslaan(verzoek)
    _opslaan(verzoek, "status")
    _vastleggen("woo-verzoek.opschorting-beeindigen", verzoek, door)
    return verzoek


@transaction.atomic
def verdaging_besluiten(
    *,
    verzoek: WooVerzoek,
    reden: str,
    dagen: int = termijnen.MAXIMALE_VERDAGING_DAGEN,
    besloten_op: date | None = None,
    door: Medewerker,
) -> Verdaging:
    """Extends the term once, by at most two weeks, because of the omvang or gecompliceerdheid of
    the information, decided with reasons before the first term ends (Woo art. 4.4 lid 2)."""
    vereis(door, WOO_VERZOEK_BEHANDELEN)
    verzoek = _vergrendeld(verzoek)
    _niet_afgesloten(verzoek)
    vandaag = timezone.localdate()
    besloten_op = besloten_op or vandaag
    _niet_in_de_toekomst("besloten_op", besloten_op, vandaag=vandaag)
    verdaging = termijnen.Verdaging(besloten_op=besloten_op, reden=reden.strip(), dagen=dagen)
    termijnen.verdaging_toetsen(
        ontvangen_op=verzoek.ontvangen_op,
        verdaging=verdaging,
        opschortingen=_als_termijnen(opschortingen_van(verzoek)),
        eerdere_verdaging=_als_verdaging(verzoek),
        extra_feestdagen=gelijkgestelde_dagen(),
    )
    opgeslagen = Verdaging.objects.create(
        verzoek=verzoek, besloten_op=besloten_op, dagen=dagen, reden=verdaging.reden, door=door
    )
    _termijn_opslaan(verzoek)
    _opslaan(verzoek)
    _vastleggen("woo-verzoek.verdagen", verzoek, door)
    return opgeslagen


@transaction.atomic
def ingebrekestelling_registreren(
    *, verzoek: WooVerzoek, ontvangen_op: date, door: Medewerker
) -> Ingebrekestelling:
    """Registers a notice of default received after the term lapsed (Awb art. 6:12 lid 2); beroep
    is possible two weeks after the day it was received (`termijnen.ingebrekestelling`)."""
    vereis(door, WOO_VERZOEK_BEHANDELEN)
    verzoek = _vergrendeld(verzoek)
    _niet_afgesloten(verzoek)
    _niet_in_de_toekomst("ontvangen_op", ontvangen_op, vandaag=timezone.localdate())
    termijn = _termijn_opslaan(verzoek, op=ontvangen_op)
    termijnen.ingebrekestelling_toetsen(ontvangen_op=ontvangen_op, termijn=termijn)
    ingebrekestelling = Ingebrekestelling.objects.create(
        verzoek=verzoek, ontvangen_op=ontvangen_op, door=door
    )
    _opslaan(verzoek)
    _vastleggen("woo-verzoek.ingebrekestelling-registreren", verzoek, door)
    return ingebrekestelling


@transaction.atomic
def behandelaar_toewijzen(
    *, verzoek: WooVerzoek, behandelaar: Medewerker | None, door: Medewerker
) -> WooVerzoek:
    """Makes `behandelaar` (an active employee who may handle Woo requests) responsible; None
    takes the request off everyone's list. A received request goes in behandeling."""
    vereis(door, WOO_VERZOEK_BEHANDELEN)
    verzoek = _vergrendeld(verzoek)
    _niet_afgesloten(verzoek)
    if behandelaar is not None and not (behandelaar.is_active and mag(behandelaar, WOO_VERZOEK_BEHANDELEN)):
        raise ValidationError({"behandelaar": _("Deze medewerker mag geen Woo-verzoeken behandelen.")})
    verzoek.behandelaar = behandelaar
    if behandelaar is not None and verzoek.status == Verzoekstatus.ONTVANGEN:
        verzoek.status = Verzoekstatus.IN_BEHANDELING
    elif behandelaar is None and verzoek.status == Verzoekstatus.IN_BEHANDELING:
        verzoek.status = Verzoekstatus.ONTVANGEN
    _termijn_opslaan(verzoek)
    _opslaan(verzoek, "behandelaar", "status")
    _vastleggen("woo-verzoek.behandelaar-toewijzen", verzoek, door)
    return verzoek
