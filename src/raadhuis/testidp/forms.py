"""The test IdP's login page: the tester picks DigiD or eHerkenning, an identity and a level."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from raadhuis.core.bsn import valideer_bsn
from raadhuis.core.forms import RaadhuisForm
from raadhuis.core.validators import KVK_MELDING, is_kvk_nummer

# The acr values real brokers send (SAML AuthnContextClassRef for DigiD, etoegang for eHerkenning).
DIGID_NIVEAUS = [
    ("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport", "DigiD Basis"),
    ("urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract", "DigiD Midden"),
    ("urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard", "DigiD Substantieel"),
    ("urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI", "DigiD Hoog"),
]
EHERKENNING_NIVEAUS = [
    ("urn:etoegang:core:assurance-class:loa2", "EH2"),
    ("urn:etoegang:core:assurance-class:loa2plus", "EH2+"),
    ("urn:etoegang:core:assurance-class:loa3", "EH3"),
    ("urn:etoegang:core:assurance-class:loa4", "EH4"),
]
NIVEAUS_PER_MIDDEL = {
    "digid": [waarde for waarde, _label in DIGID_NIVEAUS],
    "eherkenning": [waarde for waarde, _label in EHERKENNING_NIVEAUS],
}
STANDAARD_NIVEAU = {"digid": DIGID_NIVEAUS[2][0], "eherkenning": EHERKENNING_NIVEAUS[2][0]}
# BSNs in the 9999xxxxx test range that pass the 11-proef; never issued to real people.
TEST_BSNS = ["999993653", "999990019", "999991772", "999995571", "999996708"]


class TestInlogForm(RaadhuisForm):
    middel = forms.ChoiceField(
        label=_("Inlogmiddel"),
        choices=[("digid", _("DigiD (inwoner)")), ("eherkenning", _("eHerkenning (ondernemer)"))],
    )
    niveau = forms.ChoiceField(
        label=_("Betrouwbaarheidsniveau"),
        choices=[("DigiD", DIGID_NIVEAUS), ("eHerkenning", EHERKENNING_NIVEAUS)],
        help_text=_("Kies een DigiD-niveau bij DigiD en een eHerkenning-niveau bij eHerkenning."),
    )
    test_bsn = forms.ChoiceField(
        label=_("Test-BSN"),
        required=False,
        initial=TEST_BSNS[0],  # one click to log in; the own BSN field wins when filled in
        choices=[("", _("Zelf een BSN invullen"))]
        + [
            (bsn, _("%(bsn)s (testpersoon %(nummer)s)") % {"bsn": bsn, "nummer": nummer})
            for nummer, bsn in enumerate(TEST_BSNS, start=1)
        ],
    )
    eigen_bsn = forms.CharField(
        label=_("Ander BSN"),
        required=False,
        max_length=12,
        help_text=_("Alleen als u hierboven geen test-BSN kiest; het BSN moet voldoen aan de elfproef."),
    )
    kvk_nummer = forms.CharField(label=_("KvK-nummer"), required=False, max_length=8)
    vestigingsnummer = forms.CharField(
        label=_("Vestigingsnummer"), required=False, max_length=12, help_text=_("12 cijfers.")
    )
    handelende_persoon = forms.CharField(
        label=_("Handelende persoon"),
        required=False,
        max_length=100,
        help_text=_("De medewerker die namens het bedrijf handelt (een pseudoniem)."),
    )

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        middel = gegevens.get("middel")
        niveau = gegevens.get("niveau")
        if middel and niveau and niveau not in NIVEAUS_PER_MIDDEL[middel]:
            self.add_error("niveau", _("Dit niveau hoort niet bij het gekozen inlogmiddel."))
        if middel == "digid":
            eigen = (gegevens.get("eigen_bsn") or "").strip()
            if eigen:
                try:
                    gegevens["bsn"] = valideer_bsn(eigen)
                except ValidationError as fout:
                    self.add_error("eigen_bsn", fout)
            elif gegevens.get("test_bsn"):
                gegevens["bsn"] = gegevens["test_bsn"]
            else:
                self.add_error("eigen_bsn", _("Kies een test-BSN of vul een BSN in."))
        elif middel == "eherkenning":
            kvk = (gegevens.get("kvk_nummer") or "").strip()
            if not is_kvk_nummer(kvk):
                self.add_error("kvk_nummer", KVK_MELDING)
            vestiging = (gegevens.get("vestigingsnummer") or "").strip()
            if vestiging and not (len(vestiging) == 12 and vestiging.isascii() and vestiging.isdigit()):
                self.add_error("vestigingsnummer", _("Een vestigingsnummer bestaat uit 12 cijfers."))
        return gegevens
