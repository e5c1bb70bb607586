"""Demo data for the contact centre and the surveys: a knowledge base of standard answers per
product, a year of contacts on every channel with callbacks, satisfaction surveys after closed
cases and desk contacts, and the desk queue of past appointments, written in bulk.

Like demo_zaken, this writes the rows the services would write, in bulk and reproducibly
(random.Random(seed)), so the monitoring dashboard has a realistic year to show: most contacts by
phone, web and at the desk, about 70 % of questions answered in the first contact, about 15 % with a
callback (most on time, some late, some still open), a quarter of the invited residents answering
the survey, digital channels scoring a little higher and moves that waited for the address check
(the deliberate bottleneck of demo_zaken) lower. Comments are written clean and marked screened:
demo data holds no personal data.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone

from raadhuis.accounts.models import Medewerker
from raadhuis.accounts.models import Rol as Accountrol
from raadhuis.accounts.selectors import medewerkers_met_rol
from raadhuis.dienstverlening.demo_afspraken import NAMEN
from raadhuis.dienstverlening.demo_kennisbank import kennisbank_laden
from raadhuis.dienstverlening.demo_zaken import (
    KNELPUNT_STATUS,
    KNELPUNT_ZAAKTYPE,
    OPENING,
    WERKDAG_MINUTEN,
    werkminuut,
    werkmoment,
)
from raadhuis.dienstverlening.models import (
    Aanleiding,
    Afspraak,
    Afspraakstatus,
    Afspraaktype,
    Burgerpeilingkanaal,
    Contactkanaal,
    Kanaal,
    Kennisartikel,
    Klantcontact,
    Partijsoort,
    Product,
    Reactie,
    Screening,
    Statustype,
    Taakstatus,
    Team,
    Terugbelverzoek,
    Uitnodiging,
    Uitnodigingskanaal,
    Zaak,
)
from raadhuis.dienstverlening.services.kto import BEWAREN_KOPPELING, GELDIGHEID

KCC_TEAM = "Klantcontactcentrum"

# Phone, web and desk carry most contacts (the channel mix of a mid-sized municipality).
CONTACTKANALEN: tuple[str, ...] = (
    Contactkanaal.TELEFOON,
    Contactkanaal.WEBFORMULIER,
    Contactkanaal.BALIE,
    Contactkanaal.EMAIL,
    Contactkanaal.CHAT,
    Contactkanaal.SOCIAL_MEDIA,
    Contactkanaal.BRIEF,
)
CONTACTGEWICHTEN = (0.38, 0.17, 0.2, 0.12, 0.06, 0.04, 0.03)
EERSTE_CONTACT_OPGELOST = 0.7
TERUGBELLEN = 0.15
KTO_RESPONS = 0.25
NIET_VERSCHENEN = 0.06

ZAAKKANAAL_NAAR_BURGERPEILING: dict[str, str] = {
    Kanaal.DIGITAAL: Burgerpeilingkanaal.WEBSITE,
    Kanaal.BALIE: Burgerpeilingkanaal.BALIE,
    Kanaal.TELEFOON: Burgerpeilingkanaal.TELEFOON,
    Kanaal.SCHRIFTELIJK: Burgerpeilingkanaal.POST,
}

CONTACT_ONDERWERPEN_ZAAK = (
    "Vraag over de stand van mijn aanvraag",
    "Wanneer is mijn aanvraag klaar?",
    "Aanvullende informatie voor mijn aanvraag",
)
TERUGBEL_HANDELINGEN = (
    "Inwoner terugbellen over de stand van de aanvraag.",
    "Terugbellen met het antwoord van de vakafdeling.",
    "Terugbellen: vraag over de leges en de betaling.",
    "Terugbellen om een afspraak aan de balie te maken.",
)
OPMERKINGEN_POSITIEF = (
    "Snel geregeld, duidelijke uitleg.",
    "Vriendelijke medewerker aan de balie.",
    "Het formulier was makkelijk in te vullen.",
    "Fijn dat ik de status online kon volgen.",
    "Goed geholpen, binnen een paar dagen klaar.",
)
OPMERKINGEN_NEGATIEF = (
    "Het duurde lang voordat ik iets hoorde.",
    "Ik moest twee keer dezelfde gegevens doorgeven.",
    "Niet duidelijk wat de volgende stap was.",
    "Lang gewacht op het adresonderzoek zonder bericht tussendoor.",
    "Moeilijk om iemand aan de telefoon te krijgen.",
)


@dataclass(frozen=True)
class Opbouw:
    kennisartikelen: int
    klantcontacten: int
    terugbelverzoeken: int
    uitnodigingen: int
    reacties: int
    afspraken: int


@dataclass(frozen=True)
class _Zaakregel:
    pk: int
    bsn: str
    product_id: int | None
    team_id: int | None
    kanaal: str
    registratiedatum: date
    gesloten_op: datetime | None
    # A move (the bottleneck's zaaktype), and whether it waited for the address check.
    verhuizing: bool
    knelpunt: bool


def _code_hash(rng: random.Random) -> str:
    """A random survey or appointment code's hash; the codes themselves are never stored."""
    return hashlib.sha256(rng.getrandbits(128).to_bytes(16, "big")).hexdigest()


