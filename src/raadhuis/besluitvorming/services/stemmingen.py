"""Writes about votes: recording them with their legal outcome (Gemeentewet arts. 20, 27-32, 56-59),
hamerstukken, stemverklaringen, votes on persons, and the besluiten that follow from them."""

from __future__ import annotations

import datetime as dt
import secrets
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from raadhuis.besluitvorming import stemregels
from raadhuis.besluitvorming.models import (
    Aanwezigheid,
    Agendapunt,
    Besluit,
    Fractie,
    Fractiestemresultaat,
    Orgaan,
    Persoon,
    Stem,
    Stemming,
    Stemverklaring,
    Vergadering,
    Voorstel,
)
from raadhuis.besluitvorming.rechten import STEMMEN_VASTLEGGEN
from raadhuis.besluitvorming.selectors.stemmingen import (
    fracties_op,
    voorzitter_van_college_op,
    zitting_hebbende_leden_op,
)
from raadhuis.besluitvorming.services.voorstellen import (
    AANHANGIG,
    AMENDEMENTEN,
    MOTIES,
    _datum,
    _naam,
    _vergrendelen,
    _vervallen,
)
from raadhuis.core.rechten import vereis

# Outcomes after which the matter is decided and cannot be voted on again.
BESLIST = (
    Stemming.Uitkomst.AANGENOMEN,
    Stemming.Uitkomst.VERWORPEN,
    Stemming.Uitkomst.AANGENOMEN_ZONDER_STEMMING,
    Stemming.Uitkomst.GEKOZEN,
)

StemInvoer = Mapping[Persoon, str] | Iterable[tuple[Persoon, str]]


def _labels(personen: Iterable[Persoon]) -> dict[int, str]:
    """How the engine and its Dutch messages name each person: the name, with the number only where two
    people share a name."""
    uniek = {persoon.pk: persoon for persoon in personen}
    aantal = Counter(persoon.naam for persoon in uniek.values())
    return {
        pk: persoon.naam if aantal[persoon.naam] == 1 else f"{persoon.naam} ({pk})"
        for pk, persoon in uniek.items()
    }


def _fout(fout: stemregels.StemregelFout) -> ValidationError:
    return ValidationError(list(fout.meldingen))


# -- stemmingen ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plaats:
    """Where a vote happens: the meeting, the item, and what earlier votes on the same matter mean."""

    vergadering: Vergadering
    agendapunt: Agendapunt | None
    eerder_gestaakt: bool
    eerder_ongeldig: bool
    herstemming_college: bool


def _eerdere_stemmingen(voorstel: Voorstel | None, agendapunt: Agendapunt | None) -> list[Stemming]:
    if voorstel is not None:
        return list(voorstel.stemmingen.select_related("vergadering").order_by("moment", "pk"))
    return list(
        Stemming.objects.filter(agendapunt=agendapunt, voorstel__isnull=True, over_personen=False)
        .select_related("vergadering")
        .order_by("moment", "pk")
    )


