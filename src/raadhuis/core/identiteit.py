"""Who a resident or business is in this session (DigiD/eHerkenning) and at what level of assurance."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from django.contrib.sessions.backends.base import SessionBase
from django.utils.translation import gettext_lazy as _

from raadhuis.core import bsn as bsn_module

SESSIE_SLEUTEL = "raadhuis_identiteit"


class Betrouwbaarheidsniveau(enum.IntEnum):
    """eIDAS levels of assurance (Verordening (EU) 910/2014 art. 8; Uitvoeringsverordening (EU)
    2015/1502), ordered so that a higher level satisfies a lower requirement. Wdo: each service is
    classified at one of these levels."""

    LAAG = 10
    SUBSTANTIEEL = 20
    HOOG = 30

    @property
    def label(self) -> str:
        return str(NIVEAU_LABELS[self])


NIVEAU_LABELS = {
    Betrouwbaarheidsniveau.LAAG: _("laag"),
    Betrouwbaarheidsniveau.SUBSTANTIEEL: _("substantieel"),
    Betrouwbaarheidsniveau.HOOG: _("hoog"),
}

# How the brokers name their levels, mapped to eIDAS (Logius eIDAS table, see
# shared/domain/wdo-en-beveiliging.md section 2). DigiD Basis is single factor and does not really
# meet eIDAS laag (VNG Realisatie); it is mapped to laag because that is what DigiD itself claims.
# Values are the SAML AuthnContextClassRef URNs the brokers send in the `acr` claim, plus short names.
BROKER_NIVEAUS: dict[str, Betrouwbaarheidsniveau] = {
    "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport": Betrouwbaarheidsniveau.LAAG,
    "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract": Betrouwbaarheidsniveau.LAAG,
    "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard": Betrouwbaarheidsniveau.SUBSTANTIEEL,
    "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI": Betrouwbaarheidsniveau.HOOG,
    "urn:etoegang:core:assurance-class:loa2": Betrouwbaarheidsniveau.LAAG,
    "urn:etoegang:core:assurance-class:loa2plus": Betrouwbaarheidsniveau.LAAG,
    "urn:etoegang:core:assurance-class:loa3": Betrouwbaarheidsniveau.SUBSTANTIEEL,
    "urn:etoegang:core:assurance-class:loa4": Betrouwbaarheidsniveau.HOOG,
    "digid-basis": Betrouwbaarheidsniveau.LAAG,
    "digid-midden": Betrouwbaarheidsniveau.LAAG,
    "digid-substantieel": Betrouwbaarheidsniveau.SUBSTANTIEEL,
    "digid-hoog": Betrouwbaarheidsniveau.HOOG,
    "eh2": Betrouwbaarheidsniveau.LAAG,
    "eh2+": Betrouwbaarheidsniveau.LAAG,
    "eh3": Betrouwbaarheidsniveau.SUBSTANTIEEL,
    "eh4": Betrouwbaarheidsniveau.HOOG,
    "low": Betrouwbaarheidsniveau.LAAG,
    "substantial": Betrouwbaarheidsniveau.SUBSTANTIEEL,
    "high": Betrouwbaarheidsniveau.HOOG,
}


def niveau_van_broker(waarde: str) -> Betrouwbaarheidsniveau | None:
    waarde = waarde.strip()
    return BROKER_NIVEAUS.get(waarde) or BROKER_NIVEAUS.get(waarde.lower())


class Soort(enum.StrEnum):
    INWONER = "inwoner"  # DigiD: a natural person with a BSN
    ONDERNEMER = "ondernemer"  # eHerkenning: a business with a KvK number


@dataclass(frozen=True)
class Identiteit:
    """A logged-in resident or business. The BSN lives only in memory here; the session holds it
    encrypted (core.bsn), and it never goes into a URL or a log line."""

    soort: Soort
    niveau: Betrouwbaarheidsniveau
    bsn: str = ""
    kvk_nummer: str = ""
    vestigingsnummer: str = ""
    handelende_persoon: str = ""  # eHerkenning: the employee acting for the business (pseudonym)
    naam: str = ""
    middel: str = ""  # "digid" or "eherkenning", for the explanation on screen

    def voldoet_aan(self, minimum: Betrouwbaarheidsniveau) -> bool:
        return self.niveau >= minimum

    @property
    def betrokkene_sleutel(self) -> tuple[str, str]:
        """(type, value) of the data subject for the logboek: BSN for residents, KvK for businesses."""
        if self.soort is Soort.INWONER:
            return ("BSN", self.bsn)
        return ("KVK", self.kvk_nummer)


def identiteit_opslaan(sessie: SessionBase, identiteit: Identiteit) -> None:
    sessie[SESSIE_SLEUTEL] = {
        "soort": identiteit.soort.value,
        "niveau": int(identiteit.niveau),
        "bsn": bsn_module.versleutel(identiteit.bsn) if identiteit.bsn else "",
        "kvk_nummer": identiteit.kvk_nummer,
        "vestigingsnummer": identiteit.vestigingsnummer,
        "handelende_persoon": identiteit.handelende_persoon,
        "naam": identiteit.naam,
        "middel": identiteit.middel,
    }


def huidige_identiteit(sessie: SessionBase) -> Identiteit | None:
    gegevens = sessie.get(SESSIE_SLEUTEL)
    if not isinstance(gegevens, dict):
        return None
    try:
        return Identiteit(
            soort=Soort(gegevens["soort"]),
            niveau=Betrouwbaarheidsniveau(gegevens["niveau"]),
            bsn=bsn_module.ontsleutel(gegevens["bsn"]) if gegevens.get("bsn") else "",
            kvk_nummer=gegevens.get("kvk_nummer", ""),
            vestigingsnummer=gegevens.get("vestigingsnummer", ""),
            handelende_persoon=gegevens.get("handelende_persoon", ""),
            naam=gegevens.get("naam", ""),
            middel=gegevens.get("middel", ""),
        )
    except (KeyError, ValueError):
        # A session from an older version or with a rotated-away key: treat as logged out.
        return None


def identiteit_vergeten(sessie: SessionBase) -> None:
    sessie.pop(SESSIE_SLEUTEL, None)