def _zaken() -> list[_Zaakregel]:
    knelpunt = (
        Statustype.objects.filter(zaaktype__identificatie=KNELPUNT_ZAAKTYPE, omschrijving=KNELPUNT_STATUS)
        .values_list("zaaktype_id", "volgnummer")
        .first()
    )
    regels = []
    for (
        pk,
        bsn,
        product_id,
        team_id,
        kanaal,
        registratiedatum,
        einddatum,
        gezet,
        zaaktype_id,
        pad,
    ) in Zaak.objects.order_by("pk").values_list(
        "pk",
        "initiator_bsn",
        "product_id",
        "team_id",
        "kanaal",
        "registratiedatum",
        "einddatum",
        "status_gezet_op",
        "zaaktype_id",
        "statuspad",
    ):
        regels.append(
            _Zaakregel(
                pk=pk,
                bsn=bsn,
                product_id=product_id,
                team_id=team_id,
                kanaal=kanaal,
                registratiedatum=registratiedatum,
                gesloten_op=gezet if einddatum is not None else None,
                verhuizing=knelpunt is not None and zaaktype_id == knelpunt[0],
                knelpunt=knelpunt is not None
                and zaaktype_id == knelpunt[0]
                and str(knelpunt[1]) in pad.split("-"),
            )
        )
    return regels


def _contactmoment(dag: date, kanaal: str, rng: random.Random) -> datetime:
    """Phone, desk and letters in office hours; the digital channels from early to late."""
    if kanaal in (Contactkanaal.TELEFOON, Contactkanaal.BALIE, Contactkanaal.BRIEF):
        if dag.weekday() >= 5:
            dag -= timedelta(days=dag.weekday() - 4)
        minuut = OPENING + rng.randrange(WERKDAG_MINUTEN)
    else:
        minuut = 7 * 60 + rng.randrange(16 * 60)
    return timezone.make_aware(datetime.combine(dag, time()) + timedelta(minutes=minuut))


def _werkdagen_later(moment: datetime, werkdagen: int) -> datetime:
    lokaal = timezone.localtime(moment).replace(tzinfo=None)
    return timezone.make_aware(werkmoment(werkminuut(lokaal) + werkdagen * WERKDAG_MINUTEN))


def _kvk(rng: random.Random) -> str:
    return f"{rng.randrange(10_000_000, 99_999_999)}"


def _scores(rng: random.Random, *, digitaal: bool, straf: float) -> tuple[int, int, int, int]:
    """dv01 (1–10) and dv05/dv07 (1–5): digital a little higher, the bottleneck's cases lower by
    `straf` points."""
    knelpunt = straf > 1.5
    gemiddeld = 7.3 + (0.6 if digitaal else 0.0) - straf
    cijfer = min(10, max(1, round(rng.gauss(gemiddeld, 1.2))))
    gemak = min(5, max(1, round(rng.gauss(cijfer / 2.2, 0.7))))
    tijd = min(5, max(1, round(rng.gauss(cijfer / 2.2 - (1.0 if knelpunt else 0.0), 0.7))))
    hoogte = min(5, max(1, round(rng.gauss(cijfer / 2.2 - (0.6 if knelpunt else 0.0), 0.7))))
    return cijfer, gemak, tijd, hoogte