def _plaats_bepalen(
    *, voorstel: Voorstel | None, agendapunt: Agendapunt | None, eerder_gestaakt: bool
) -> _Plaats:
    """Checks that this matter may be voted on now, and derives the flags of arts. 29 lid 2, 32 lid 4-5
    and 59 from the votes recorded before."""
    if voorstel is None and agendapunt is None:
        raise ValidationError("Kies het voorstel of het agendapunt waarover wordt gestemd.")
    if agendapunt is None and voorstel is not None:
        agendapunt = voorstel.agendapunt
    vergadering = agendapunt.vergadering if agendapunt is not None else None
    if vergadering is None and voorstel is not None:
        vergadering = voorstel.vergadering
    if vergadering is None:  # pragma: no cover - one of both is always given
        raise ValidationError("Kies het voorstel of het agendapunt waarover wordt gestemd.")
    fouten: list[str] = []
    if vergadering.status == Vergadering.Status.GEANNULEERD:
        fouten.append("De vergadering is geannuleerd; er kan niet worden gestemd.")
    if vergadering.geopend is False:
        fouten.append(
            "De vergadering is niet geopend: er waren niet genoeg leden aanwezig (Gemeentewet art. 20 lid 1)."
        )
    if voorstel is not None:
        naam = _naam(voorstel).capitalize()
        if voorstel.status in (Voorstel.Status.AANGENOMEN, Voorstel.Status.VERWORPEN):
            fouten.append(
                f"Over {_naam(voorstel)} is al beslist ({voorstel.get_status_display()}); opnieuw stemmen "
                "kan alleen na staking van stemmen (Gemeentewet art. 32 lid 4)."
            )
        elif voorstel.status in (Voorstel.Status.INGETROKKEN, Voorstel.Status.AANGEHOUDEN):
            fouten.append(f"{naam} is {voorstel.get_status_display()}; er kan niet over worden gestemd.")
        if voorstel.vergadering.orgaan_id != vergadering.orgaan_id:
            fouten.append(f"{naam} is ingediend bij een ander orgaan.")
        wachtend = voorstel.wijzigingen.filter(status__in=AANHANGIG).order_by("ingediend_op")
        fouten += [
            f"Eerst wordt gestemd over {_naam(wijziging)}: een (sub)amendement gaat vóór wat het wijzigt "
            "(reglement van orde)."
            for wijziging in wachtend
        ]
    eerdere = _eerdere_stemmingen(voorstel, agendapunt)
    beslist = [stemming for stemming in eerdere if stemming.uitkomst in BESLIST]
    if voorstel is None and beslist:
        fouten.append(
            f"Over dit agendapunt is al beslist ({beslist[-1].get_uitkomst_display()}); opnieuw stemmen "
            "kan alleen na staking van stemmen (Gemeentewet art. 32 lid 4)."
        )
    laatste = eerdere[-1] if eerdere else None
    if laatste is not None and laatste.uitkomst == Stemming.Uitkomst.UITGESTELD:
        if laatste.vergadering_id == vergadering.pk:
            fouten.append(
                "De stemmen staakten en de beslissing is uitgesteld tot een volgende vergadering "
                "(Gemeentewet art. 32 lid 4); in deze vergadering kan niet opnieuw worden gestemd."
            )
        eerder_gestaakt = True
    if fouten:
        raise ValidationError(fouten)
    eerder_ongeldig = (
        laatste is not None
        and laatste.uitkomst == Stemming.Uitkomst.ONGELDIG
        and laatste.vergadering_id != vergadering.pk
    )
    herstemming = (
        laatste is not None
        and laatste.uitkomst == Stemming.Uitkomst.OPNIEUW_STEMMEN
        and laatste.vergadering_id == vergadering.pk
    )
    return _Plaats(vergadering, agendapunt, eerder_gestaakt, eerder_ongeldig, herstemming)


def _stemmen_lijst(stemmen: StemInvoer) -> list[tuple[Persoon, str]]:
    if isinstance(stemmen, Mapping):
        return list(stemmen.items())
    return list(stemmen)


def _presentielijst(vergadering: Vergadering) -> dict[int, bool]:
    return dict(Aanwezigheid.objects.filter(vergadering=vergadering).values_list("persoon_id", "aanwezig"))


def _aanwezigen(
    vergadering: Vergadering, aanwezig: Iterable[Persoon] | None
) -> tuple[list[Persoon], list[str]]:
    """Who is present at this vote: as given, else per the presentielijst. Someone the presentielijst
    does not show as present cannot be (art. 20: "volgens de presentielijst")."""
    lijst = _presentielijst(vergadering)
    if aanwezig is None:
        personen = list(
            Persoon.objects.filter(aanwezigheden__vergadering=vergadering, aanwezigheden__aanwezig=True)
        )
        return personen, []
    personen = list({persoon.pk: persoon for persoon in aanwezig}.values())
    if not lijst:
        return personen, []
    fouten = [
        f"{persoon.naam} staat niet als aanwezig op de presentielijst van deze vergadering."
        for persoon in personen
        if not lijst.get(persoon.pk, False)
    ]
    return personen, fouten


