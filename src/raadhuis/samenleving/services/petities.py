"""Every change to petitions and burgerinitiatieven: submitting, the griffie's moderation and
handling, admissibility, and signing with DigiD or a confirmed e-mail address (one per person).

Personal data kept to the minimum (AVG art. 5 lid 1 sub c): a signature is a keyed hash of the BSN
or the normalised address, never the value itself; an address is kept only with consent to hear
the outcome (art. 6 lid 1 sub a) and wiped when the petition is handled. Every processing is in
the logboek."""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from raadhuis.core import logboek, zoeken
from raadhuis.core.logboek.activiteiten import PETITIES
from raadhuis.core.taken import na_commit
from raadhuis.core.termijnen import Eenheid, Termijn, bereken_termijn
from raadhuis.samenleving.models import Ondertekening, Petitie
from raadhuis.samenleving.services.abonnementen import petitie_geopend_melden

# An unconfirmed e-mail signature is kept no longer than this (AVG art. 5 lid 1 sub e).
BEVESTIGEN_BINNEN = dt.timedelta(days=7)
# Defaults of a typical Verordening burgerinitiatief (verify locally): the griffie may set other
# values per initiative when it opens it for support.
DREMPEL_STANDAARD = 100
AGENDEREN_BINNEN_MAANDEN_STANDAARD = 3
LANGSTE_PERIODE = dt.timedelta(days=366)
ZOEKSOORT = "samenleving.petitie"
WEBSITE = logboek.Systeemproces("website: petities")
ONDERHOUD = logboek.Systeemproces("taak: petities onderhouden")

Door = AbstractBaseUser


# -- keys and hashes -------------------------------------------------------------------------------


def normaliseer_emailadres(emailadres: str) -> str:
    return emailadres.strip().lower()


def ondertekenaarhash(petitie: Petitie, *, kanaal: str, waarde: str) -> str:
    """The keyed hash that stands for the signer: per petition, so two petitions' hashes cannot be
    linked, and under SECRET_KEY, so a copy of the database cannot be matched against a BSN list."""
    return salted_hmac(
        "raadhuis.samenleving.ondertekening", f"{petitie.pk}:{kanaal}:{waarde}", algorithm="sha256"
    ).hexdigest()


def sleutel(ondertekening: Ondertekening) -> str:
    """The secret in the confirmation link of an e-mail signature."""
    return salted_hmac(
        "raadhuis.samenleving.ondertekening.bevestigen", f"{ondertekening.pk}:{ondertekening.nonce}"
    ).hexdigest()


def sleutel_klopt(ondertekening: Ondertekening, gegeven: str) -> bool:
    return bool(ondertekening.nonce) and constant_time_compare(sleutel(ondertekening), gegeven)


def woont_in_gemeente(bsn: str) -> bool | None:
    """Whether the BRP lists this person as an inhabitant. The platform has no BRP connection (Haal
    Centraal Personen) yet, so the answer is unknown (None) and the supporter's own declaration
    counts; connect the BRP here and a False answer refuses the support."""
    return None


# -- helpers ---------------------------------------------------------------------------------------


def _log(naam: str, betrokkene: logboek.Betrokkene | None, door: logboek.Door = WEBSITE) -> None:
    logboek.vastleggen(naam=naam, activiteit=PETITIES, betrokkene=betrokkene, door=door)


def _mail(*, aan: str, onderwerp: str, sjabloon: str, context: dict[str, object]) -> None:
    tekst = render_to_string(sjabloon, {**context, "site": settings.RAADHUIS_BASIS_URL})
    bericht = EmailMessage(subject=onderwerp, body=tekst, to=[aan])
    transaction.on_commit(bericht.send)


def _initiatiefnemer_mailen(petitie: Petitie, *, onderwerp: str, sjabloon: str, link: bool = False) -> None:
    context: dict[str, object] = {"petitie": petitie}
    if link:
        context["link"] = _url("petitie", petitie.pk)
    _mail(
        aan=petitie.initiatiefnemer_email,
        onderwerp=onderwerp,
        sjabloon=f"samenleving/petities/mail/{sjabloon}.txt",
        context=context,
    )


