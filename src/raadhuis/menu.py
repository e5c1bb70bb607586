"""The project's menus: the public sections, and which Werkplek pages each role gets."""

from django.utils.translation import gettext_lazy as _

from raadhuis.besluitvorming.rechten import GRIFFIE_ROLLEN
from raadhuis.besluitvorming.rechten import WERKPLEK_ROLLEN as BESLUITVORMING
from raadhuis.core.navigatie import Menuitem
from raadhuis.core.rechten import BEHEERDER, PRIVACY_OFFICER
from raadhuis.dienstverlening.rechten import WERKPLEK_ROLLEN as DIENSTVERLENING
from raadhuis.publicatie.rechten import WERKPLEK_ROLLEN as PUBLICATIE
from raadhuis.samenleving.rechten import CONSULTATIE_ROLLEN as SAMENLEVING_CONSULTATIES
from raadhuis.samenleving.rechten import PARTNERS_WERKPLEK_ROLLEN as PARTNERS
from raadhuis.samenleving.rechten import PETITIES_ROLLEN
from raadhuis.samenwerking.rechten import WERKPLEK_ROLLEN as SAMENWERKING
from raadhuis.uitvoering.rechten import WERKPLEK_ROLLEN as UITVOERING
from raadhuis.woo.rechten import STATISTIEK_ROLLEN as WOO_STATISTIEK
from raadhuis.woo.rechten import WERKPLEK_ROLLEN as WOO

LOGBOEK_ROLLEN = frozenset({PRIVACY_OFFICER})

PUBLIEK_MENU = (
    Menuitem(_("Home"), "core:home"),
    Menuitem(_("Bestuur"), "besluitvorming:bestuur"),
    Menuitem(_("Raadsakkoord"), "uitvoering:publiek"),
    Menuitem(_("Samenwerking"), "samenwerking:samenwerking"),
    Menuitem(_("Dienstverlening"), "dienstverlening:dienstverlening"),
    Menuitem(_("Meedoen"), "samenleving:meedoen"),
    Menuitem(_("Openbaarheid"), "publicatie:openbaarheid"),
)

WERKPLEK_MENU = (
    Menuitem(_("Overzicht"), "core:werkplek"),
    Menuitem(_("Besluitvorming"), "besluitvorming:werkplek", BESLUITVORMING),
    Menuitem(_("Vergaderingen"), "besluitvorming:werkplek_vergaderingen", GRIFFIE_ROLLEN),
    Menuitem(_("Raadsvragen"), "besluitvorming:werkplek_raadsvragen", BESLUITVORMING),
    Menuitem(_("Inspreken"), "besluitvorming:werkplek_inspreken", GRIFFIE_ROLLEN),
    Menuitem(_("Uitvoeringsagenda"), "uitvoering:werkplek", UITVOERING),
    Menuitem(_("Samenwerkingsverbanden"), "samenwerking:werkplek", SAMENWERKING),
    Menuitem(_("Maatschappelijke partners"), "samenleving:werkplek_partners", PARTNERS),
    Menuitem(_("Petities"), "samenleving:werkplek_petities", PETITIES_ROLLEN),
    Menuitem(_("Dienstverlening"), "dienstverlening:werkplek", DIENSTVERLENING),
    Menuitem(_("Woo-verzoeken"), "woo:werkplek", WOO),
    Menuitem(_("Woo-cijfers"), "woo:statistiek", WOO_STATISTIEK),
    Menuitem(_("Publicaties"), "publicatie:werkplek", PUBLICATIE),
    Menuitem(_("Consultaties"), "samenleving:werkplek_consultaties", SAMENLEVING_CONSULTATIES),
    Menuitem(_("Organisatie"), "core:organisatie", frozenset({BEHEERDER})),
    # The same roles as core.rechten.LOGBOEK_INZIEN, so the menu offers what the page allows.
    Menuitem(_("Logboek dataverwerkingen"), "core:logboek:overzicht", LOGBOEK_ROLLEN),
    Menuitem(_("Verwerkingsregister"), "core:logboek:register", LOGBOEK_ROLLEN),
    Menuitem(_("Inlogblokkades"), "accounts:inlogblokkades", frozenset({BEHEERDER})),
    Menuitem(_("Tweestapsverificatie"), "accounts:tweestapsverificatie"),
    Menuitem(_("Termijnen"), "core:termijnen"),
)