def _situatie(
    *,
    plaats: _Plaats,
    zitting: Sequence[Persoon],
    aanwezig: Sequence[Persoon],
    moeten_onthouden: Sequence[Persoon],
    labels: Mapping[int, str],
) -> stemregels.Stemsituatie:
    return stemregels.Stemsituatie(
        zitting_hebbende_leden=frozenset(labels[p.pk] for p in zitting),
        aanwezig=frozenset(labels[p.pk] for p in aanwezig),
        moeten_onthouden=frozenset(labels[p.pk] for p in moeten_onthouden),
        na_niet_geopende_vergadering=plaats.vergadering.vervolg_van_id is not None,
        agendapunt_van_niet_geopende_vergadering=bool(
            plaats.agendapunt is not None and plaats.agendapunt.uit_niet_geopende_vergadering
        ),
        eerder_ongeldig=plaats.eerder_ongeldig,
    )


def _besluitresultaat(voorstel: Voorstel | None, uitkomst: str) -> str | None:
    if uitkomst == Stemming.Uitkomst.AANGENOMEN:
        if voorstel is not None and voorstel.wijzigingen.filter(status=Voorstel.Status.AANGENOMEN).exists():
            return Besluit.Resultaat.GEAMENDEERD_AANGENOMEN
        return Besluit.Resultaat.AANGENOMEN
    return {
        Stemming.Uitkomst.VERWORPEN: Besluit.Resultaat.VERWORPEN,
        Stemming.Uitkomst.UITGESTELD: Besluit.Resultaat.UITGESTELD,
        Stemming.Uitkomst.AANGENOMEN_ZONDER_STEMMING: Besluit.Resultaat.AANGENOMEN_ZONDER_STEMMING,
    }.get(Stemming.Uitkomst(uitkomst))


def _besluit_nemen(stemming: Stemming, voorstel: Voorstel | None, datum: dt.date) -> Besluit | None:
    """Each vote that decides (or postpones) the matter of an agendapunt gives a besluit on it; an invalid
    vote (art. 29) or one without quorum decides nothing."""
    resultaat = _besluitresultaat(voorstel, stemming.uitkomst)
    if resultaat is None or stemming.agendapunt is None:
        return None
    besluit = Besluit(
        agendapunt=stemming.agendapunt,
        voorstel=voorstel,
        stemming=stemming,
        resultaat=resultaat,
        toelichting=stemming.samenvatting,
        genomen_op=datum,
    )
    besluit.full_clean()
    besluit.save()
    return besluit


def _voorstel_bijwerken(voorstel: Voorstel | None, uitkomst: str) -> None:
    status = {
        Stemming.Uitkomst.AANGENOMEN: Voorstel.Status.AANGENOMEN,
        Stemming.Uitkomst.AANGENOMEN_ZONDER_STEMMING: Voorstel.Status.AANGENOMEN,
        Stemming.Uitkomst.VERWORPEN: Voorstel.Status.VERWORPEN,
        Stemming.Uitkomst.UITGESTELD: Voorstel.Status.UITGESTELD,
    }.get(Stemming.Uitkomst(uitkomst))
    if voorstel is None or status is None:
        return
    voorstel.status = status
    velden = ["status"]
    if status == Voorstel.Status.AANGENOMEN and voorstel.soort in MOTIES:
        # An adopted motie enters the moties register, for the college to carry out.
        voorstel.afhandeling = Voorstel.Afhandeling.OPEN
        velden.append("afhandeling")
    voorstel.full_clean()
    voorstel.save(update_fields=velden)
    if status == Voorstel.Status.VERWORPEN:
        # A rejected amendement takes its pending subamendementen with it.
        for vervallen in _vervallen(voorstel):
            vervallen.status = Voorstel.Status.INGETROKKEN
            vervallen.full_clean()
            vervallen.save(update_fields=["status"])