def _reactie(
    uitnodiging: Uitnodiging, rng: random.Random, nu: datetime, *, digitaal: bool, straf: float = 0.0
) -> Reactie | None:
    """About a quarter answer, within a few days; a third of them leave a comment (screened)."""
    if rng.random() >= KTO_RESPONS:
        return None
    beantwoord = uitnodiging.aangemaakt_op + timedelta(minutes=30 + rng.randrange(5 * 24 * 60))
    if beantwoord >= min(nu, uitnodiging.geldig_tot):
        return None
    uitnodiging.beantwoord_op = beantwoord
    cijfer, gemak, tijd, hoogte = _scores(rng, digitaal=digitaal, straf=straf)
    opmerking = ""
    if rng.random() < 0.33:
        if straf > 1.5 and rng.random() < 0.5:
            opmerking = OPMERKINGEN_NEGATIEF[3]
        else:
            opmerking = rng.choice(OPMERKINGEN_POSITIEF if cijfer >= 7 else OPMERKINGEN_NEGATIEF)
    # Recent comments still wait for the screening; older ones are screened (the raw text is gone).
    recent = nu - beantwoord < timedelta(days=7)
    return Reactie(
        uitnodiging=uitnodiging,
        kanaal=uitnodiging.kanaal,
        product_id=uitnodiging.product_id,
        team_id=uitnodiging.team_id,
        beantwoord_op=beantwoord,
        dv01_rapportcijfer=cijfer,
        dv06_rapportcijfer_digitaal=min(10, max(1, cijfer + rng.choice((-1, 0, 0, 1)))) if digitaal else None,
        dv05_gemak=gemak,
        dv07_doorlooptijd=tijd,
        dv07_op_de_hoogte=hoogte,
        opmerking=opmerking if opmerking and recent else "",
        opmerking_gescreend=opmerking if opmerking and not recent else "",
        screening=(
            Screening.GEEN_OPMERKING
            if not opmerking
            else (Screening.TE_SCREENEN if recent else Screening.GESCREEND)
        ),
        contact_toegestaan=rng.random() < 0.3,
    )


def _kto_na_zaken(zaken: list[_Zaakregel], rng: random.Random, nu: datetime, batch: int) -> tuple[int, int]:
    """An invitation by e-mail for every closed case (services.kto.uitnodigen_na_zaak)."""
    uitnodigingen = reacties = 0
    gesloten = [(zaak, zaak.gesloten_op) for zaak in zaken if zaak.gesloten_op is not None]
    for begin in range(0, len(gesloten), batch):
        deel = gesloten[begin : begin + batch]
        nieuw = []
        antwoorden = []
        for zaak, gesloten_op in deel:
            uitnodiging = Uitnodiging(
                code_hash=_code_hash(rng),
                aanleiding=Aanleiding.ZAAK_AFGESLOTEN,
                verstuurd_via=Uitnodigingskanaal.EMAIL,
                # As the daily upkeep leaves them: the link to the case only for three months.
                zaak_id=zaak.pk if gesloten_op >= nu - BEWAREN_KOPPELING else None,
                kanaal=ZAAKKANAAL_NAAR_BURGERPEILING.get(zaak.kanaal, Burgerpeilingkanaal.WEBSITE),
                product_id=zaak.product_id,
                team_id=zaak.team_id,
                aangemaakt_op=gesloten_op,
                geldig_tot=gesloten_op + GELDIGHEID,
            )
            nieuw.append(uitnodiging)
            reactie = _reactie(
                uitnodiging,
                rng,
                nu,
                digitaal=zaak.kanaal == Kanaal.DIGITAAL,
                # Moves score lower, and those that waited weeks for the address check much lower.
                straf=(1.0 if zaak.verhuizing else 0.0) + (1.2 if zaak.knelpunt else 0.0),
            )
            if reactie is not None:
                antwoorden.append(reactie)
        with transaction.atomic():
            Uitnodiging.objects.bulk_create(nieuw, batch_size=2000)
            Reactie.objects.bulk_create(antwoorden, batch_size=2000)
        uitnodigingen += len(nieuw)
        reacties += len(antwoorden)
    return uitnodigingen, reacties


@dataclass
class _Contacten:
    contacten: list[Klantcontact]
    terugbellen: list[Terugbelverzoek]
    qr: list[Klantcontact]