def _url(naam: str, *args: object) -> str:
    return f"{settings.RAADHUIS_BASIS_URL}{reverse(f'samenleving:{naam}', args=args)}"


def _indexeren(petitie: Petitie) -> None:
    """Open and later petitions are in the site search; submitted and refused ones are not."""
    if petitie.status in (Petitie.Status.AANGEVRAAGD, Petitie.Status.GEWEIGERD):
        zoeken.document_verwijderen(soort=ZOEKSOORT, sleutel=str(petitie.pk))
        return
    zoeken.document_bijwerken(
        soort=ZOEKSOORT,
        sleutel=str(petitie.pk),
        titel=petitie.titel,
        tekst=petitie.tekst,
        url=reverse("samenleving:petitie", args=[petitie.pk]),
        openbaar=True,
        datum=petitie.ondertekenen_van,
        kenmerken={"soort": [petitie.soort], "status": [petitie.status]},
    )


def _vereis_status(petitie: Petitie, *statussen: str, melding: str) -> None:
    if petitie.status not in statussen:
        raise ValidationError(melding)


def _opslaan(petitie: Petitie, velden: list[str]) -> Petitie:
    petitie.full_clean()
    petitie.save(update_fields=velden)
    _indexeren(petitie)
    return petitie


def _periode_controleren(van: dt.date, tot: dt.date, *, veld: str = "ondertekenen_tot") -> None:
    if tot < van:
        raise ValidationError({veld: _("De einddatum ligt voor de begindatum.")})
    if tot - van > LANGSTE_PERIODE:
        raise ValidationError({veld: _("Ondertekenen kan hoogstens een jaar.")})


# -- submitting and moderation (the griffie) -------------------------------------------------------


@transaction.atomic
def petitie_indienen(
    *,
    soort: str,
    titel: str,
    tekst: str,
    initiatiefnemer_naam: str,
    initiatiefnemer_email: str,
    organisatie: str = "",
    ondertekenen_tot: dt.date,
) -> Petitie:
    """A resident offers a petition or burgerinitiatief; the griffie checks it before it opens."""
    vandaag = timezone.localdate()
    fouten: dict[str, list[str]] = {}
    if soort not in Petitie.Soort.values:
        fouten["soort"] = [_("Kies petitie of burgerinitiatief.")]
    if not titel.strip():
        fouten["titel"] = [_("Vul een titel in.")]
    if not tekst.strip():
        fouten["tekst"] = [_("Schrijf wat u de raad vraagt.")]
    if not initiatiefnemer_naam.strip():
        fouten["initiatiefnemer_naam"] = [_("Vul uw naam in.")]
    try:
        validate_email(normaliseer_emailadres(initiatiefnemer_email))
    except ValidationError:
        fouten["initiatiefnemer_email"] = [
            _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")
        ]
    if ondertekenen_tot <= vandaag:
        fouten["ondertekenen_tot"] = [_("Kies een einddatum na vandaag.")]
    elif ondertekenen_tot - vandaag > LANGSTE_PERIODE:
        fouten["ondertekenen_tot"] = [_("Ondertekenen kan hoogstens een jaar.")]
    if fouten:
        raise ValidationError(fouten)
    petitie = Petitie(
        soort=soort,
        titel=titel.strip(),
        tekst=tekst.strip(),
        initiatiefnemer_naam=initiatiefnemer_naam.strip(),
        initiatiefnemer_email=normaliseer_emailadres(initiatiefnemer_email),
        organisatie=organisatie.strip(),
        ondertekenen_tot=ondertekenen_tot,
        ingediend_op=timezone.now(),
    )
    petitie.full_clean()
    petitie.save()
    _log("petitie ingediend", ("e-mailadres", petitie.initiatiefnemer_email))
    _initiatiefnemer_mailen(petitie, onderwerp=_("Uw petitie is ontvangen"), sjabloon="ontvangen")
    return petitie