def _fractieresultaten_opslaan(
    stemming: Stemming,
    stemmen: Sequence[Stem],
    zitting: Sequence[Persoon],
    fractie_van: Mapping[int, Fractie],
) -> None:
    """Fracties do not vote (art. 27); their result is derived from the Stem rows just stored."""
    fracties = {fractie.pk: fractie for fractie in fractie_van.values()}
    uitslagen = stemregels.fractie_resultaten(
        stemmen=[
            stemregels.Stem(str(stem.persoon_id), stemregels.StemKeuze(stem.keuze))
            for stem in stemmen
            if stem.persoon_id in fractie_van
        ],
        fractie_van={str(p.pk): str(fractie_van[p.pk].pk) for p in zitting if p.pk in fractie_van},
    )
    rijen = [
        Fractiestemresultaat(
            stemming=stemming,
            fractie=fracties[int(uitslag.fractie)],
            resultaat=str(uitslag.resultaat),
            voor=uitslag.voor,
            tegen=uitslag.tegen,
        )
        for uitslag in uitslagen.values()
        if uitslag.resultaat is not None
    ]
    for rij in rijen:
        # The (stemming, fractie) pair is unique by construction; the database constraint stays as guard.
        rij.full_clean(validate_unique=False, validate_constraints=False)
    Fractiestemresultaat.objects.bulk_create(rijen)