def _contacten(
    aantal: int,
    *,
    rng: random.Random,
    nu: datetime,
    zaken: list[_Zaakregel],
    kennis: dict[int, list[Kennisartikel]],
    producten: list[Product],
    kcc: Sequence[Medewerker],
    team: Team | None,
) -> _Contacten:
    bsns = sorted({zaak.bsn for zaak in zaken if zaak.bsn}) or ["999993653"]
    vandaag = timezone.localdate(nu)
    contacten: list[Klantcontact] = []
    terugbellen: list[Terugbelverzoek] = []
    qr: list[Klantcontact] = []
    for _index in range(aantal):
        kanaal = rng.choices(CONTACTKANALEN, CONTACTGEWICHTEN)[0]
        zaak = rng.choice(zaken) if zaken and rng.random() < 0.25 else None
        product = rng.choice(producten) if producten else None
        artikel = None
        if zaak is not None:
            moment = _contactmoment(
                zaak.registratiedatum + timedelta(days=1 + rng.randrange(20)), kanaal, rng
            )
            if moment >= nu:
                zaak = None
        if zaak is None:
            moment = _contactmoment(vandaag - timedelta(days=rng.randrange(365)), kanaal, rng)
            if moment >= nu:
                moment = nu - timedelta(minutes=1 + rng.randrange(600))
            artikelen = kennis.get(product.pk, []) if product else []
            artikel = rng.choice(artikelen) if artikelen else None
            onderwerp = artikel.titel if artikel else (product.naam if product else "Algemene vraag")
        else:
            product = next((p for p in producten if p.pk == zaak.product_id), product)
            onderwerp = rng.choice(CONTACT_ONDERWERPEN_ZAAK)
        if zaak is not None:
            partij, bsn, kvk = Partijsoort.INWONER, zaak.bsn, ""
        else:
            trek = rng.random()
            if trek < 0.65:
                partij, bsn, kvk = Partijsoort.INWONER, rng.choice(bsns), ""
            elif trek < 0.75:
                partij, bsn, kvk = Partijsoort.ONDERNEMER, "", _kvk(rng)
            else:
                partij, bsn, kvk = Partijsoort.ANONIEM, "", ""
        uitkomst = rng.random()
        opgelost = uitkomst < EERSTE_CONTACT_OPGELOST
        terugbel = EERSTE_CONTACT_OPGELOST <= uitkomst < EERSTE_CONTACT_OPGELOST + TERUGBELLEN
        # A web or mail question not solved at once waits for its answer a few days.
        afgehandeld = not (
            not opgelost
            and not terugbel
            and kanaal in (Contactkanaal.WEBFORMULIER, Contactkanaal.EMAIL)
            and nu - moment < timedelta(days=3)
        )
        medewerker = rng.choice(kcc) if kcc and kanaal not in (Contactkanaal.WEBFORMULIER,) else None
        contact = Klantcontact(
            kanaal=kanaal,
            partijsoort=partij,
            bsn=bsn,
            kvk_nummer=kvk,
            naam="" if partij == Partijsoort.ANONIEM else rng.choice(NAMEN),
            onderwerp=onderwerp,
            product=product,
            inhoud=onderwerp,
            antwoord=artikel.antwoord if artikel and opgelost else "",
            kennisartikel=artikel if opgelost else None,
            zaak_id=zaak.pk if zaak else None,
            opgelost_in_eerste_contact=opgelost,
            afgehandeld=afgehandeld,
            plaatsgevonden_op=moment,
            team=team,
            geregistreerd_door=medewerker,
        )
        contacten.append(contact)
        if terugbel and (team is not None or kcc):
            terugbellen.append(_terugbelverzoek(contact, rng, nu, kcc, team))
        if kanaal == Contactkanaal.BALIE and opgelost and rng.random() < 0.3:
            qr.append(contact)
    return _Contacten(contacten, terugbellen, qr)