@transaction.atomic
def petitie_openen(
    *,
    petitie: Petitie,
    ondertekenen_tot: dt.date | None = None,
    drempel: int | None = None,
    agenderen_binnen_maanden: int | None = None,
    door: Door,
) -> Petitie:
    """The griffie admits the petition: it opens for signing today. A burgerinitiatief gets the
    verordening's threshold and term (defaults above, verify locally)."""
    _vereis_status(
        petitie, Petitie.Status.AANGEVRAAGD, melding=_("Alleen een ingediende petitie kan worden geopend.")
    )
    vandaag = timezone.localdate()
    tot = ondertekenen_tot or petitie.ondertekenen_tot
    if tot < vandaag:
        raise ValidationError({"ondertekenen_tot": _("Kies een einddatum vanaf vandaag.")})
    _periode_controleren(vandaag, tot)
    if petitie.is_burgerinitiatief:
        drempel = DREMPEL_STANDAARD if drempel is None else drempel
        maanden = (
            AGENDEREN_BINNEN_MAANDEN_STANDAARD
            if agenderen_binnen_maanden is None
            else agenderen_binnen_maanden
        )
        if drempel < 1:
            raise ValidationError({"drempel": _("Het vereiste aantal ondersteuners is ten minste 1.")})
        if maanden < 1:
            raise ValidationError({"agenderen_binnen_maanden": _("De termijn is ten minste 1 maand.")})
        petitie.drempel, petitie.agenderen_binnen_maanden = drempel, maanden
    petitie.status = Petitie.Status.OPEN
    petitie.ondertekenen_van, petitie.ondertekenen_tot = vandaag, tot
    _opslaan(
        petitie, ["status", "ondertekenen_van", "ondertekenen_tot", "drempel", "agenderen_binnen_maanden"]
    )
    _log("petitie geopend", None, door)
    _initiatiefnemer_mailen(
        petitie, onderwerp=_("Uw petitie staat open voor ondertekening"), sjabloon="geopend", link=True
    )
    # Subscribers to new petitions hear of it after the commit, through the outbox.
    na_commit(petitie_geopend_melden_taak, petitie.pk)
    return petitie


@task()
def petitie_geopend_melden_taak(petitie_id: int) -> int:
    """Tells the subscribers to new petitions; once per petition, however often it runs."""
    petitie = Petitie.objects.filter(pk=petitie_id, status=Petitie.Status.OPEN).first()
    if petitie is None:
        return 0
    return petitie_geopend_melden(
        titel=petitie.titel, url=_url("petitie", petitie.pk), sleutel=f"petitie-{petitie.pk}-geopend"
    )


@transaction.atomic
def petitie_weigeren(*, petitie: Petitie, reden: str, door: Door) -> Petitie:
    """The griffie refuses to open it (insulting, not addressed to the raad…) and says why."""
    _vereis_status(
        petitie, Petitie.Status.AANGEVRAAGD, melding=_("Alleen een ingediende petitie kan worden geweigerd.")
    )
    if not reden.strip():
        raise ValidationError({"reden": _("Schrijf waarom de petitie wordt geweigerd.")})
    petitie.status = Petitie.Status.GEWEIGERD
    petitie.weigerreden = reden.strip()
    _opslaan(petitie, ["status", "weigerreden"])
    _log("petitie geweigerd", ("e-mailadres", petitie.initiatiefnemer_email), door)
    _initiatiefnemer_mailen(petitie, onderwerp=_("Uw petitie is niet geopend"), sjabloon="geweigerd")
    return petitie