@transaction.atomic
def stemming_vastleggen(
    *,
    stemmen: StemInvoer,
    door: AbstractBaseUser,
    voorstel: Voorstel | None = None,
    agendapunt: Agendapunt | None = None,
    type: str = Stemming.Type.HOOFDELIJK,
    aanwezig: Iterable[Persoon] | None = None,
    moeten_onthouden: Iterable[Persoon] = (),
    eerder_gestaakt: bool = False,
    voorzitter: Persoon | None = None,
    moment: dt.datetime | None = None,
) -> Stemming:
    """Records a vote on a proposal, (sub)amendement or motie, or on an agendapunt without one, with its
    legal outcome computed by stemregels (raad: arts. 20, 28-30, 32; college: arts. 56, 58-59).

    `aanwezig` are the members present at this vote (default: the presentielijst); `moeten_onthouden`
    those obliged to abstain (art. 28); `stemmen` maps each member to voor or tegen (or afwezig). Bad input
    (a vote by someone not seated, not present or obliged to abstain, a member voting twice, a present
    member who did not vote in a hoofdelijke stemming) is refused with every Dutch message and nothing is
    stored. A proposal is voted after its pending amendementen; a second vote on it only after a tie
    postponed it to a later meeting (art. 32 lid 4), and then a tie again rejects it (lid 5).
    """
    vereis(door, STEMMEN_VASTLEGGEN, voorstel or agendapunt)
    if type not in (Stemming.Type.HOOFDELIJK, Stemming.Type.REGULIER):
        raise ValidationError(
            "Een schriftelijke stemming is geheim; leg haar vast als stemming over personen "
            "(Gemeentewet art. 31)."
        )
    _vergrendelen(voorstel, agendapunt)
    plaats = _plaats_bepalen(voorstel=voorstel, agendapunt=agendapunt, eerder_gestaakt=eerder_gestaakt)
    vergadering = plaats.vergadering
    orgaan = vergadering.orgaan
    datum = _datum(vergadering)
    zitting = zitting_hebbende_leden_op(orgaan=orgaan, op=datum)
    aanwezigen, fouten = _aanwezigen(vergadering, aanwezig)
    onthouders = list({persoon.pk: persoon for persoon in moeten_onthouden}.values())
    invoer = _stemmen_lijst(stemmen)
    fouten += [
        f"{persoon.naam}: '{keuze}' is geen geldige stem; kies voor of tegen."
        for persoon, keuze in invoer
        if keuze not in Stem.Keuze.values
    ]
    if fouten:
        raise ValidationError(fouten)
    labels = _labels([*zitting, *aanwezigen, *onthouders, *(persoon for persoon, _ in invoer)])
    college = orgaan.soort == Orgaan.Soort.COLLEGE
    soort = stemregels.Voorstelsoort(voorstel.soort) if voorstel else stemregels.Voorstelsoort.VOORSTEL
    try:
        situatie = _situatie(
            plaats=plaats, zitting=zitting, aanwezig=aanwezigen, moeten_onthouden=onthouders, labels=labels
        )
        engine_stemmen = [
            stemregels.Stem(labels[persoon.pk], stemregels.StemKeuze(keuze)) for persoon, keuze in invoer
        ]
        if college:
            voorzitter = voorzitter or voorzitter_van_college_op(orgaan=orgaan, op=datum)
            if voorzitter is None:
                raise ValidationError("Het college heeft op deze datum geen voorzitter (burgemeester).")
            labels.setdefault(voorzitter.pk, voorzitter.naam)
            uitkomst = stemregels.stemming_college(
                situatie=situatie,
                stemmen=engine_stemmen,
                voorzitter=labels[voorzitter.pk],
                herstemming=plaats.herstemming_college,
            )
        else:
            uitkomst = stemregels.stemming_raad(
                situatie=situatie,
                stemmen=engine_stemmen,
                stemmingstype=stemregels.StemmingsType(type),
                soort=soort,
                eerder_gestaakt=plaats.eerder_gestaakt,
            )
    except stemregels.StemregelFout as fout:
        raise _fout(fout) from fout
    stemming = Stemming(
        vergadering=vergadering,
        agendapunt=plaats.agendapunt,
        voorstel=voorstel,
        type=type,
        moment=moment or timezone.now(),
        eerder_gestaakt=plaats.eerder_gestaakt,
        uitkomst=str(uitkomst.uitkomst),
        resultaat=str(uitkomst.resultaat or ""),
        aantal_voor=uitkomst.voor,
        aantal_tegen=uitkomst.tegen,
        aantal_afwezig=uitkomst.afwezig,
        geldig=bool(uitkomst.geldig),
        voltallig=uitkomst.voltallig,
        uitleg=list(uitkomst.uitleg),
    )
    stemming.full_clean()
    stemming.save()
    stemming.aanwezig.set(aanwezigen)
    stemming.moeten_onthouden.set(onthouders)
    fractie_van = fracties_op(personen=zitting, op=datum)
    keuze_van = {persoon.pk: keuze for persoon, keuze in invoer}
    afwezig_pks = {p.pk for p in zitting} - {p.pk for p in aanwezigen} - {p.pk for p in onthouders}
    for pk in afwezig_pks:
        keuze_van.setdefault(pk, Stem.Keuze.AFWEZIG)
    stem_rijen = [
        Stem(stemming=stemming, persoon_id=pk, fractie=fractie_van.get(pk), keuze=keuze)
        for pk, keuze in sorted(keuze_van.items())
    ]
    for rij in stem_rijen:
        # One row per member: the engine refused doubles; the database constraint stays as guard.
        rij.full_clean(validate_unique=False, validate_constraints=False)
    Stem.objects.bulk_create(stem_rijen)
    _fractieresultaten_opslaan(stemming, stem_rijen, zitting, fractie_van)
    _voorstel_bijwerken(voorstel, stemming.uitkomst)
    _besluit_nemen(stemming, voorstel, datum)
    return stemming