def _terugbelverzoek(
    contact: Klantcontact, rng: random.Random, nu: datetime, kcc: Sequence[Medewerker], team: Team | None
) -> Terugbelverzoek:
    """Due in two working days. Of those due, most are done in time, some late, a few still open."""
    toegewezen = contact.plaatsgevonden_op
    deadline = _werkdagen_later(toegewezen, 2)
    medewerker = rng.choice(kcc) if kcc and (team is None or rng.random() < 0.6) else None
    trek = rng.random()
    afgehandeld: datetime | None
    if deadline > nu and trek < 0.6:
        afgehandeld = None
    elif trek < 0.85:
        afgehandeld = toegewezen + (deadline - toegewezen) * rng.uniform(0.05, 0.95)
    elif trek < 0.95:
        afgehandeld = deadline + timedelta(minutes=30 + rng.randrange(3 * 24 * 60))
    else:
        afgehandeld = None
    if afgehandeld is not None and afgehandeld >= nu:
        afgehandeld = None
    gelukt = afgehandeld is not None and rng.random() < 0.85
    return Terugbelverzoek(
        klantcontact=contact,
        gevraagde_handeling=rng.choice(TERUGBEL_HANDELINGEN),
        medewerker=medewerker,
        team=team if medewerker is None or rng.random() < 0.5 else None,
        deadline=deadline,
        status=Taakstatus.TE_VERWERKEN if afgehandeld is None else Taakstatus.VERWERKT,
        toegewezen_op=toegewezen,
        aangemaakt_door=contact.geregistreerd_door,
        afgehandeld_op=afgehandeld,
        afgehandeld_door=(medewerker or (rng.choice(kcc) if kcc else None)) if afgehandeld else None,
        resultaat=("Teruggebeld en geholpen." if gelukt else "Niet bereikt.") if afgehandeld else "",
        contact_gelukt=gelukt if afgehandeld else None,
    )


def _kto_na_contacten(
    qr: list[Klantcontact], rng: random.Random, nu: datetime
) -> tuple[list[Uitnodiging], list[Reactie]]:
    """A QR code on the desk after a desk contact; answers count for the desk channel."""
    uitnodigingen = []
    reacties = []
    for contact in qr:
        uitnodiging = Uitnodiging(
            code_hash=_code_hash(rng),
            aanleiding=Aanleiding.CONTACT_BEEINDIGD,
            verstuurd_via=Uitnodigingskanaal.QR,
            klantcontact=contact if contact.plaatsgevonden_op >= nu - BEWAREN_KOPPELING else None,
            kanaal=Burgerpeilingkanaal.BALIE,
            product=contact.product,
            team=contact.team,
            aangemaakt_op=contact.plaatsgevonden_op,
            geldig_tot=contact.plaatsgevonden_op + GELDIGHEID,
        )
        uitnodigingen.append(uitnodiging)
        reactie = _reactie(uitnodiging, rng, nu, digitaal=False)
        if reactie is not None:
            reacties.append(reactie)
    return uitnodigingen, reacties


def _afspraken(aantal: int, rng: random.Random, nu: datetime, bsns: Sequence[str]) -> list[Afspraak]:
    """Past desk appointments with the queue times: most called within 15 minutes of reporting,
    some later; about 6 % did not show up."""
    typen = list(Afspraaktype.objects.prefetch_related("locaties").order_by("pk"))
    aanbod = [(afspraaktype, locatie) for afspraaktype in typen for locatie in afspraaktype.locaties.all()]
    if not aanbod:
        return []
    vandaag = timezone.localdate(nu)
    afspraken = []
    for _index in range(aantal):
        afspraaktype, locatie = rng.choice(aanbod)
        dag = vandaag - timedelta(days=1 + rng.randrange(365))
        if dag.weekday() >= 5:
            dag -= timedelta(days=dag.weekday() - 4)
        start = timezone.make_aware(datetime.combine(dag, time(9)) + timedelta(minutes=5 * rng.randrange(90)))
        naam = rng.choice(NAMEN)
        digitaal = afspraaktype.online_boekbaar and rng.random() < 0.7
        if rng.random() < NIET_VERSCHENEN:
            status, aangemeld, opgeroepen = Afspraakstatus.NIET_VERSCHENEN, None, None
        else:
            aangemeld = start - timedelta(minutes=rng.uniform(-3, 12))
            wachten = rng.lognormvariate(math.log(6), 0.7)
            status, opgeroepen = Afspraakstatus.AFGEROND, aangemeld + timedelta(minutes=wachten)
        afspraken.append(
            Afspraak(
                locatie=locatie,
                afspraaktype=afspraaktype,
                start=start,
                eind=start + timedelta(minutes=afspraaktype.duur_minuten),
                status=status,
                naam=naam,
                emailadres=f"{naam.split()[0].lower()}@example.org" if digitaal else "",
                bsn=rng.choice(bsns) if bsns and rng.random() < 0.5 else "",
                kanaal=Kanaal.DIGITAAL if digitaal else rng.choice([Kanaal.TELEFOON, Kanaal.BALIE]),
                beheercode_hash=_code_hash(rng),
                aangemeld_op=aangemeld,
                opgeroepen_op=opgeroepen,
            )
        )
    return afspraken


