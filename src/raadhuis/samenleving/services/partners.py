"""Writes about maatschappelijke partners: partners, contact persons, convenanten and
subsidieverplichtingen, and their active publication in the register (Woo art. 3.3 lid 2 onder f and h).

Subsidieverplichtingen anders dan met beschikking (category 2h) are obligatory only for some bodies
(the TOOI list notes Min. BZ; woo.md section 4). The gemeente publishes them actively anyway (Woo
art. 3.1: actively disclose what serves good governance; subsidies are public money), in the
category that names them, so they are found where a reader of other bodies finds them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from raadhuis.core import logboek, pdf, uploads, zoeken
from raadhuis.core.rechten import vereis
from raadhuis.publicatie import services as publicatie
from raadhuis.publicatie import waardelijsten
from raadhuis.samenleving.models import (
    Contactpersoon,
    Convenant,
    Openbaarmaking,
    Partner,
    Subsidiegrondslag,
    Subsidieverplichting,
)
from raadhuis.samenleving.rechten import PARTNERS_BEHEREN, SUBSIDIES_BEHEREN
from raadhuis.samenleving.selectors.partners import (
    VERWERKING_CONTACTPERSONEN,
    ZOEKSOORT_PARTNER,
    programmadoelen,
)

BRON = "samenleving"

PARTNERVELDEN = ("naam", "kvk_nummer", "soort", "website", "omschrijving", "actief")
CONTACTVELDEN = ("naam", "functie", "email", "telefoon")
CONVENANTVELDEN = ("titel", "onderwerp", "ondertekend_op", "geldig_van", "geldig_tot")
SUBSIDIEVELDEN = (
    "partner",
    "doel",
    "toelichting",
    "bedrag",
    "van_jaar",
    "tot_en_met_jaar",
    "vorm",
    "grondslag",
    "grondslag_toelichting",
    "aangegaan_op",
)
DOCUMENT_MAX_BYTES = 50_000_000
# Awb art. 4:23 lid 3: an incidental subsidy without a verordening for at most four years, one
# awaiting a verordening for at most one (verify locally).
MAX_JAREN: dict[str, int] = {Subsidiegrondslag.INCIDENTEEL: 4, Subsidiegrondslag.OVERGANG: 1}
MAX_BEDRAG = Decimal("9999999999.99")


def woo_categorie(artikel: str) -> str:
    """The TOOI URI of a Woo art. 3.3 category by its article code ("2f"), from the value list the
    publication module loads (so no URI is typed here)."""
    return next(c.uri for c in waardelijsten.categorieen() if c.artikel == artikel)


def _documentsoort_convenant() -> str:
    return next((uri for uri, label in waardelijsten.documentsoorten().items() if label == "convenant"), "")


def _onbekende_velden(gegevens: dict[str, Any], toegestaan: Iterable[str]) -> None:
    onbekend = set(gegevens) - set(toegestaan)
    if onbekend:
        raise ValidationError(_("Onbekende velden: %(velden)s.") % {"velden": ", ".join(sorted(onbekend))})


def _doelen_controleren(doelen: Iterable[int]) -> list[int]:
    """Goals must be programme goals of the begroting (uitvoering's list)."""
    gekozen = list(dict.fromkeys(doelen))
    bekend = {d.pk for d in programmadoelen()}
    if any(pk not in bekend for pk in gekozen):
        raise ValidationError({"doelen": _("Kies programmadoelen uit de lijst.")})
    return gekozen


# Words of the Werkplek addresses next to /werkplek/partners/<slug>/.
GERESERVEERD = frozenset({"nieuw", "convenanten", "subsidies", "contactpersonen"})


def _unieke_slug(naam: str, pk: int | None) -> str:
    andere = Partner.objects.exclude(pk=pk) if pk else Partner.objects.all()
    basis = slugify(naam)[:70] or "partner"
    slug, volgnummer = basis, 2
    while slug in GERESERVEERD or andere.filter(slug=slug).exists():
        slug, volgnummer = f"{basis}-{volgnummer}", volgnummer + 1
    return slug


def partner_indexeren(partner: Partner) -> None:
    """The partner's public page in the site search: its description and what is published about it.
    An inactive partner is not public (it stays in the index for employees)."""
    convenanten = partner.convenanten.filter(status=Openbaarmaking.GEPUBLICEERD).values_list(
        "titel", flat=True
    )
    subsidies = partner.subsidieverplichtingen.filter(status=Openbaarmaking.GEPUBLICEERD).values_list(
        "doel", flat=True
    )
    zoeken.document_bijwerken(
        soort=ZOEKSOORT_PARTNER,
        sleutel=str(partner.pk),
        titel=partner.naam,
        tekst="\n".join([partner.get_soort_display(), partner.omschrijving, *convenanten, *subsidies]),
        url=reverse("samenleving:partner", args=[partner.slug]),
        openbaar=partner.actief,
        kenmerken={"soort": [partner.soort]},
    )


@transaction.atomic
def partner_vastleggen(
    *,
    door: AbstractBaseUser,
    gegevens: dict[str, Any],
    partner: Partner | None = None,
    doelen: Iterable[int] | None = None,
) -> Partner:
    """Creates or changes a partner. The KvK number is eight digits and belongs to one partner."""
    vereis(door, PARTNERS_BEHEREN, partner)
    _onbekende_velden(gegevens, PARTNERVELDEN)
    partner = partner or Partner()
    for veld, waarde in gegevens.items():
        setattr(partner, veld, waarde.strip() if isinstance(waarde, str) else waarde)
    gekozen = _doelen_controleren(doelen) if doelen is not None else None
    if not partner.slug:
        partner.slug = _unieke_slug(partner.naam, partner.pk)
    partner.full_clean()
    partner.save()
    if gekozen is not None:
        partner.doelen.set(gekozen)
    partner_indexeren(partner)
    return partner


def _contact_vastleggen(naam: str, contactpersoon: Contactpersoon, door: AbstractBaseUser) -> None:
    logboek.vastleggen(
        naam=naam,
        activiteit=VERWERKING_CONTACTPERSONEN,
        betrokkene=("e-mailadres", contactpersoon.email) if contactpersoon.email else None,
        door=door,
    )


@transaction.atomic
def contactpersoon_toevoegen(
    *, door: AbstractBaseUser, partner: Partner, gegevens: dict[str, Any]
) -> Contactpersoon:
    """Records a contact person: name and work contact details only (AVG art. 5 lid 1 onder c),
    logged in the Logboek Dataverwerkingen (AVG art. 30)."""
    vereis(door, PARTNERS_BEHEREN, partner)
    _onbekende_velden(gegevens, CONTACTVELDEN)
    contactpersoon = Contactpersoon(partner=partner)
    for veld, waarde in gegevens.items():
        setattr(contactpersoon, veld, waarde.strip() if isinstance(waarde, str) else waarde)
    if contactpersoon.telefoon and not all(t in "0123456789+-() " for t in contactpersoon.telefoon):
        raise ValidationError(
            {"telefoon": _("Een telefoonnummer bevat alleen cijfers, spaties, +, - en haakjes.")}
        )
    if not contactpersoon.email and not contactpersoon.telefoon:
        raise ValidationError({"email": _("Vul een e-mailadres of telefoonnummer in.")})
    contactpersoon.full_clean()
    contactpersoon.save()
    _contact_vastleggen("partner.contactpersoon.toevoegen", contactpersoon, door)
    return contactpersoon


@transaction.atomic
def contactpersoon_verwijderen(*, door: AbstractBaseUser, contactpersoon: Contactpersoon) -> None:
    """Removes a contact person who left (AVG art. 5 lid 1 onder e: not kept longer than needed)."""
    vereis(door, PARTNERS_BEHEREN, contactpersoon.partner)
    _contact_vastleggen("partner.contactpersoon.verwijderen", contactpersoon, door)
    contactpersoon.delete()


def _document_controleren(bestand: UploadedFile[bytes]) -> uploads.Bestandssoort:
    try:
        return uploads.valideer_upload(bestand, toegestaan=uploads.DOCUMENTEN, max_bytes=DOCUMENT_MAX_BYTES)
    except ValidationError as fout:
        raise ValidationError({"document": fout.messages}) from fout


@transaction.atomic
def convenant_vastleggen(
    *,
    door: AbstractBaseUser,
    gegevens: dict[str, Any],
    partners: Iterable[Partner],
    doelen: Iterable[int] = (),
    document: UploadedFile[bytes] | None = None,
    convenant: Convenant | None = None,
) -> Convenant:
    """Creates or changes a convenant with its parties (at least one partner) and its signed
    document (checked by content, kept private until published). A published convenant is
    published again with the change (Woo art. 3.3 lid 2 onder f)."""
    vereis(door, PARTNERS_BEHEREN, convenant)
    _onbekende_velden(gegevens, CONVENANTVELDEN)
    partijen = list(dict.fromkeys(partners))
    if not partijen:
        raise ValidationError({"partners": _("Kies ten minste één partner als partij.")})
    convenant = convenant or Convenant()
    for veld, waarde in gegevens.items():
        setattr(convenant, veld, waarde.strip() if isinstance(waarde, str) else waarde)
    gekozen = _doelen_controleren(doelen)
    if convenant.geldig_van and convenant.geldig_tot and convenant.geldig_tot < convenant.geldig_van:
        raise ValidationError({"geldig_tot": _("Het einde van de looptijd ligt vóór het begin.")})
    if document is None and not convenant.document:
        raise ValidationError({"document": _("Voeg het ondertekende convenant toe.")})
    soort = _document_controleren(document) if document is not None else None
    convenant.full_clean(exclude=["document", "bestandsnaam", "mediatype"])
    if document is not None and soort is not None:
        oud = convenant.document.name if convenant.document else ""
        convenant.bestandsnaam = (document.name or "convenant")[:255]
        convenant.mediatype = soort.mediatype
        convenant.document.save(convenant.bestandsnaam, document, save=False)
        if oud:
            transaction.on_commit(lambda: Convenant.document.field.storage.delete(oud))
    convenant.save()
    convenant.partners.set(partijen)
    convenant.doelen.set(gekozen)
    if convenant.status == Openbaarmaking.GEPUBLICEERD:
        _convenant_naar_register(convenant)
    for partner in partijen:
        partner_indexeren(partner)
    return convenant


def _convenant_naar_register(convenant: Convenant) -> None:
    partijen = ", ".join(p.naam for p in convenant.partners.all())
    with convenant.document.open("rb") as bestand:
        inhoud = bestand.read()
    gepubliceerd = publicatie.publiceren_vanuit_bron(
        bron=BRON,
        bron_sleutel=convenant.bron_sleutel,
        publisher=settings.RAADHUIS_ORGANISATIE,
        officiele_titel=convenant.titel,
        informatiecategorieen=[woo_categorie("2f")],
        handelingen=[
            publicatie.Handeling(
                soort=waardelijsten.ONDERTEKENING,
                tijdstip=timezone.make_aware(dt.datetime.combine(convenant.ondertekend_op, dt.time(12))),
            )
        ],
        documenten=[
            publicatie.Bronbestand(
                titel=convenant.titel,
                bestandsnaam=convenant.bestandsnaam or "convenant.pdf",
                inhoud=inhoud,
                documentsoort=_documentsoort_convenant(),
                creatiedatum=convenant.ondertekend_op,
            )
        ],
        omschrijving=_("Convenant met %(partijen)s. %(onderwerp)s")
        % {"partijen": partijen, "onderwerp": convenant.onderwerp},
        periode_van=convenant.geldig_van,
        periode_tot=convenant.geldig_tot,
    )
    convenant.status = Openbaarmaking.GEPUBLICEERD
    convenant.publicatie_uuid = gepubliceerd.uuid
    convenant.save(update_fields=["status", "publicatie_uuid"])


@transaction.atomic
def convenant_publiceren(*, door: AbstractBaseUser, convenant: Convenant) -> Convenant:
    """Publishes the signed convenant in the register, category convenanten (Woo art. 3.3 lid 2
    onder f). Whoever publishes has checked the document for personal data and other grounds of
    Woo chapter 5 first."""
    vereis(door, PARTNERS_BEHEREN, convenant)
    convenant = Convenant.objects.select_for_update().get(pk=convenant.pk)
    _convenant_naar_register(convenant)
    for partner in convenant.partners.all():
        partner_indexeren(partner)
    return convenant


def _uit_register(gepubliceerd: Convenant | Subsidieverplichting, reden: str, toelichting: str) -> None:
    """Withdraws what was published, with a reason from the TOOI list (redenverwijderingvervanging)."""
    if reden not in waardelijsten.redenen_verwijdering():
        raise ValidationError({"reden": _("Kies een reden uit de lijst.")})
    if gepubliceerd.status != Openbaarmaking.GEPUBLICEERD:
        raise ValidationError(_("Alleen wat gepubliceerd is kan worden ingetrokken."))
    publicatie.intrekken_vanuit_bron(
        bron=BRON, bron_sleutel=gepubliceerd.bron_sleutel, reden=reden, toelichting=toelichting
    )
    gepubliceerd.status = Openbaarmaking.INGETROKKEN
    gepubliceerd.save(update_fields=["status"])


@transaction.atomic
def convenant_intrekken(
    *, door: AbstractBaseUser, convenant: Convenant, reden: str, toelichting: str = ""
) -> Convenant:
    """Withdraws the publication of a convenant (a reason from the TOOI list, e.g. a procedural error)."""
    vereis(door, PARTNERS_BEHEREN, convenant)
    convenant = Convenant.objects.select_for_update().get(pk=convenant.pk)
    _uit_register(convenant, reden, toelichting)
    for partner in convenant.partners.all():
        partner_indexeren(partner)
    return convenant


def _grondslag_controleren(subsidie: Subsidieverplichting) -> None:
    """Awb art. 4:23: the exceptions of lid 3 are bounded in time; every basis but an incidental
    subsidy is named (which verordening, which budget line)."""
    maximum = MAX_JAREN.get(subsidie.grondslag)
    if maximum is not None and subsidie.tot_en_met_jaar - subsidie.van_jaar + 1 > maximum:
        raise ValidationError(
            {
                "tot_en_met_jaar": _(
                    "Op deze grondslag mag een subsidie hoogstens %(jaren)s jaar lopen (Awb art. 4:23 lid 3)."
                )
                % {"jaren": maximum}
            }
        )
    if subsidie.grondslag != Subsidiegrondslag.INCIDENTEEL and not subsidie.grondslag_toelichting:
        raise ValidationError(
            {
                "grondslag_toelichting": _(
                    "Noem de verordening of de begrotingspost waarop de subsidie berust."
                )
            }
        )


@transaction.atomic
def subsidie_vastleggen(
    *,
    door: AbstractBaseUser,
    gegevens: dict[str, Any],
    doelen: Iterable[int] = (),
    subsidie: Subsidieverplichting | None = None,
) -> Subsidieverplichting:
    """Creates or changes a subsidieverplichting (Awb art. 4:21) taken on other than by beschikking.
    It needs a statutory basis (Awb art. 4:23 lid 1) or one of the exceptions of art. 4:23 lid 3,
    whose time limits are checked (verify locally). A published one is published again."""
    vereis(door, SUBSIDIES_BEHEREN, subsidie)
    _onbekende_velden(gegevens, SUBSIDIEVELDEN)
    subsidie = subsidie or Subsidieverplichting()
    for veld, waarde in gegevens.items():
        setattr(subsidie, veld, waarde.strip() if isinstance(waarde, str) else waarde)
    bedrag = subsidie.bedrag
    if not isinstance(bedrag, Decimal) or not bedrag.is_finite() or bedrag <= 0:
        raise ValidationError({"bedrag": _("Vul een bedrag in euro groter dan nul in.")})
    if bedrag > MAX_BEDRAG or bedrag != bedrag.quantize(Decimal("0.01")):
        raise ValidationError({"bedrag": _("Vul een bedrag in euro met hoogstens twee decimalen in.")})
    for veld in ("van_jaar", "tot_en_met_jaar"):
        jaar = getattr(subsidie, veld)
        if not isinstance(jaar, int) or not 1900 < jaar < 2200:
            raise ValidationError(
                {veld: _("Vul een jaar in, bijvoorbeeld %(jaar)s.") % {"jaar": timezone.localdate().year}}
            )
    if subsidie.tot_en_met_jaar < subsidie.van_jaar:
        raise ValidationError({"tot_en_met_jaar": _("Het laatste jaar ligt vóór het eerste.")})
    gekozen = _doelen_controleren(doelen)
    subsidie.full_clean()
    _grondslag_controleren(subsidie)
    subsidie.save()
    subsidie.doelen.set(gekozen)
    if subsidie.status == Openbaarmaking.GEPUBLICEERD:
        _subsidie_naar_register(subsidie)
    partner_indexeren(subsidie.partner)
    return subsidie


def subsidietitel(subsidie: Subsidieverplichting) -> str:
    return _("Subsidieverplichting %(partner)s: %(doel)s") % {
        "partner": subsidie.partner.naam,
        "doel": subsidie.doel,
    }


def _subsidie_naar_register(subsidie: Subsidieverplichting) -> None:
    titel = subsidietitel(subsidie)
    html = render_to_string("samenleving/partners/pdf/subsidie.html", {"subsidie": subsidie, "titel": titel})
    gepubliceerd = publicatie.publiceren_vanuit_bron(
        bron=BRON,
        bron_sleutel=subsidie.bron_sleutel,
        publisher=settings.RAADHUIS_ORGANISATIE,
        officiele_titel=titel,
        informatiecategorieen=[woo_categorie("2h")],
        handelingen=[
            publicatie.Handeling(
                soort=waardelijsten.VASTSTELLING,
                tijdstip=timezone.make_aware(dt.datetime.combine(subsidie.aangegaan_op, dt.time(12))),
            )
        ],
        documenten=[
            publicatie.Bronbestand(
                titel=titel,
                bestandsnaam=f"subsidieverplichting-{subsidie.pk}.pdf",
                inhoud=pdf.html_naar_pdf(html, titel=titel),
                creatiedatum=subsidie.aangegaan_op,
            )
        ],
        omschrijving=subsidie.toelichting,
        periode_van=dt.date(subsidie.van_jaar, 1, 1),
        periode_tot=dt.date(subsidie.tot_en_met_jaar, 12, 31),
    )
    subsidie.status = Openbaarmaking.GEPUBLICEERD
    subsidie.publicatie_uuid = gepubliceerd.uuid
    subsidie.save(update_fields=["status", "publicatie_uuid"])


@transaction.atomic
def subsidie_publiceren(*, door: AbstractBaseUser, subsidie: Subsidieverplichting) -> Subsidieverplichting:
    """Publishes the obligation as a PDF under category 2h (Woo art. 3.3 lid 2 onder h)."""
    vereis(door, SUBSIDIES_BEHEREN, subsidie)
    subsidie = Subsidieverplichting.objects.select_for_update().select_related("partner").get(pk=subsidie.pk)
    _subsidie_naar_register(subsidie)
    partner_indexeren(subsidie.partner)
    return subsidie


@transaction.atomic
def subsidie_intrekken(
    *, door: AbstractBaseUser, subsidie: Subsidieverplichting, reden: str, toelichting: str = ""
) -> Subsidieverplichting:
    """Withdraws the publication of a subsidieverplichting."""
    vereis(door, SUBSIDIES_BEHEREN, subsidie)
    subsidie = Subsidieverplichting.objects.select_for_update().select_related("partner").get(pk=subsidie.pk)
    _uit_register(subsidie, reden, toelichting)
    partner_indexeren(subsidie.partner)
    return subsidie
