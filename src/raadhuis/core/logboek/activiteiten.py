"""Keys of the register entries the platform itself needs (seeded by migrations core 0004 and 0007)."""

MEDEWERKERACCOUNTS_BEHEREN = "medewerkeraccounts-beheren"
INLOGGEN_DIGID = "inloggen-digid"
INLOGGEN_EHERKENNING = "inloggen-eherkenning"
PERSOONSGEGEVENS_IN_ZAAK_RAADPLEGEN = "persoonsgegevens-in-zaak-raadplegen"
ZOEKEN_OP_BSN = "zoeken-op-bsn"
WOO_VERZOEK_BEHANDELEN = "woo-verzoek-behandelen"
LOGBOEK_RAADPLEGEN = "logboek-raadplegen"
INZAGE_EIGEN_GEGEVENS = "inzage-eigen-gegevens"
MELDINGEN_ABONNEMENTEN = "meldingen-abonnementen"
# Seeded by migration core 0012.
CONSULTATIE_REACTIES = "consultatie-reacties"
MELDINGEN_MEEDOEN = "meldingen-meedoen"