def genereren(
    aantal: int,
    *,
    kcc: Sequence[Medewerker] = (),
    afspraken: int | None = None,
    seed: int = 2027,
    batch: int = 5000,
    voortgang: bool = False,
) -> Opbouw:
    """Writes the knowledge base (once), `aantal` contacts over the past year with their callbacks,
    the surveys after closed cases and desk contacts, and `afspraken` past appointments (default
    one per six contacts). Call after demo_zaken.zaken_genereren: contacts refer to its cases and
    residents, and the surveys follow its closed cases."""
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not a secret
    nu = timezone.now()
    kennis = kennisbank_laden(kcc[0] if kcc else None)
    producten = list(Product.objects.order_by("pk"))
    team = Team.objects.filter(naam=KCC_TEAM).first()
    zaken = _zaken()
    if voortgang:
        print(f"  {len(zaken):,} zaken gelezen", flush=True)
    contacten = terugbel = 0
    qr_uitnodigingen = qr_reacties = 0
    for begin in range(0, aantal, batch):
        deel = _contacten(
            min(batch, aantal - begin),
            rng=rng,
            nu=nu,
            zaken=zaken,
            kennis=kennis,
            producten=producten,
            kcc=kcc,
            team=team,
        )
        with transaction.atomic():
            Klantcontact.objects.bulk_create(deel.contacten, batch_size=2000)
            Terugbelverzoek.objects.bulk_create(deel.terugbellen, batch_size=2000)
            uitnodigingen, reacties = _kto_na_contacten(deel.qr, rng, nu)
            Uitnodiging.objects.bulk_create(uitnodigingen, batch_size=2000)
            Reactie.objects.bulk_create(reacties, batch_size=2000)
        contacten += len(deel.contacten)
        terugbel += len(deel.terugbellen)
        qr_uitnodigingen += len(uitnodigingen)
        qr_reacties += len(reacties)
        if voortgang:
            print(f"  {contacten:,} klantcontacten", flush=True)
    uitnodigingen_zaken, reacties_zaken = _kto_na_zaken(zaken, rng, nu, batch)
    bsns = sorted({zaak.bsn for zaak in zaken if zaak.bsn})
    nieuwe_afspraken = _afspraken(aantal // 6 if afspraken is None else afspraken, rng, nu, bsns)
    with transaction.atomic():
        Afspraak.objects.bulk_create(nieuwe_afspraken, batch_size=2000)
    return Opbouw(
        kennisartikelen=sum(len(lijst) for lijst in kennis.values()),
        klantcontacten=contacten,
        terugbelverzoeken=terugbel,
        uitnodigingen=uitnodigingen_zaken + qr_uitnodigingen,
        reacties=reacties_zaken + qr_reacties,
        afspraken=len(nieuwe_afspraken),
    )


def laden(uitvoer: OutputWrapper) -> None:
    """Once, after the generated cases: while there are cases and no contacts yet."""
    if Klantcontact.objects.exists():
        return
    zaken = Zaak.objects.count()
    aantal = settings.RAADHUIS_DEMO_CONTACTEN or 2 * zaken
    if aantal == 0:
        return
    opbouw = genereren(aantal, kcc=list(medewerkers_met_rol(Accountrol.KCC_MEDEWERKER)))
    uitvoer.write(
        f"Klantcontacten: {opbouw.klantcontacten} over het afgelopen jaar, {opbouw.terugbelverzoeken} "
        f"terugbelverzoeken, {opbouw.kennisartikelen} kennisartikelen, "
        f"{opbouw.uitnodigingen} KTO-uitnodigingen met {opbouw.reacties} reacties, "
        f"{opbouw.afspraken} afspraken in het verleden"
    )