@transaction.atomic
def hamerstuk_afhameren(
    *,
    agendapunt: Agendapunt,
    door: AbstractBaseUser,
    tegen_aangetekend: Iterable[Persoon] = (),
    aanwezig: Iterable[Persoon] | None = None,
    moeten_onthouden: Iterable[Persoon] = (),
    moment: dt.datetime | None = None,
) -> Stemming:
    """Adopts the proposal of an agendapunt without a vote because nobody asked for one (Gemeentewet
    art. 32 lid 3); members may have it noted that they would have voted against (reglement van orde)."""
    vereis(door, STEMMEN_VASTLEGGEN, agendapunt)
    _vergrendelen(None, agendapunt)
    voorstellen = list(
        agendapunt.voorstellen.filter(soort=Voorstel.Soort.VOORSTEL, status__in=AANHANGIG).order_by("pk")
    )
    voorstel = voorstellen[0] if len(voorstellen) == 1 else None
    plaats = _plaats_bepalen(voorstel=voorstel, agendapunt=agendapunt, eerder_gestaakt=False)
    vergadering = plaats.vergadering
    fouten: list[str] = []
    if (
        agendapunt.besluiten.filter(Q(voorstel__isnull=True) | Q(voorstel__soort=Voorstel.Soort.VOORSTEL))
        .exclude(resultaat=Besluit.Resultaat.UITGESTELD)
        .exists()
    ):
        fouten.append("Over dit agendapunt is al een besluit genomen.")
    amendementen = agendapunt.voorstellen.filter(soort__in=AMENDEMENTEN, status__in=AANHANGIG)
    fouten += [
        f"Over {_naam(amendement)} moet worden gestemd; een geamendeerd voorstel is geen hamerstuk."
        for amendement in amendementen
    ]
    datum = _datum(vergadering)
    zitting = zitting_hebbende_leden_op(orgaan=vergadering.orgaan, op=datum)
    aanwezigen, afwijkingen = _aanwezigen(vergadering, aanwezig)
    fouten += afwijkingen
    if fouten:
        raise ValidationError(fouten)
    onthouders = list({persoon.pk: persoon for persoon in moeten_onthouden}.values())
    tegen = list(tegen_aangetekend)
    labels = _labels([*zitting, *aanwezigen, *onthouders, *tegen])
    try:
        situatie = _situatie(
            plaats=plaats, zitting=zitting, aanwezig=aanwezigen, moeten_onthouden=onthouders, labels=labels
        )
        uitkomst = stemregels.hamerstuk(
            situatie=situatie, tegen_aangetekend=[labels[persoon.pk] for persoon in tegen]
        )
    except stemregels.StemregelFout as fout:
        raise _fout(fout) from fout
    stemming = Stemming(
        vergadering=vergadering,
        agendapunt=agendapunt,
        voorstel=voorstel,
        type=Stemming.Type.REGULIER,
        moment=moment or timezone.now(),
        uitkomst=str(uitkomst.uitkomst),
        aantal_afwezig=uitkomst.afwezig,
        geldig=uitkomst.uitkomst != stemregels.Uitkomst.GEEN_QUORUM,
        uitleg=list(uitkomst.uitleg),
    )
    stemming.full_clean()
    stemming.save()
    stemming.aanwezig.set(aanwezigen)
    stemming.moeten_onthouden.set(onthouders)
    stemming.tegen_aangetekend.set(tegen)
    _voorstel_bijwerken(voorstel, stemming.uitkomst)
    _besluit_nemen(stemming, voorstel, datum)
    return stemming


@transaction.atomic
def stemverklaring_vastleggen(
    *, stemming: Stemming, persoon: Persoon, tekst: str, door: AbstractBaseUser
) -> Stemverklaring:
    """Records an explanation of vote, given before the vote by a member who takes part (reglement van
    orde); not in a secret vote on persons (art. 31)."""
    vereis(door, STEMMEN_VASTLEGGEN, stemming)
    fouten: list[str] = []
    if stemming.over_personen:
        fouten.append("Bij een geheime stemming over personen worden geen stemverklaringen gegeven.")
    elif not stemming.aanwezig.filter(pk=persoon.pk).exists():
        fouten.append(f"{persoon.naam} was bij deze stemming niet aanwezig.")
    elif stemming.moeten_onthouden.filter(pk=persoon.pk).exists():
        fouten.append(
            f"{persoon.naam} moest zich van deelneming aan de stemming onthouden (Gemeentewet art. 28)."
        )
    elif stemming.stemverklaringen.filter(persoon=persoon).exists():
        fouten.append(f"{persoon.naam} heeft al een stemverklaring bij deze stemming.")
    if fouten:
        raise ValidationError(fouten)
    fractie = fracties_op(personen=[persoon], op=_datum(stemming.vergadering)).get(persoon.pk)
    verklaring = Stemverklaring(stemming=stemming, persoon=persoon, fractie=fractie, tekst=tekst.strip())
    verklaring.full_clean()
    verklaring.save()
    return verklaring