@transaction.atomic
def petitie_sluiten(*, petitie: Petitie, door: Door) -> Petitie:
    """Ends the signing (at the end of the period, or earlier at the initiator's request)."""
    _vereis_status(petitie, Petitie.Status.OPEN, melding=_("Alleen een open petitie kan worden gesloten."))
    petitie.status = Petitie.Status.GESLOTEN
    petitie.gesloten_op = timezone.localdate()
    _opslaan(petitie, ["status", "gesloten_op"])
    _log("petitie gesloten", None, door)
    return petitie


def verlopen_petities_sluiten(*, door: Door | logboek.Systeemproces = ONDERHOUD) -> int:
    """Closes every open petition whose period has ended; returns how many."""
    gesloten = 0
    for petitie in Petitie.objects.filter(
        status=Petitie.Status.OPEN, ondertekenen_tot__lt=timezone.localdate()
    ).order_by("pk"):
        with transaction.atomic():
            petitie.status = Petitie.Status.GESLOTEN
            petitie.gesloten_op = petitie.ondertekenen_tot
            _opslaan(petitie, ["status", "gesloten_op"])
            _log("petitie gesloten na einde periode", None, door)
            gesloten += 1
    return gesloten


def aantal_ondertekeningen(petitie: Petitie) -> int:
    return petitie.ondertekeningen.filter(bevestigd_op__isnull=False).count()


def aantal_ondersteuners_inwoner(petitie: Petitie) -> int:
    return petitie.ondertekeningen.filter(bevestigd_op__isnull=False, inwoner=True).count()


def drempel_gehaald(petitie: Petitie) -> bool:
    """Verordening burgerinitiatief (verify locally): enough supporting inhabitants."""
    return petitie.drempel is not None and aantal_ondersteuners_inwoner(petitie) >= petitie.drempel


def _agenderen_termijn(petitie: Petitie) -> dt.date:
    """The term within which an admissible burgerinitiatief is on the raad's agenda, counted from
    the admissibility decision (Verordening burgerinitiatief, verify locally; Algemene termijnenwet)."""
    uitkomst = bereken_termijn(
        gebeurtenis=petitie.ontvankelijkheid_op or timezone.localdate(),
        termijn=Termijn(
            petitie.agenderen_binnen_maanden or AGENDEREN_BINNEN_MAANDEN_STANDAARD, Eenheid.MAANDEN
        ),
        gebeurtenis_omschrijving=_("ontvankelijkverklaring"),
    )
    return uitkomst.einddatum


@transaction.atomic
def ontvankelijkheid_beslissen(
    *,
    petitie: Petitie,
    ontvankelijk: bool,
    grond: str = "",
    toelichting: str = "",
    beslist_op: dt.date | None = None,
    door: Door,
) -> Petitie:
    """Records the admissibility of a closed burgerinitiatief (Verordening burgerinitiatief, verify
    locally). Admissible needs the threshold of supporting inhabitants; it then sets the date by
    which the raad must have it on its agenda."""
    if not petitie.is_burgerinitiatief:
        raise ValidationError(_("Alleen over een burgerinitiatief wordt de ontvankelijkheid beslist."))
    _vereis_status(
        petitie,
        Petitie.Status.GESLOTEN,
        melding=_("De ontvankelijkheid wordt beslist nadat de ondersteuning is gesloten."),
    )
    if petitie.ontvankelijkheid != Petitie.Ontvankelijkheid.ONBESLIST:
        raise ValidationError(_("Over de ontvankelijkheid is al beslist."))
    vandaag = timezone.localdate()
    beslist_op = beslist_op or vandaag
    if beslist_op > vandaag:
        raise ValidationError({"beslist_op": _("De datum van de beslissing ligt niet in de toekomst.")})
    if ontvankelijk:
        if not drempel_gehaald(petitie):
            raise ValidationError(
                {
                    "ontvankelijk": _(
                        "Er zijn %(aantal)s ondersteuners die inwoner zijn; "
                        "de verordening vraagt er %(drempel)s."
                    )
                    % {"aantal": aantal_ondersteuners_inwoner(petitie), "drempel": petitie.drempel}
                }
            )
        petitie.ontvankelijkheid = Petitie.Ontvankelijkheid.ONTVANKELIJK
        petitie.weigeringsgrond = ""
    else:
        if grond not in Petitie.Weigeringsgrond.values:
            raise ValidationError({"grond": _("Kies de grond waarop het niet ontvankelijk is.")})
        petitie.ontvankelijkheid = Petitie.Ontvankelijkheid.NIET_ONTVANKELIJK
        petitie.weigeringsgrond = grond
    petitie.ontvankelijkheid_toelichting = toelichting.strip()
    petitie.ontvankelijkheid_op = beslist_op
    petitie.agenderen_uiterlijk = _agenderen_termijn(petitie) if ontvankelijk else None
    _opslaan(
        petitie,
        [
            "ontvankelijkheid",
            "weigeringsgrond",
            "ontvankelijkheid_toelichting",
            "ontvankelijkheid_op",
            "agenderen_uiterlijk",
        ],
    )
    _log("ontvankelijkheid burgerinitiatief beslist", ("e-mailadres", petitie.initiatiefnemer_email), door)
    _initiatiefnemer_mailen(
        petitie,
        onderwerp=_("Beslissing over de ontvankelijkheid van uw burgerinitiatief"),
        sjabloon="ontvankelijkheid",
        link=True,
    )
    return petitie


