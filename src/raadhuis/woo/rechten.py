"""Who may work in woo; the Werkplek menu, the services and the views all read this."""

from django.utils.translation import gettext_lazy as _

from raadhuis.accounts.models import Rol
from raadhuis.core.rechten import een_van_rollen, registreren

# The dashboard and the request pages: who works on requests. The controller only sees the
# figures (STATISTIEK_ROLLEN), not the requesters' details.
WERKPLEK_ROLLEN: frozenset[str] = frozenset({Rol.WOO_COORDINATOR, Rol.BEHANDELAAR, Rol.BEHEERDER})
STATISTIEK_ROLLEN: frozenset[str] = frozenset({Rol.WOO_COORDINATOR, Rol.CONTROLLER, Rol.BEHEERDER})

# Who may be the behandelaar of a request (WOO_VERZOEK_BEHANDELEN).
BEHANDELAAR_ROLLEN: frozenset[str] = frozenset({Rol.WOO_COORDINATOR, Rol.BEHEERDER})

# Seeing the dashboard and a request's page (the actions on it check their own permission).
WOO_WERKPLEK_INZIEN = "woo.werkplek.inzien"
# Registering and handling Woo requests: intake from e-mail or letter, suspensions, verdaging,
# ingebrekestellingen, the behandelaar, the decision and withdrawal (the woo-coordinator).
WOO_VERZOEK_BEHANDELEN = "woo.verzoek.behandelen"
# Uploading documents in scope, accepting or drawing boxes and assessing documents: colleagues
# who know the subject work on a request next to the coordinator.
WOO_DOCUMENTEN_BEOORDELEN = "woo.documenten.beoordelen"
# The second pair of eyes: approving an assessment someone else made (the service also checks
# that the approver is not the assessor).
WOO_BEOORDELING_GOEDKEUREN = "woo.beoordeling.goedkeuren"
# The figures the municipality reports to the council.
WOO_STATISTIEK_INZIEN = "woo.statistiek.inzien"
# The list of officials whose names stay visible.
WOO_ZICHTBARE_NAMEN_BEHEREN = "woo.zichtbare_namen.beheren"


def registreren_voor_woo() -> None:
    registreren(
        WOO_WERKPLEK_INZIEN,
        een_van_rollen(sorted(WERKPLEK_ROLLEN)),
        weigering=_("Alleen medewerkers die aan Woo-verzoeken werken zien deze pagina."),
    )
    registreren(
        WOO_VERZOEK_BEHANDELEN,
        een_van_rollen(sorted(BEHANDELAAR_ROLLEN)),
        weigering=_("Alleen de Woo-coördinator mag Woo-verzoeken registreren en behandelen."),
    )
    registreren(
        WOO_DOCUMENTEN_BEOORDELEN,
        een_van_rollen([Rol.WOO_COORDINATOR, Rol.BEHANDELAAR, Rol.BEHEERDER]),
        weigering=_(
            "Alleen de Woo-coördinator en behandelaars mogen documenten van een Woo-verzoek beoordelen."
        ),
    )
    registreren(
        WOO_BEOORDELING_GOEDKEUREN,
        een_van_rollen([Rol.WOO_COORDINATOR, Rol.BEHEERDER]),
        weigering=_("Alleen de Woo-coördinator mag een beoordeling goedkeuren."),
    )
    registreren(
        WOO_STATISTIEK_INZIEN,
        een_van_rollen(sorted(STATISTIEK_ROLLEN)),
        weigering=_("Alleen de Woo-coördinator en de controller zien de Woo-cijfers."),
    )
    registreren(
        WOO_ZICHTBARE_NAMEN_BEHEREN,
        een_van_rollen([Rol.WOO_COORDINATOR, Rol.BEHEERDER]),
        weigering=_("Alleen de Woo-coördinator beheert de lijst met zichtbare namen."),
    )
