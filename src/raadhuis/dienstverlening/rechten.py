"""Who may do what in dienstverlening; the Werkplek menu, the services and the views all read this."""

from django.utils.translation import gettext_lazy as _

from raadhuis.accounts.models import Rol
from raadhuis.core.rechten import een_van_rollen, registreren

WERKPLEK_ROLLEN: frozenset[str] = frozenset(
    {Rol.KCC_MEDEWERKER, Rol.BEHANDELAAR, Rol.CONTROLLER, Rol.BEHEERDER}
)

# The product catalogue (PDC), zaaktypen and each product's level of assurance: a choice of the
# municipality (Wdo; wdo-en-beveiliging.md section 2).
PRODUCT_BEHEREN = "product.beheren"
# Handling cases: claim, assign, status, notes, documents, messages (the work queue).
ZAAK_BEHANDELEN = "zaak.behandelen"
# Registering a request for someone at the desk, on the phone or from a letter (assisted channel).
ZAAK_REGISTREREN = "zaak.registreren"
# Reading the work queue and cases without changing them (the controller, for monitoring).
ZAAK_INZIEN = "zaak.inzien"
# Booking, moving and cancelling appointments and ceremonies for callers and visitors.
AFSPRAAK_BEHEREN = "afspraak.beheren"
# Locations, desks, opening hours, appointment types, trouwlocaties and BABS.
AGENDA_INRICHTEN = "agenda.inrichten"
# Registering contacts on every channel, answering questions, creating and completing callbacks,
# and handing out a satisfaction survey at the desk (the KCC and the front office).
KLANTCONTACT_REGISTREREN = "klantcontact.registreren"
# The 360° view of one resident or business: all contacts and cases across channels (logged).
KLANTBEELD_INZIEN = "klantbeeld.inzien"
# The knowledge base of standard answers.
KENNISBANK_BEHEREN = "kennisbank.beheren"
# The monitoring dashboard, the satisfaction results and the workflow analysis (managers).
MONITORING_INZIEN = "monitoring.inzien"

_BEHANDELAARS = [Rol.BEHANDELAAR, Rol.BEHEERDER]
_FRONT_OFFICE = [Rol.KCC_MEDEWERKER, Rol.BEHANDELAAR, Rol.BEHEERDER]


def registreren_voor_dienstverlening() -> None:
    registreren(
        PRODUCT_BEHEREN,
        een_van_rollen([Rol.BEHEERDER]),
        weigering=_("Alleen een beheerder mag producten en hun betrouwbaarheidsniveau vastleggen."),
    )
    registreren(
        ZAAK_BEHANDELEN,
        een_van_rollen(_BEHANDELAARS),
        weigering=_("Alleen een behandelaar mag zaken oppakken en behandelen."),
    )
    registreren(
        ZAAK_REGISTREREN,
        een_van_rollen(_FRONT_OFFICE),
        weigering=_("Alleen de KCC-medewerker of een behandelaar mag een aanvraag voor iemand invoeren."),
    )
    registreren(
        ZAAK_INZIEN,
        een_van_rollen([*_FRONT_OFFICE, Rol.CONTROLLER]),
        weigering=_("U mag de zaken van dienstverlening niet inzien."),
    )
    registreren(
        AFSPRAAK_BEHEREN,
        een_van_rollen(_FRONT_OFFICE),
        weigering=_("Alleen de KCC-medewerker of een behandelaar mag afspraken voor iemand maken."),
    )
    registreren(
        KLANTCONTACT_REGISTREREN,
        een_van_rollen(_FRONT_OFFICE),
        weigering=_("Alleen de KCC-medewerker of een behandelaar mag klantcontacten vastleggen."),
    )
    registreren(
        KLANTBEELD_INZIEN,
        een_van_rollen(_FRONT_OFFICE),
        weigering=_("Alleen de KCC-medewerker of een behandelaar mag het klantbeeld inzien."),
    )
    registreren(
        KENNISBANK_BEHEREN,
        een_van_rollen(_FRONT_OFFICE),
        weigering=_("Alleen de KCC-medewerker of een behandelaar mag standaardantwoorden schrijven."),
    )
    registreren(
        MONITORING_INZIEN,
        een_van_rollen([Rol.CONTROLLER, Rol.BEHEERDER]),
        weigering=_("Alleen een controller of beheerder mag de monitoring van dienstverlening inzien."),
    )
    registreren(
        AGENDA_INRICHTEN,
        een_van_rollen([Rol.BEHEERDER]),
        weigering=_("Alleen een beheerder mag locaties, balies en openingstijden inrichten."),
    )