@transaction.atomic
def petitie_aanbieden(
    *, petitie: Petitie, aangeboden_op: dt.date, vergadering_id: int | None = None, door: Door
) -> Petitie:
    """The petition is offered to the raad (handed over, or on the agenda of the meeting given).
    A burgerinitiatief must first be admissible."""
    _vereis_status(
        petitie,
        Petitie.Status.GESLOTEN,
        melding=_("Een petitie wordt aangeboden nadat de ondertekening is gesloten."),
    )
    if petitie.is_burgerinitiatief and petitie.ontvankelijkheid != Petitie.Ontvankelijkheid.ONTVANKELIJK:
        raise ValidationError(_("Een burgerinitiatief komt pas op de agenda als het ontvankelijk is."))
    if petitie.gesloten_op is not None and aangeboden_op < petitie.gesloten_op:
        raise ValidationError({"aangeboden_op": _("De datum ligt voor het sluiten van de ondertekening.")})
    petitie.status = Petitie.Status.AANGEBODEN
    petitie.aangeboden_op = aangeboden_op
    petitie.vergadering_id = vergadering_id
    _opslaan(petitie, ["status", "aangeboden_op", "vergadering_id"])
    _log("petitie aangeboden aan de raad", None, door)
    return petitie


@transaction.atomic
def petitie_afhandelen(*, petitie: Petitie, antwoord: str, afgehandeld_op: dt.date, door: Door) -> int:
    """Records the raad's answer, tells the initiator and every signer who asked, and then forgets
    their addresses (AVG art. 5 lid 1 sub e: no longer needed). Returns the number of mails."""
    _vereis_status(
        petitie, Petitie.Status.AANGEBODEN, melding=_("Alleen een aangeboden petitie kan worden afgehandeld.")
    )
    if not antwoord.strip():
        raise ValidationError({"antwoord": _("Vul het antwoord van de raad in.")})
    if petitie.aangeboden_op is not None and afgehandeld_op < petitie.aangeboden_op:
        raise ValidationError({"afgehandeld_op": _("De datum ligt voor het aanbieden aan de raad.")})
    petitie.status = Petitie.Status.AFGEHANDELD
    petitie.antwoord = antwoord.strip()
    petitie.afgehandeld_op = afgehandeld_op
    adressen = [petitie.initiatiefnemer_email] if petitie.initiatiefnemer_email else []
    adressen += list(
        petitie.ondertekeningen.filter(op_de_hoogte=True, bevestigd_op__isnull=False)
        .exclude(emailadres="")
        .values_list("emailadres", flat=True)
    )
    for adres in dict.fromkeys(adressen):
        _mail(
            aan=adres,
            onderwerp=_("De raad heeft de petitie '%(titel)s' afgehandeld") % {"titel": petitie.titel},
            sjabloon="samenleving/petities/mail/afgehandeld.txt",
            context={"petitie": petitie, "link": _url("petitie", petitie.pk)},
        )
        _log("uitkomst petitie gemaild; e-mailadres gewist", ("e-mailadres", adres), door)
    petitie.initiatiefnemer_email = ""
    _opslaan(petitie, ["status", "antwoord", "afgehandeld_op", "initiatiefnemer_email"])
    petitie.ondertekeningen.update(emailadres="", op_de_hoogte=False)
    petitie.ondertekeningen.filter(bevestigd_op__isnull=True).delete()
    return len(dict.fromkeys(adressen))