@transaction.atomic
def stemming_over_personen_vastleggen(
    *,
    agendapunt: Agendapunt,
    rondes: Sequence[stemregels.Stembriefjes],
    door: AbstractBaseUser,
    aanwezig: Iterable[Persoon] | None = None,
    moeten_onthouden: Iterable[Persoon] = (),
    voordracht: Sequence[str] = (),
    lot: Sequence[str] = (),
    lot_trekken: bool = False,
    moment: dt.datetime | None = None,
) -> Stemming:
    """Records a secret written vote on persons (Gemeentewet art. 31): the rounds so far with their ballot
    counts, never who voted for whom. Call it again with every round so far after each round; the
    open record is updated until someone is chosen. A tie again after a herstemming is decided by the lot
    at once (art. 31 lid 3): pass the names drawn in the meeting as `lot`, or `lot_trekken` to let the
    system draw; either way the draw is written into the explanation."""
    vereis(door, STEMMEN_VASTLEGGEN, agendapunt)
    _vergrendelen(None, agendapunt)
    vergadering = agendapunt.vergadering
    if not rondes:
        raise ValidationError("Geef de uitslag van ten minste één stemronde.")
    eerdere = Stemming.objects.filter(agendapunt=agendapunt, over_personen=True).order_by("moment", "pk")
    open_stemming = next((s for s in eerdere if s.uitkomst == Stemming.Uitkomst.VOLGENDE_RONDE), None)
    if any(s.uitkomst == Stemming.Uitkomst.GEKOZEN for s in eerdere):
        raise ValidationError("Bij dit agendapunt is al iemand gekozen.")
    datum = _datum(vergadering)
    zitting = zitting_hebbende_leden_op(orgaan=vergadering.orgaan, op=datum)
    aanwezigen, fouten = _aanwezigen(vergadering, aanwezig)
    if fouten:
        raise ValidationError(fouten)
    onthouders = list({persoon.pk: persoon for persoon in moeten_onthouden}.values())
    labels = _labels([*zitting, *aanwezigen, *onthouders])
    plaats = _Plaats(vergadering, agendapunt, False, False, False)
    try:
        situatie = _situatie(
            plaats=plaats, zitting=zitting, aanwezig=aanwezigen, moeten_onthouden=onthouders, labels=labels
        )
        uitkomst = stemregels.stemming_over_personen(
            situatie=situatie,
            rondes=rondes,
            voordracht=voordracht,
            lot=lot,
            rng=secrets.SystemRandom() if lot_trekken else None,
        )
    except stemregels.StemregelFout as fout:
        raise _fout(fout) from fout
    uitleg = list(uitkomst.uitleg)
    if uitkomst.volgende_ronde is not None:
        uitleg.append(f"Volgende ronde: {uitkomst.volgende_ronde}")
    stemming = open_stemming or Stemming(
        vergadering=vergadering,
        agendapunt=agendapunt,
        type=Stemming.Type.SCHRIFTELIJK,
        over_personen=True,
    )
    stemming.moment = moment or timezone.now()
    stemming.uitkomst = str(uitkomst.uitkomst)
    stemming.geldig = uitkomst.uitkomst != stemregels.Uitkomst.ONGELDIG
    stemming.uitleg = uitleg
    # Counts of the last round; the earlier rounds are in the explanation.
    stemming.aantal_voor = rondes[-1].uitgebracht
    stemming.full_clean()
    stemming.save()
    stemming.aanwezig.set(aanwezigen)
    stemming.moeten_onthouden.set(onthouders)
    if uitkomst.uitkomst == stemregels.Uitkomst.GEKOZEN:
        besluit = Besluit(
            agendapunt=agendapunt,
            stemming=stemming,
            resultaat=Besluit.Resultaat.AANGENOMEN,
            toelichting=uitkomst.samenvatting,
            genomen_op=datum,
        )
        besluit.full_clean()
        besluit.save()
    return stemming