# -- signing ---------------------------------------------------------------------------------------


def _kan_ondertekenen(petitie: Petitie) -> None:
    vandaag = timezone.localdate()
    if petitie.status != Petitie.Status.OPEN or petitie.ondertekenen_tot < vandaag:
        raise ValidationError(_("Deze petitie kan niet (meer) worden ondertekend."))


def _op_de_hoogte(op_de_hoogte: bool, emailadres: str) -> str:
    """The address to keep for the outcome, or "" without consent."""
    if not op_de_hoogte:
        return ""
    adres = normaliseer_emailadres(emailadres)
    try:
        validate_email(adres)
    except ValidationError as fout:
        raise ValidationError(
            {
                "emailadres": _(
                    "Vul uw e-mailadres in om op de hoogte te blijven, bijvoorbeeld naam@voorbeeld.nl."
                )
            }
        ) from fout
    return adres


AL_ONDERTEKEND = gettext_lazy(
    "U heeft deze petitie al ondertekend. Iedereen kan een petitie één keer ondertekenen."
)


def verlopen_ondertekeningen_opruimen() -> int:
    """Forgets e-mail signatures not confirmed within 7 days (AVG art. 5 lid 1 sub e)."""
    aantal, _details = Ondertekening.objects.filter(
        bevestigd_op__isnull=True, aangevraagd_op__lt=timezone.now() - BEVESTIGEN_BINNEN
    ).delete()
    return aantal


@transaction.atomic
def ondertekenen_met_digid(
    *,
    petitie: Petitie,
    bsn: str,
    inwoner_verklaard: bool = False,
    op_de_hoogte: bool = False,
    emailadres: str = "",
) -> Ondertekening:
    """A resident logged in with DigiD (level basis suffices) signs; the signature counts at once.
    For a burgerinitiatief the supporter must be an inhabitant: the BRP's answer when there is
    one, else their declaration (see woont_in_gemeente)."""
    _kan_ondertekenen(petitie)
    if not bsn:
        raise ValidationError(_("Log in met DigiD om te ondertekenen."))
    inwoner = False
    if petitie.is_burgerinitiatief:
        volgens_brp = woont_in_gemeente(bsn)
        if volgens_brp is False:
            raise ValidationError(
                _("Alleen inwoners van de gemeente kunnen een burgerinitiatief ondersteunen.")
            )
        if volgens_brp is None and not inwoner_verklaard:
            raise ValidationError(
                {"inwoner_verklaard": _("Verklaar dat u in de gemeente woont; alleen inwoners tellen mee.")}
            )
        inwoner = True
    adres = _op_de_hoogte(op_de_hoogte, emailadres)
    hash_ = ondertekenaarhash(petitie, kanaal=Ondertekening.Kanaal.DIGID, waarde=bsn)
    if Ondertekening.objects.filter(petitie=petitie, sleutelhash=hash_).exists():
        raise ValidationError(AL_ONDERTEKEND)
    nu = timezone.now()
    ondertekening = Ondertekening(
        petitie=petitie,
        kanaal=Ondertekening.Kanaal.DIGID,
        sleutelhash=hash_,
        aangevraagd_op=nu,
        bevestigd_op=nu,
        inwoner=inwoner,
        op_de_hoogte=bool(adres),
        emailadres=adres,
    )
    ondertekening.full_clean(exclude=["sleutelhash"])
    try:
        with transaction.atomic():
            ondertekening.save()
    except IntegrityError as fout:  # the same person in two tabs at the same moment
        raise ValidationError(AL_ONDERTEKEND) from fout
    _log("petitie ondertekend met DigiD", ("BSN", bsn))
    return ondertekening


@transaction.atomic
def ondertekenen_per_email(*, petitie: Petitie, emailadres: str, op_de_hoogte: bool = False) -> Ondertekening:
    """Asks to sign with an e-mail address and mails the confirmation link; the signature counts
    once confirmed. A second request before confirming sends a new link. A burgerinitiatief needs
    DigiD: only then can the platform tell inhabitants apart."""
    _kan_ondertekenen(petitie)
    if petitie.is_burgerinitiatief:
        raise ValidationError(
            _("Een burgerinitiatief ondersteunt u met DigiD, zodat wij weten dat u inwoner bent.")
        )
    adres = normaliseer_emailadres(emailadres)
    try:
        validate_email(adres)
    except ValidationError as fout:
        raise ValidationError(
            {"emailadres": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")}
        ) from fout
    verlopen_ondertekeningen_opruimen()
    hash_ = ondertekenaarhash(petitie, kanaal=Ondertekening.Kanaal.EMAIL, waarde=adres)
    ondertekening = (
        Ondertekening.objects.select_for_update().filter(petitie=petitie, sleutelhash=hash_).first()
    )
    if ondertekening is not None and ondertekening.bevestigd_op is not None:
        raise ValidationError({"emailadres": AL_ONDERTEKEND})
    ondertekening = ondertekening or Ondertekening(
        petitie=petitie, kanaal=Ondertekening.Kanaal.EMAIL, sleutelhash=hash_
    )
    ondertekening.nonce = secrets.token_hex(16)
    ondertekening.aangevraagd_op = timezone.now()
    ondertekening.op_de_hoogte = op_de_hoogte
    ondertekening.emailadres = adres if op_de_hoogte else ""
    ondertekening.full_clean(exclude=["petitie", "sleutelhash"])
    try:
        with transaction.atomic():
            ondertekening.save()
    except IntegrityError:
        return ondertekening  # asked twice at the same moment; the first request mails the link
    _log("ondertekening per e-mail aangevraagd", ("e-mailadres", adres))
    _mail(
        aan=adres,
        onderwerp=_("Bevestig uw ondertekening van '%(titel)s'") % {"titel": petitie.titel},
        sjabloon="samenleving/petities/mail/bevestigen.txt",
        context={
            "petitie": petitie,
            "bevestigen": _url("ondertekening_bevestigen", ondertekening.pk, sleutel(ondertekening)),
            "dagen": BEVESTIGEN_BINNEN.days,
        },
    )
    return ondertekening


def is_verlopen(ondertekening: Ondertekening) -> bool:
    return (
        ondertekening.bevestigd_op is None
        and ondertekening.aangevraagd_op < timezone.now() - BEVESTIGEN_BINNEN
    )


@transaction.atomic
def ondertekening_bevestigen(*, ondertekening: Ondertekening) -> Ondertekening:
    """Confirms an e-mail signature (the caller checked the link's key with `sleutel_klopt`)."""
    if ondertekening.bevestigd_op is not None:
        return ondertekening
    if is_verlopen(ondertekening):
        raise ValidationError(_("Deze link is verlopen. Onderteken opnieuw; u krijgt dan een nieuwe link."))
    _kan_ondertekenen(ondertekening.petitie)
    ondertekening.bevestigd_op = timezone.now()
    ondertekening.save(update_fields=["bevestigd_op"])
    _log("ondertekening per e-mail bevestigd", None)
    return ondertekening
