"""The declared authorization matrix: for every URL pattern, the request(s) to send and the answer
every actor must get. Data, not code; test_matrix.py walks it.

Actors: anonymous, two residents (DigiD, substantieel), a business (eHerkenning) and one employee
per role of accounts.models.Rol (with a finished second factor where the role needs one).

Answers: "ok" (2xx, or a redirect that is not to a login page), "login" (a redirect to a login
page, 401 from the API, or the page of a DigiD/eHerkenning service that explains how to log in),
"403", "404" (not found or not yours), "405" (method not allowed), "ongeldig" (a POST with an
empty body that passed the permission check and was refused by validation: 400/409/422; also a
GET without the parameters an OIDC callback needs), "503" (DigiD/eHerkenning login start without a
configured broker, as in the tests).

A case: "methode" (GET unless said), "pad" (path parameter -> key of data.bouwen's values, or
"=literal"), or "url" (for regex routes), optional "query" ({key} is replaced by that value),
and "verwacht": answers by actor, with the groups "inwoners" (both residents), "medewerkers"
(every role) and "*" (everyone else).
"lek": actor -> reason, where the declared answer is the one a serious product must give and
the application does not yet (the case is xfail(strict=True) until the view is fixed).
"geheim": a value (key of data.bouwen's values) that must not appear in the body for anyone but
the listed actors, also when the page itself may be seen (search snippets).
"""

from __future__ import annotations

from typing import NotRequired, TypedDict

from raadhuis.accounts.models import Rol

MEDEWERKERS: tuple[str, ...] = tuple(rol.value for rol in Rol)
INWONERS: tuple[str, ...] = ("inwoner_a", "inwoner_b")
ACTOREN: tuple[str, ...] = ("anoniem", *INWONERS, "ondernemer", *MEDEWERKERS)


class Geheim(TypedDict):
    tekst: str
    mag_zien: list[str]


class Geval(TypedDict):
    verwacht: dict[str, str]
    methode: NotRequired[str]
    pad: NotRequired[dict[str, str]]
    url: NotRequired[str]
    query: NotRequired[str]
    lek: NotRequired[dict[str, str]]
    geheim: NotRequired[Geheim]


def verwacht_antwoord(geval: Geval, actor: str) -> str:
    """The declared answer for one actor: its own entry, else its group's, else "*"."""
    verwacht = geval["verwacht"]
    if actor in verwacht:
        return verwacht[actor]
    if actor in INWONERS and "inwoners" in verwacht:
        return verwacht["inwoners"]
    if actor in MEDEWERKERS and "medewerkers" in verwacht:
        return verwacht["medewerkers"]
    return verwacht["*"]


# The Werkplek pages of besluitvorming: every role of besluitvorming.rechten.WERKPLEK_ROLLEN.
WERKPLEKROLLEN: dict[str, str] = {
    "*": "login",
    "medewerkers": "ok",
    "kcc-medewerker": "403",
    "behandelaar": "403",
    "woo-coordinator": "403",
    "privacy-officer": "403",
}

MATRIX: dict[str, list[Geval]] = {
    "api/v1/openapi.json": [
        {"verwacht": {"*": "ok"}},
    ],
    "api/v1/docs": [
        {"verwacht": {"*": "ok"}},
    ],
    "api/v1/gezondheid": [
        {"verwacht": {"*": "ok"}},
    ],
    # Liveness and readiness for the process manager and the load balancer: open, like gezondheid.
    "api/v1/levend": [
        {"verwacht": {"*": "ok"}},
    ],
    "api/v1/gereed": [
        {"verwacht": {"*": "ok"}},
    ],
    # Prometheus metrics: only the scraper (token or allowed address, none in the tests); 404 for all.
    "metrics": [
        {"verwacht": {"*": "404"}},
    ],
    "api/v1/organisatie": [
        {"verwacht": {"*": "ok"}},
    ],
    "api/v1/vergaderingen": [
        {"verwacht": {"*": "ok"}},
    ],
    "api/v1/vergaderingen/<id>": [
        {"pad": {"id": "vergadering"}, "verwacht": {"*": "ok"}},
    ],
    "api/v1/agendapunten": [
        {"verwacht": {"*": "ok"}, "geheim": {"tekst": "stuk_geheim_titel", "mag_zien": []}},
    ],
    "api/v1/agendapunten/<id>": [
        {"pad": {"id": "agendapunt"}, "verwacht": {"*": "ok"}},
    ],
    "api/v1/informatieobjecten": [
        {"verwacht": {"*": "ok"}, "geheim": {"tekst": "stuk_geheim_titel", "mag_zien": []}},
    ],
    "api/v1/informatieobjecten/<id>": [
        {"pad": {"id": "stuk"}, "verwacht": {"*": "ok"}},
        {"pad": {"id": "stuk_geheim"}, "verwacht": {"*": "404"}},
    ],
    "api/v1/besluiten": [
        {"verwacht": {"*": "ok"}},
    ],
    "api/v1/besluiten/<id>": [
        {"pad": {"id": "besluit"}, "verwacht": {"*": "ok"}},
    ],
    "api/v1/stemmingen": [
        {"verwacht": {"*": "ok"}},
    ],
    "api/v1/stemmingen/<id>": [
        {"pad": {"id": "stemming"}, "verwacht": {"*": "ok"}},
    ],
    "api/v1/stemmen": [
        {"verwacht": {"*": "ok"}},
    ],
    "api/v1/stemmen/<id>": [
        {"pad": {"id": "stem"}, "verwacht": {"*": "ok"}},
    ],
    "api/v1/stemresultatenperfractie": [
        {"verwacht": {"*": "ok"}},
    ],
    "api/v1/stemresultatenperfractie/<id>": [
        {"pad": {"id": "fractiestemresultaat"}, "verwacht": {"*": "ok"}},
    ],
    "api/v1/fracties": [
        {"verwacht": {"*": "ok"}},
    ],
    "api/v1/fracties/<id>": [
        {"pad": {"id": "fractie"}, "verwacht": {"*": "ok"}},
    ],
    "api/v1/fractielidmaatschappen": [
        {"verwacht": {"*": "ok"}},
    ],
    "api/v1/fractielidmaatschappen/<id>": [
        {"pad": {"id": "fractielidmaatschap"}, "verwacht": {"*": "ok"}},
    ],
    "api/v1/natuurlijkpersonen": [
        {"verwacht": {"*": "ok"}},
    ],
    "api/v1/natuurlijkpersonen/<id>": [
        {"pad": {"id": "persoon"}, "verwacht": {"*": "ok"}},
    ],
    "api/v1/aanwezigedeelnemers": [
        {"verwacht": {"*": "ok"}},
    ],
    "api/v1/aanwezigedeelnemers/<id>": [
        {"pad": {"id": "aanwezigheid"}, "verwacht": {"*": "404"}},
    ],
    "api/v1/mijn-zaken": [
        {
            "verwacht": {"*": "ok", "anoniem": "login", "medewerkers": "login"},
            "geheim": {"tekst": "zaak_a", "mag_zien": ["inwoner_a"]},
        },
    ],
    "api/v1/mijn-zaken/<identificatie>": [
        {
            "pad": {"identificatie": "zaak_a"},
            "verwacht": {"*": "404", "anoniem": "login", "inwoner_a": "ok", "medewerkers": "login"},
        },
        {
            "pad": {"identificatie": "zaak_b"},
            "verwacht": {"*": "login", "inwoner_a": "404", "inwoner_b": "ok", "ondernemer": "404"},
        },
    ],
    "api/v1/woo/verzoeken": [
        {"verwacht": {"*": "405"}},
        {"methode": "POST", "verwacht": {"*": "login", "medewerkers": "ongeldig"}},
    ],
    "api/v1/woo/verzoeken/<kenmerk>": [
        {
            "pad": {"kenmerk": "woo_kenmerk"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "woo-coordinator": "ok"},
        },
    ],
    "api/v1/woo/verzoeken/<kenmerk>/opschortingen": [
        {"pad": {"kenmerk": "woo_kenmerk"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"kenmerk": "woo_kenmerk"},
            "verwacht": {"*": "login", "medewerkers": "ongeldig"},
        },
    ],
    "api/v1/woo/verzoeken/<kenmerk>/verdaging": [
        {"pad": {"kenmerk": "woo_kenmerk"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"kenmerk": "woo_kenmerk"},
            "verwacht": {"*": "login", "medewerkers": "ongeldig"},
        },
    ],
    "api/v1/publicaties": [
        {"verwacht": {"*": "ok"}, "geheim": {"tekst": "publicatie_concept_titel", "mag_zien": []}},
    ],
    "api/v1/publicaties/<publicatie_uuid>": [
        {"pad": {"publicatie_uuid": "publicatie"}, "verwacht": {"*": "ok"}},
        {"pad": {"publicatie_uuid": "publicatie_concept"}, "verwacht": {"*": "404"}},
    ],
    "api/v1/documenten/<document_uuid>": [
        {"pad": {"document_uuid": "publicatiedocument"}, "verwacht": {"*": "ok"}},
        {"pad": {"document_uuid": "publicatiedocument_concept"}, "verwacht": {"*": "404"}},
    ],
    "api/v1/": [
        {"verwacht": {"*": "404"}},
    ],
    "^api/v1/(?P<pad>.*)$": [
        {"url": "/api/v1/bestaat-niet", "verwacht": {"*": "404"}},
    ],
    "taal/": [
        {"verwacht": {"*": "ok"}},
    ],
    "werkplek/inloggen/": [
        {"verwacht": {"*": "ok"}},
    ],
    "werkplek/inloggen/code/": [
        {"verwacht": {"*": "login"}},
    ],
    "werkplek/uitloggen/": [
        {"verwacht": {"*": "405"}},
        {"methode": "POST", "verwacht": {"*": "ok"}},
    ],
    "werkplek/tweestapsverificatie/": [
        {"verwacht": {"*": "login", "medewerkers": "ok"}},
    ],
    "werkplek/inlogblokkades/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok"}},
    ],
    "werkplek/inlogblokkades/ontgrendelen/": [
        {"verwacht": {"*": "405"}},
        {"methode": "POST", "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok"}},
    ],
    "inloggen/<slug:middel>/": [
        {"pad": {"middel": "=digid"}, "verwacht": {"*": "ok"}},
    ],
    "inloggen/<slug:middel>/terug/": [
        {"pad": {"middel": "=digid"}, "verwacht": {"*": "ongeldig"}},
    ],
    "mijn/": [
        {"verwacht": {"*": "ok"}},
    ],
    "mijn/uitloggen/": [
        {"verwacht": {"*": "405"}},
        {"methode": "POST", "verwacht": {"*": "ok"}},
    ],
    "beheer/": [
        {"verwacht": {"*": "login", "beheerder": "ok"}},
    ],
    "beheer/login/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok"}},
    ],
    "beheer/logout/": [
        {"verwacht": {"*": "ok", "beheerder": "405"}},
        {"methode": "POST", "verwacht": {"*": "ok"}},
    ],
    "beheer/password_change/": [
        {"verwacht": {"*": "login", "beheerder": "ok"}},
    ],
    "beheer/password_change/done/": [
        {"verwacht": {"*": "login", "beheerder": "ok"}},
    ],
    "beheer/autocomplete/": [
        {"verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/jsi18n/": [
        {"verwacht": {"*": "login", "beheerder": "ok"}},
    ],
    "beheer/r/<path:content_type_id>/<path:object_id>/": [
        {
            "pad": {"content_type_id": "=1", "object_id": "medewerker"},
            "verwacht": {"*": "login", "beheerder": "404"},
        },
    ],
    "beheer/auth/group/": [
        {"verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/auth/group/add/": [
        {"verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/auth/group/<path:object_id>/history/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "ok"}},
    ],
    "beheer/auth/group/<path:object_id>/delete/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/auth/group/<path:object_id>/change/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/auth/group/<path:object_id>/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "ok"}},
    ],
    "beheer/django_tasks_database/dbtaskresult/": [
        {"verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/django_tasks_database/dbtaskresult/add/": [
        {"verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/django_tasks_database/dbtaskresult/<path:object_id>/history/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "ok"}},
    ],
    "beheer/django_tasks_database/dbtaskresult/<path:object_id>/delete/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/django_tasks_database/dbtaskresult/<path:object_id>/change/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/django_tasks_database/dbtaskresult/<path:object_id>/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "ok"}},
    ],
    "beheer/otp_totp/totpdevice/<int:pk>/config/": [
        {"pad": {"pk": "=1"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/otp_totp/totpdevice/<int:pk>/qrcode/": [
        {"pad": {"pk": "=1"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/otp_totp/totpdevice/": [
        {"verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/otp_totp/totpdevice/add/": [
        {"verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/otp_totp/totpdevice/<path:object_id>/history/": [
        {"pad": {"object_id": "totpdevice"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/otp_totp/totpdevice/<path:object_id>/delete/": [
        {"pad": {"object_id": "totpdevice"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/otp_totp/totpdevice/<path:object_id>/change/": [
        {"pad": {"object_id": "totpdevice"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/otp_totp/totpdevice/<path:object_id>/": [
        {"pad": {"object_id": "totpdevice"}, "verwacht": {"*": "login", "beheerder": "ok"}},
    ],
    "beheer/otp_static/staticdevice/": [
        {"verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/otp_static/staticdevice/add/": [
        {"verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/otp_static/staticdevice/<path:object_id>/history/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "ok"}},
    ],
    "beheer/otp_static/staticdevice/<path:object_id>/delete/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/otp_static/staticdevice/<path:object_id>/change/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/otp_static/staticdevice/<path:object_id>/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "ok"}},
    ],
    "beheer/axes/accessattempt/": [
        {"verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/axes/accessattempt/add/": [
        {"verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/axes/accessattempt/<path:object_id>/history/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "ok"}},
    ],
    "beheer/axes/accessattempt/<path:object_id>/delete/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/axes/accessattempt/<path:object_id>/change/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/axes/accessattempt/<path:object_id>/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "ok"}},
    ],
    "beheer/axes/accesslog/": [
        {"verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/axes/accesslog/add/": [
        {"verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/axes/accesslog/<path:object_id>/history/": [
        {"pad": {"object_id": "toegangslog"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/axes/accesslog/<path:object_id>/delete/": [
        {"pad": {"object_id": "toegangslog"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/axes/accesslog/<path:object_id>/change/": [
        {"pad": {"object_id": "toegangslog"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/axes/accesslog/<path:object_id>/": [
        {"pad": {"object_id": "toegangslog"}, "verwacht": {"*": "login", "beheerder": "ok"}},
    ],
    "beheer/axes/accessfailurelog/": [
        {"verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/axes/accessfailurelog/add/": [
        {"verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/axes/accessfailurelog/<path:object_id>/history/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "ok"}},
    ],
    "beheer/axes/accessfailurelog/<path:object_id>/delete/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/axes/accessfailurelog/<path:object_id>/change/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/axes/accessfailurelog/<path:object_id>/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "ok"}},
    ],
    "beheer/accounts/medewerker/<id>/password/": [
        {"pad": {"id": "aanvraag_a"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/accounts/medewerker/": [
        {"verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/accounts/medewerker/add/": [
        {"verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/accounts/medewerker/<path:object_id>/history/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/accounts/medewerker/<path:object_id>/delete/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/accounts/medewerker/<path:object_id>/change/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/accounts/medewerker/<path:object_id>/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "ok"}},
    ],
    "beheer/accounts/apitoken/": [
        {"verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/accounts/apitoken/add/": [
        {"verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/accounts/apitoken/<path:object_id>/history/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "ok"}},
    ],
    "beheer/accounts/apitoken/<path:object_id>/delete/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/accounts/apitoken/<path:object_id>/change/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "403"}},
    ],
    "beheer/accounts/apitoken/<path:object_id>/": [
        {"pad": {"object_id": "medewerker"}, "verwacht": {"*": "login", "beheerder": "ok"}},
    ],
    "beheer/^(?P<app_label>auth|django_tasks_database|otp_totp|otp_static|axes|accounts)/$": [
        {"url": "/beheer/accounts/", "verwacht": {"*": "login", "beheerder": "404"}},
    ],
    "beheer/(?P<url>.*)$": [
        {"url": "/beheer/bestaat-niet/", "verwacht": {"*": "login", "beheerder": "404"}},
    ],
    "": [
        {"verwacht": {"*": "ok"}},
    ],
    ".well-known/security.txt": [
        {"verwacht": {"*": "ok"}},
    ],
    "toegankelijkheid/": [
        {"verwacht": {"*": "ok"}},
    ],
    "werkplek/": [
        {"verwacht": {"*": "login", "medewerkers": "ok"}},
    ],
    "werkplek/organisatie/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok"}},
    ],
    "werkplek/termijnen/": [
        {"verwacht": {"*": "login", "medewerkers": "ok"}},
    ],
    "werkplek/termijnen/<int:pk>/verwijderen/": [
        {"pad": {"pk": "gelijkgestelde_dag"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "gelijkgestelde_dag"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok"},
        },
    ],
    "werkplek/organisatie/tooi/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok"}},
    ],
    "werkplek/logboek/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "privacy-officer": "ok"}},
    ],
    "werkplek/logboek/export/": [
        {"verwacht": {"*": "405"}},
        {"methode": "POST", "verwacht": {"*": "login", "medewerkers": "403", "privacy-officer": "ok"}},
    ],
    "werkplek/logboek/register/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "privacy-officer": "ok"}},
    ],
    "werkplek/logboek/register/nieuw/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "privacy-officer": "ok"}},
    ],
    "werkplek/logboek/register/<slug:sleutel>/": [
        {
            "pad": {"sleutel": "verwerkingsactiviteit"},
            "verwacht": {"*": "login", "medewerkers": "403", "privacy-officer": "ok"},
        },
    ],
    "werkplek/logboek/register/<slug:sleutel>/herzien/": [
        {
            "pad": {"sleutel": "verwerkingsactiviteit"},
            "verwacht": {"*": "login", "medewerkers": "403", "privacy-officer": "ok"},
        },
    ],
    "mijn/gegevens/": [
        # The resident's own processing log (AVG art. 15): only for a logged-in resident or business.
        {"verwacht": {"*": "ok", "anoniem": "login", "medewerkers": "login"}},
    ],
    "bestuur/": [
        {"verwacht": {"*": "ok"}},
    ],
    "bestuur/vergaderingen/": [
        {"verwacht": {"*": "ok"}},
    ],
    "bestuur/zoeken/": [
        {"verwacht": {"*": "ok"}},
        # The council search must not show a secret paper, nor a snippet of it.
        {
            "query": "q=Grondtransactie+Heron",
            "verwacht": {"*": "ok"},
            "geheim": {"tekst": "stuk_geheim_titel", "mag_zien": []},
        },
    ],
    "bestuur/meldingen/": [
        {"verwacht": {"*": "ok"}},
    ],
    "bestuur/meldingen/aangevraagd/": [
        {"verwacht": {"*": "ok"}},
    ],
    "bestuur/meldingen/<int:pk>/<str:sleutel>/bevestigen/": [
        {"pad": {"pk": "=1", "sleutel": "=onbekend"}, "verwacht": {"*": "404"}},
    ],
    "bestuur/meldingen/<int:pk>/<str:sleutel>/afmelden/": [
        {"pad": {"pk": "=1", "sleutel": "=onbekend"}, "verwacht": {"*": "404"}},
    ],
    # Inspreken: everyone may ask to speak at a meeting whose sign-up is open; an empty form is refused.
    "bestuur/vergaderingen/<int:pk>/inspreken/": [
        {"pad": {"pk": "vergadering_inspreken"}, "verwacht": {"*": "ok"}},
        {"methode": "POST", "pad": {"pk": "vergadering_inspreken"}, "verwacht": {"*": "ongeldig"}},
    ],
    "bestuur/vergaderingen/<int:pk>/inspreken/aangemeld/": [
        {"pad": {"pk": "vergadering_inspreken"}, "verwacht": {"*": "ok"}},
    ],
    "bestuur/inspreken/<int:pk>/<str:sleutel>/intrekken/": [
        {"pad": {"pk": "spreekverzoek", "sleutel": "=onbekend"}, "verwacht": {"*": "404"}},
        {"methode": "POST", "pad": {"pk": "spreekverzoek", "sleutel": "=onbekend"}, "verwacht": {"*": "404"}},
    ],
    "bestuur/vergaderingen.ics": [
        {"verwacht": {"*": "ok"}},
    ],
    "bestuur/vergaderingen/<int:pk>/": [
        {"pad": {"pk": "vergadering"}, "verwacht": {"*": "ok"}},
        # Admitted speakers are named on the public agenda only with their consent.
        {
            "pad": {"pk": "vergadering_inspreken"},
            "verwacht": {"*": "ok"},
            "geheim": {"tekst": "inspreker_zonder_toestemming", "mag_zien": []},
        },
        {
            "pad": {"pk": "vergadering_besloten"},
            "verwacht": {"*": "ok"},
            "geheim": {"tekst": "stuk_geheim_titel", "mag_zien": []},
        },
    ],
    "bestuur/stemmingen/<int:pk>/": [
        {"pad": {"pk": "stemming_openbaar"}, "verwacht": {"*": "ok"}},
        # A vote on a closed item (Gemeentewet art. 23) has no public page, for anyone.
        {"pad": {"pk": "stemming_besloten"}, "verwacht": {"*": "404"}},
    ],
    "bestuur/personen/<slug:slug>/": [
        {"pad": {"slug": "persoon_slug"}, "verwacht": {"*": "ok"}},
    ],
    "bestuur/fracties/<slug:slug>/": [
        {"pad": {"slug": "fractie_slug"}, "verwacht": {"*": "ok"}},
    ],
    "bestuur/stukken/<int:pk>/download/": [
        {"pad": {"pk": "stuk"}, "verwacht": {"*": "ok"}},
        # A secret paper (Gemeentewet art. 25): the public download never serves it, to anyone.
        {"pad": {"pk": "stuk_geheim"}, "verwacht": {"*": "404"}},
    ],
    "bestuur/<slug:slug>/vergaderingen.ics": [
        {"pad": {"slug": "orgaan_slug"}, "verwacht": {"*": "ok"}},
    ],
    "bestuur/registers/moties/": [
        {"verwacht": {"*": "ok"}},
    ],
    "bestuur/registers/toezeggingen/": [
        {"verwacht": {"*": "ok"}},
    ],
    # Raadsvragen (Gemeentewet art. 155): concepts and draft answers never public.
    "bestuur/raadsvragen/": [
        {
            "verwacht": {"*": "ok"},
            "geheim": {"tekst": "raadsvraag_concept_onderwerp", "mag_zien": []},
        },
    ],
    "bestuur/raadsvragen.atom": [
        {
            "verwacht": {"*": "ok"},
            "geheim": {"tekst": "raadsvraag_concept_onderwerp", "mag_zien": []},
        },
    ],
    "bestuur/raadsvragen/<str:kenmerk>/": [
        {
            "pad": {"kenmerk": "raadsvraag_kenmerk"},
            "verwacht": {"*": "ok"},
            "geheim": {"tekst": "raadsvraag_conceptantwoord", "mag_zien": []},
        },
        {"pad": {"kenmerk": "=RV-1900-001"}, "verwacht": {"*": "404"}},
    ],
    "werkplek/besluitvorming/raadsvragen/": [
        {
            "verwacht": WERKPLEKROLLEN,
            "geheim": {
                "tekst": "raadsvraag_concept_onderwerp",
                "mag_zien": ["griffie", "beheerder", "raadslid"],
            },
        },
    ],
    "werkplek/besluitvorming/raadsvragen/nieuw/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "griffie": "ok",
                "beheerder": "ok",
                "raadslid": "ok",
            }
        },
    ],
    "werkplek/besluitvorming/raadsvragen/termijn/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"}},
    ],
    "werkplek/besluitvorming/raadsvragen/<int:pk>/": [
        {
            "pad": {"pk": "raadsvraag"},
            "verwacht": WERKPLEKROLLEN,
            "geheim": {
                "tekst": "raadsvraag_conceptantwoord",
                "mag_zien": ["griffie", "beheerder", "collegelid"],
            },
        },
        # A concept exists only for its indieners and the griffie.
        {
            "pad": {"pk": "raadsvraag_concept"},
            "verwacht": {
                **WERKPLEKROLLEN,
                "medewerkers": "404",
                "griffie": "ok",
                "beheerder": "ok",
                "raadslid": "ok",
            },
        },
    ],
    "werkplek/besluitvorming/raadsvragen/<int:pk>/bewerken/": [
        {
            "pad": {"pk": "raadsvraag_concept"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "griffie": "ok",
                "beheerder": "ok",
                "raadslid": "ok",
            },
        },
        {
            "methode": "POST",
            "pad": {"pk": "raadsvraag_concept"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "griffie": "ongeldig",
                "beheerder": "ongeldig",
                "raadslid": "ongeldig",
            },
        },
        # Submitted questions are on the record and are not rewritten.
        {
            "pad": {"pk": "raadsvraag"},
            "verwacht": {
                **WERKPLEKROLLEN,
                "medewerkers": "403",
                "griffie": "404",
                "beheerder": "404",
                "raadslid": "404",
            },
        },
    ],
    "werkplek/besluitvorming/raadsvragen/<int:pk>/indienen/": [
        {"pad": {"pk": "raadsvraag_beantwoord"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "raadsvraag_beantwoord"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/raadsvragen/<int:pk>/intrekken/": [
        {"pad": {"pk": "raadsvraag_beantwoord"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "raadsvraag_beantwoord"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/raadsvragen/<int:pk>/toewijzen/": [
        {
            "pad": {"pk": "raadsvraag"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
        {
            "methode": "POST",
            "pad": {"pk": "raadsvraag"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ongeldig", "griffie": "ongeldig"},
        },
    ],
    "werkplek/besluitvorming/raadsvragen/<int:pk>/uitstel/": [
        {
            "pad": {"pk": "raadsvraag"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "griffie": "ok",
                "collegelid": "ok",
            },
        },
        {
            "methode": "POST",
            "pad": {"pk": "raadsvraag"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "griffie": "ongeldig",
                "collegelid": "ongeldig",
            },
        },
    ],
    "werkplek/besluitvorming/raadsvragen/<int:pk>/toezegging/": [
        {
            "pad": {"pk": "raadsvraag"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
        {
            "methode": "POST",
            "pad": {"pk": "raadsvraag"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ongeldig", "griffie": "ongeldig"},
        },
    ],
    "werkplek/besluitvorming/raadsvragen/<int:pk>/antwoord/": [
        {
            "pad": {"pk": "raadsvraag"},
            "verwacht": {"*": "login", "medewerkers": "403", "collegelid": "ok"},
        },
        # An answered question takes no new draft: refused by validation, nothing changes.
        {
            "methode": "POST",
            "pad": {"pk": "raadsvraag_beantwoord"},
            "verwacht": {"*": "login", "medewerkers": "403", "collegelid": "ongeldig"},
        },
    ],
    "werkplek/besluitvorming/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            }
        },
    ],
    "werkplek/besluitvorming/geheimhouding/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"}},
    ],
    "werkplek/besluitvorming/geheimhouding/<int:pk>/bekrachtigen/<int:vergadering>/": [
        {
            "pad": {"pk": "stuk_geheim", "vergadering": "vergadering"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "405", "griffie": "405"},
        },
        {
            "methode": "POST",
            "pad": {"pk": "stuk_geheim", "vergadering": "vergadering"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/geheimhouding/<int:pk>/opheffen/": [
        {
            "pad": {"pk": "stuk_geheim"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "405", "griffie": "405"},
        },
        {
            "methode": "POST",
            "pad": {"pk": "stuk_geheim"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/agendapunten/<int:pk>/stemmen/": [
        {
            "pad": {"pk": "agendapunt"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/agendapunten/<int:pk>/hamerstuk/": [
        {
            "pad": {"pk": "agendapunt"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "405", "griffie": "405"},
        },
        {
            "methode": "POST",
            "pad": {"pk": "agendapunt"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ongeldig", "griffie": "ongeldig"},
        },
    ],
    "werkplek/besluitvorming/voorstellen/<int:pk>/stemming/": [
        {
            "pad": {"pk": "voorstel"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/stemmingen/<int:pk>/": [
        {
            "pad": {"pk": "stemming"},
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            },
        },
    ],
    "werkplek/besluitvorming/stemmingen/<int:pk>/stemverklaring/": [
        {
            "pad": {"pk": "stemming"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "405", "griffie": "405"},
        },
        {
            "methode": "POST",
            "pad": {"pk": "stemming"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ongeldig", "griffie": "ongeldig"},
        },
    ],
    "werkplek/besluitvorming/registers/moties/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            }
        },
    ],
    "werkplek/besluitvorming/registers/toezeggingen/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            }
        },
    ],
    "werkplek/besluitvorming/registers/toezeggingen/<int:pk>/afdoen/": [
        {
            "pad": {"pk": "toezegging"},
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            },
        },
    ],
    "werkplek/besluitvorming/registers/moties/<int:pk>/": [
        {
            "pad": {"pk": "motie"},
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            },
        },
    ],
    "werkplek/besluitvorming/vergaderingen/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"}},
    ],
    "werkplek/besluitvorming/vergaderingen/nieuw/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"}},
    ],
    "werkplek/besluitvorming/vergaderingen/<int:pk>/": [
        {
            "pad": {"pk": "vergadering"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/vergaderingen/<int:pk>/bewerken/": [
        {
            "pad": {"pk": "vergadering"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/vergaderingen/<int:pk>/status/": [
        {"pad": {"pk": "vergadering"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "vergadering"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/vergaderingen/<int:pk>/presentielijst/": [
        {
            "pad": {"pk": "vergadering"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/vergaderingen/<int:pk>/openen/": [
        {
            "pad": {"pk": "vergadering"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/vergaderingen/<int:pk>/vervolg/": [
        {"pad": {"pk": "vergadering"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "vergadering"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ongeldig", "griffie": "ongeldig"},
        },
    ],
    "werkplek/besluitvorming/vergaderingen/<int:pk>/agendapunten/nieuw/": [
        {
            "pad": {"pk": "vergadering"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/vergaderingen/<int:pk>/agendapunten/<int:punt>/bewerken/": [
        {
            "pad": {"pk": "vergadering", "punt": "agendapunt"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/vergaderingen/<int:pk>/agendapunten/<int:punt>/verplaatsen/": [
        {"pad": {"pk": "vergadering", "punt": "agendapunt"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "vergadering", "punt": "agendapunt"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/vergaderingen/<int:pk>/agendapunten/<int:punt>/naar-vergadering/": [
        {"pad": {"pk": "vergadering", "punt": "agendapunt"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "vergadering", "punt": "agendapunt"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/vergaderingen/<int:pk>/agendapunten/<int:punt>/verwijderen/": [
        {"pad": {"pk": "vergadering", "punt": "agendapunt"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "vergadering", "punt": "agendapunt"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/vergaderingen/<int:pk>/agendapunten/<int:punt>/stukken/nieuw/": [
        {
            "pad": {"pk": "vergadering", "punt": "agendapunt"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/organen/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"}},
    ],
    "werkplek/besluitvorming/organen/nieuw/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"}},
    ],
    "werkplek/besluitvorming/organen/<int:pk>/": [
        {
            "pad": {"pk": "orgaan"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/organen/<int:pk>/bewerken/": [
        {
            "pad": {"pk": "orgaan"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/organen/<int:pk>/lidmaatschappen/nieuw/": [
        {
            "pad": {"pk": "orgaan"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/lidmaatschappen/<int:pk>/beeindigen/": [
        {
            "pad": {"pk": "lidmaatschap"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/personen/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"}},
    ],
    "werkplek/besluitvorming/personen/nieuw/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"}},
    ],
    "werkplek/besluitvorming/personen/<int:pk>/": [
        {
            "pad": {"pk": "persoon"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/personen/<int:pk>/fractie-wisselen/": [
        {
            "pad": {"pk": "persoon"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/fracties/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"}},
    ],
    "werkplek/besluitvorming/fracties/nieuw/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"}},
    ],
    "werkplek/besluitvorming/fracties/<int:pk>/": [
        {
            "pad": {"pk": "fractie"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/fracties/<int:pk>/leden/nieuw/": [
        {
            "pad": {"pk": "fractie"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/fractielidmaatschappen/<int:pk>/beeindigen/": [
        {
            "pad": {"pk": "fractielidmaatschap"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/voorstellen/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "griffie": "ok",
                "raadslid": "ok",
            }
        },
    ],
    "werkplek/besluitvorming/vergaderingen/<int:pk>/voorstellen/nieuw/": [
        {
            "pad": {"pk": "vergadering"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "griffie": "ok",
                "raadslid": "ok",
            },
        },
    ],
    "werkplek/besluitvorming/voorstellen/<int:pk>/intrekken/": [
        {
            "pad": {"pk": "voorstel"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/agendapunten/<int:pk>/stemming-over-personen/": [
        {
            "pad": {"pk": "agendapunt"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "raadsakkoord/": [
        {"verwacht": {"*": "ok"}},
    ],
    "raadsakkoord/<slug:slug>/": [
        {"pad": {"slug": "akkoord_slug"}, "verwacht": {"*": "ok"}},
    ],
    "werkplek/uitvoering/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            }
        },
    ],
    "werkplek/uitvoering/programma/<slug:slug>/": [
        {
            "pad": {"slug": "programma_slug"},
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            },
        },
    ],
    "werkplek/uitvoering/programma/<slug:slug>/hoofdstuk/": [
        {
            "pad": {"slug": "programma_slug"},
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            },
        },
    ],
    "werkplek/uitvoering/programma/<slug:slug>/hoofdstuk/publiceren/": [
        {"pad": {"slug": "programma_slug"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"slug": "programma_slug"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "collegelid": "ongeldig",
                "controller": "ongeldig",
            },
        },
    ],
    "werkplek/uitvoering/programma/<slug:slug>/hoofdstuk.<str:formaat>": [
        {
            "pad": {"slug": "programma_slug", "formaat": "=pdf"},
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            },
        },
    ],
    "werkplek/uitvoering/activiteit/<int:pk>/": [
        {
            "pad": {"pk": "activiteit"},
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            },
        },
    ],
    "werkplek/uitvoering/activiteit/<int:pk>/wijzigen/": [
        {
            "pad": {"pk": "activiteit"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "collegelid": "ok",
                "controller": "ok",
            },
        },
    ],
    "werkplek/uitvoering/akkoord/nieuw/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "griffie": "ok",
                "collegelid": "ok",
                "controller": "ok",
            }
        },
    ],
    "werkplek/uitvoering/akkoord/<slug:slug>/": [
        {
            "pad": {"slug": "akkoord_slug"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "griffie": "ok",
                "collegelid": "ok",
                "controller": "ok",
            },
        },
    ],
    "werkplek/uitvoering/akkoord/<slug:slug>/ambitie/": [
        {
            "pad": {"slug": "akkoord_slug"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "griffie": "ok",
                "collegelid": "ok",
                "controller": "ok",
            },
        },
    ],
    "werkplek/uitvoering/akkoord/<slug:slug>/mid-term-review/": [
        {
            "pad": {"slug": "akkoord_slug"},
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            },
        },
    ],
    "werkplek/uitvoering/akkoord/<slug:slug>/mid-term-review.pdf": [
        {
            "pad": {"slug": "akkoord_slug"},
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            },
        },
    ],
    "werkplek/uitvoering/ambitie/<int:pk>/": [
        {
            "pad": {"pk": "ambitie"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "griffie": "ok",
                "collegelid": "ok",
                "controller": "ok",
            },
        },
    ],
    "werkplek/uitvoering/ambitie/<int:pk>/opdracht/": [
        {
            "pad": {"pk": "ambitie"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "griffie": "ok",
                "collegelid": "ok",
                "controller": "ok",
            },
        },
    ],
    "werkplek/uitvoering/ambitie/<int:pk>/doel/": [
        {
            "pad": {"pk": "ambitie"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "collegelid": "ok",
                "controller": "ok",
            },
        },
    ],
    "werkplek/uitvoering/doel/<int:pk>/": [
        {
            "pad": {"pk": "doel"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "collegelid": "ok",
                "controller": "ok",
            },
        },
    ],
    "werkplek/uitvoering/doel/<int:pk>/indicator/": [
        {
            "pad": {"pk": "doel"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "collegelid": "ok",
                "controller": "ok",
            },
        },
    ],
    "werkplek/uitvoering/doel/<int:pk>/actie/": [
        {
            "pad": {"pk": "doel"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "collegelid": "ok",
                "controller": "ok",
            },
        },
    ],
    "werkplek/uitvoering/actie/<int:pk>/": [
        {
            "pad": {"pk": "actie"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "collegelid": "ok",
                "controller": "ok",
            },
        },
    ],
    "werkplek/uitvoering/actie/<int:pk>/activiteit/": [
        {
            "pad": {"pk": "actie"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "collegelid": "ok",
                "controller": "ok",
            },
        },
    ],
    "werkplek/uitvoering/kengetallen/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "controller": "ok"}},
    ],
    "samenwerking/": [
        {"verwacht": {"*": "ok"}},
    ],
    "samenwerking/<slug:slug>/": [
        {"pad": {"slug": "verband_slug"}, "verwacht": {"*": "ok"}},
    ],
    "werkplek/samenwerking/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            }
        },
    ],
    "werkplek/samenwerking/nieuw/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "collegelid": "ok",
                "controller": "ok",
            }
        },
    ],
    "werkplek/samenwerking/termijnen/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            }
        },
    ],
    "werkplek/samenwerking/termijnen/nieuw/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"}},
    ],
    "werkplek/samenwerking/termijnen/<int:pk>/agenderen/": [
        {
            "pad": {"pk": "wgrprocedure"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/samenwerking/monitoring/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            }
        },
    ],
    "werkplek/samenwerking/paragraaf/<int:jaar>/": [
        {
            "pad": {"jaar": "jaar"},
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            },
        },
    ],
    "werkplek/samenwerking/paragraaf/<int:jaar>/publiceren/": [
        {"pad": {"jaar": "jaar"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"jaar": "jaar"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "collegelid": "ongeldig",
                "controller": "ongeldig",
            },
        },
    ],
    "werkplek/samenwerking/paragraaf/<int:jaar>.pdf": [
        {
            "pad": {"jaar": "jaar"},
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            },
        },
    ],
    "werkplek/samenwerking/paragraaf/<int:jaar>.csv": [
        {
            "pad": {"jaar": "jaar"},
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            },
        },
    ],
    "werkplek/samenwerking/document/<int:pk>/": [
        {
            "pad": {"pk": "samenwerkingsdocument"},
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            },
        },
    ],
    "werkplek/samenwerking/partij/<slug:slug>/": [
        {
            "pad": {"slug": "verband_slug"},
            "verwacht": {
                "*": "login",
                "medewerkers": "ok",
                "kcc-medewerker": "403",
                "behandelaar": "403",
                "woo-coordinator": "403",
                "privacy-officer": "403",
            },
        },
    ],
    "werkplek/samenwerking/partij/<slug:slug>/bewerken/": [
        {
            "pad": {"slug": "verband_slug"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "collegelid": "ok",
                "controller": "ok",
            },
        },
    ],
    "werkplek/samenwerking/partij/<slug:slug>/<str:onderdeel>/<int:pk>/": [
        {
            "pad": {"slug": "verband_slug", "onderdeel": "=deelnemer", "pk": "deelnemer"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "collegelid": "ok",
                "controller": "ok",
            },
        },
    ],
    "werkplek/samenwerking/partij/<slug:slug>/<str:onderdeel>/": [
        {
            "pad": {"slug": "verband_slug", "onderdeel": "=deelnemer"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "collegelid": "ok",
                "controller": "ok",
            },
        },
    ],
    # Maatschappelijke partners (samenleving.rechten): partners and convenanten by a collegelid or
    # the beheerder, subsidieverplichtingen also by the controller; contact persons never public.
    "meedoen/partners/": [
        {"verwacht": {"*": "ok"}, "geheim": {"tekst": "partner_contact_email", "mag_zien": []}},
    ],
    "meedoen/partners/<slug:slug>/": [
        {
            "pad": {"slug": "partner_slug"},
            "verwacht": {"*": "ok"},
            "geheim": {"tekst": "partner_contact_email", "mag_zien": []},
        },
    ],
    "werkplek/partners/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "collegelid": "ok",
                "controller": "ok",
            }
        },
    ],
    "werkplek/partners/nieuw/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "collegelid": "ok"}},
    ],
    "werkplek/partners/convenanten/nieuw/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "collegelid": "ok"}},
    ],
    "werkplek/partners/convenanten/<int:pk>/": [
        {
            "pad": {"pk": "convenant"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "collegelid": "ok"},
        },
    ],
    "werkplek/partners/convenanten/<int:pk>/publiceren/": [
        {"pad": {"pk": "convenant"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "convenant"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "collegelid": "ok"},
        },
    ],
    "werkplek/partners/convenanten/<int:pk>/intrekken/": [
        {"pad": {"pk": "convenant"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "convenant"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "collegelid": "ongeldig",
            },
        },
    ],
    "werkplek/partners/convenanten/<int:pk>/document/": [
        {
            "pad": {"pk": "convenant"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "collegelid": "ok",
                "controller": "ok",
            },
        },
    ],
    "werkplek/partners/subsidies/nieuw/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "collegelid": "ok",
                "controller": "ok",
            }
        },
    ],
    "werkplek/partners/subsidies/<int:pk>/": [
        {
            "pad": {"pk": "subsidieverplichting"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "collegelid": "ok",
                "controller": "ok",
            },
        },
    ],
    "werkplek/partners/subsidies/<int:pk>/publiceren/": [
        {"pad": {"pk": "subsidieverplichting"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "subsidieverplichting"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "collegelid": "ok",
                "controller": "ok",
            },
        },
    ],
    "werkplek/partners/subsidies/<int:pk>/intrekken/": [
        {"pad": {"pk": "subsidieverplichting"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "subsidieverplichting"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "collegelid": "ongeldig",
                "controller": "ongeldig",
            },
        },
    ],
    "werkplek/partners/contactpersonen/<int:pk>/verwijderen/": [
        {"pad": {"pk": "contactpersoon"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "contactpersoon"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "collegelid": "ok"},
        },
    ],
    "werkplek/partners/<slug:slug>/": [
        {
            "pad": {"slug": "partner_slug"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "collegelid": "ok",
                "controller": "ok",
            },
            "geheim": {
                "tekst": "partner_contact_email",
                "mag_zien": ["beheerder", "collegelid", "controller"],
            },
        },
    ],
    "werkplek/partners/<slug:slug>/bewerken/": [
        {
            "pad": {"slug": "partner_slug"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "collegelid": "ok"},
        },
    ],
    "werkplek/partners/<slug:slug>/contactpersonen/": [
        {
            "pad": {"slug": "partner_slug"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "collegelid": "ok"},
        },
        {
            "methode": "POST",
            "pad": {"slug": "partner_slug"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "collegelid": "ongeldig",
            },
        },
    ],
    "dienstverlening/": [
        {"verwacht": {"*": "ok"}},
    ],
    "dienstverlening/<slug:slug>/": [
        {"pad": {"slug": "product_slug"}, "verwacht": {"*": "ok"}},
    ],
    "dienstverlening/<slug:slug>/starten/": [
        {
            "pad": {"slug": "product_slug"},
            "verwacht": {"*": "ok", "anoniem": "login", "ondernemer": "403", "medewerkers": "login"},
        },
    ],
    "werkplek/dienstverlening/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
                "controller": "ok",
            }
        },
    ],
    "werkplek/dienstverlening/producten/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
                "controller": "ok",
            }
        },
    ],
    "werkplek/dienstverlening/producten/nieuw/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok"}},
    ],
    "werkplek/dienstverlening/producten/<int:pk>/": [
        {
            "pad": {"pk": "product"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
                "controller": "ok",
            },
        },
    ],
    "werkplek/dienstverlening/producten/<int:pk>/bewerken/": [
        {"pad": {"pk": "product"}, "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok"}},
    ],
    "werkplek/dienstverlening/producten/<int:pk>/tarieven/": [
        {"pad": {"pk": "product"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "product"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ongeldig"},
        },
    ],
    "werkplek/dienstverlening/producten/<int:pk>/tarieven/<int:tarief_pk>/verwijderen/": [
        {"pad": {"pk": "product", "tarief_pk": "tarief_van_product"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "product", "tarief_pk": "tarief_van_product"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok"},
        },
    ],
    "werkplek/dienstverlening/zaaktypen/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
                "controller": "ok",
            }
        },
    ],
    "dienstverlening/<slug:slug>/aanvragen/": [
        {
            "pad": {"slug": "product_slug"},
            "verwacht": {"*": "ok", "anoniem": "login", "ondernemer": "403", "medewerkers": "login"},
        },
    ],
    "dienstverlening/aanvraag/<uuid:id>/samenvatting/": [
        {
            "pad": {"id": "aanvraag_a"},
            "verwacht": {"*": "404", "anoniem": "login", "inwoner_a": "ok", "medewerkers": "login"},
        },
    ],
    "dienstverlening/aanvraag/<uuid:id>/opgeslagen/": [
        {
            "pad": {"id": "aanvraag_a"},
            "verwacht": {"*": "404", "anoniem": "login", "inwoner_a": "ok", "medewerkers": "login"},
        },
    ],
    "dienstverlening/aanvraag/<uuid:id>/bevestiging/": [
        {
            "pad": {"id": "aanvraag_a"},
            "verwacht": {"*": "404", "anoniem": "login", "inwoner_a": "ok", "medewerkers": "login"},
        },
    ],
    "dienstverlening/aanvraag/<uuid:id>/<slug:stap>/": [
        {
            "pad": {"id": "aanvraag_a", "stap": "aanvraagstap_a"},
            "verwacht": {"*": "404", "anoniem": "login", "inwoner_a": "ok", "medewerkers": "login"},
        },
    ],
    "werkplek/dienstverlening/aanvraag/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
            }
        },
    ],
    "werkplek/dienstverlening/aanvraag/<uuid:id>/samenvatting/": [
        {
            "pad": {"id": "aanvraag_a"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "404",
                "kcc-medewerker": "404",
                "behandelaar": "404",
            },
        },
    ],
    "werkplek/dienstverlening/aanvraag/<uuid:id>/opgeslagen/": [
        {
            "pad": {"id": "aanvraag_a"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "404",
                "kcc-medewerker": "404",
                "behandelaar": "404",
            },
        },
    ],
    "werkplek/dienstverlening/aanvraag/<uuid:id>/bevestiging/": [
        {
            "pad": {"id": "aanvraag_a"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "404",
                "kcc-medewerker": "404",
                "behandelaar": "404",
            },
        },
    ],
    "werkplek/dienstverlening/aanvraag/<uuid:id>/<slug:stap>/": [
        {
            "pad": {"id": "aanvraag_a", "stap": "aanvraagstap_a"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "404",
                "kcc-medewerker": "404",
                "behandelaar": "404",
            },
        },
    ],
    "werkplek/dienstverlening/zaken/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
                "controller": "ok",
            }
        },
    ],
    "werkplek/dienstverlening/zaken/<str:identificatie>/": [
        {
            "pad": {"identificatie": "zaak_a"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
                "controller": "ok",
            },
        },
    ],
    "werkplek/dienstverlening/zaken/<str:identificatie>/oppakken/": [
        {"pad": {"identificatie": "zaak_a"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"identificatie": "zaak_a"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "behandelaar": "ok"},
        },
    ],
    "werkplek/dienstverlening/zaken/<str:identificatie>/toewijzen/": [
        {"pad": {"identificatie": "zaak_a"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"identificatie": "zaak_a"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "behandelaar": "ok"},
        },
    ],
    "werkplek/dienstverlening/zaken/<str:identificatie>/status/": [
        {"pad": {"identificatie": "zaak_a"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"identificatie": "zaak_a"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "behandelaar": "ongeldig",
            },
        },
    ],
    "werkplek/dienstverlening/zaken/<str:identificatie>/notitie/": [
        {"pad": {"identificatie": "zaak_a"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"identificatie": "zaak_a"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "behandelaar": "ongeldig",
            },
        },
    ],
    "werkplek/dienstverlening/zaken/<str:identificatie>/document/": [
        {"pad": {"identificatie": "zaak_a"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"identificatie": "zaak_a"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "behandelaar": "ongeldig",
            },
        },
    ],
    "werkplek/dienstverlening/zaken/<str:identificatie>/bericht/": [
        {"pad": {"identificatie": "zaak_a"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"identificatie": "zaak_a"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "behandelaar": "ongeldig",
            },
        },
    ],
    "werkplek/dienstverlening/zaken/<str:identificatie>/documenten/<int:pk>/": [
        {
            "pad": {"identificatie": "zaak_a", "pk": "zaakdocument_a"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
                "controller": "ok",
            },
        },
    ],
    "mijn-zaken/": [
        {
            "verwacht": {"*": "ok", "anoniem": "login", "medewerkers": "login"},
            "geheim": {"tekst": "zaak_a", "mag_zien": ["inwoner_a"]},
        },
    ],
    "mijn-zaken/<str:identificatie>/": [
        {
            "pad": {"identificatie": "zaak_a"},
            "verwacht": {"*": "404", "anoniem": "login", "inwoner_a": "ok", "medewerkers": "login"},
        },
        {
            "pad": {"identificatie": "zaak_b"},
            "verwacht": {"*": "login", "inwoner_a": "404", "inwoner_b": "ok", "ondernemer": "404"},
        },
    ],
    "mijn-zaken/<str:identificatie>/bericht/": [
        {"pad": {"identificatie": "zaak_a"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"identificatie": "zaak_a"},
            "verwacht": {"*": "404", "anoniem": "login", "inwoner_a": "ongeldig", "medewerkers": "login"},
        },
    ],
    "mijn-zaken/<str:identificatie>/document/": [
        {"pad": {"identificatie": "zaak_a"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"identificatie": "zaak_a"},
            "verwacht": {"*": "404", "anoniem": "login", "inwoner_a": "ongeldig", "medewerkers": "login"},
        },
    ],
    "mijn-zaken/<str:identificatie>/documenten/<int:pk>/": [
        {
            "pad": {"identificatie": "zaak_a", "pk": "zaakdocument_a"},
            "verwacht": {"*": "404", "anoniem": "login", "inwoner_a": "ok", "medewerkers": "login"},
        },
        # Resident A's own case with resident B's document number.
        {
            "pad": {"identificatie": "zaak_a", "pk": "zaakdocument_b"},
            "verwacht": {"*": "login", "inwoners": "404", "ondernemer": "404"},
        },
    ],
    "afspraak/": [
        {"verwacht": {"*": "ok"}},
    ],
    "afspraak/bevestiging/": [
        {"verwacht": {"*": "ok"}},
    ],
    "afspraak/beheren/<str:code>/": [
        {"pad": {"code": "afspraakcode_a"}, "verwacht": {"*": "ok"}},
        # The code from the e-mail is the key; a wrong one shows nobody's appointment.
        {"pad": {"code": "=onjuiste-code-0123456789"}, "verwacht": {"*": "404"}},
    ],
    "afspraak/beheren/<str:code>/annuleren/": [
        {"pad": {"code": "afspraakcode_a"}, "verwacht": {"*": "ok"}},
    ],
    "afspraak/beheren/<str:code>/verzetten/": [
        {"pad": {"code": "afspraakcode_a"}, "verwacht": {"*": "ok"}},
    ],
    "afspraak/<slug:type_slug>/": [
        {"pad": {"type_slug": "afspraaktype_slug"}, "verwacht": {"*": "ok"}},
    ],
    "afspraak/<slug:type_slug>/<slug:locatie_slug>/": [
        {"pad": {"type_slug": "afspraaktype_slug", "locatie_slug": "locatie_slug"}, "verwacht": {"*": "ok"}},
    ],
    "afspraak/<slug:type_slug>/<slug:locatie_slug>/<str:dag>/": [
        {
            "pad": {"type_slug": "afspraaktype_slug", "locatie_slug": "locatie_slug", "dag": "dag"},
            "verwacht": {"*": "ok"},
        },
    ],
    "afspraak/<slug:type_slug>/<slug:locatie_slug>/<str:dag>/gegevens/": [
        {
            "pad": {"type_slug": "afspraaktype_slug", "locatie_slug": "locatie_slug", "dag": "dag"},
            "verwacht": {"*": "404"},
        },
    ],
    "werkplek/dienstverlening/afspraken/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
            }
        },
    ],
    "werkplek/dienstverlening/afspraken/nieuw/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
            }
        },
    ],
    "werkplek/dienstverlening/afspraken/<int:pk>/wijzigen/": [
        {
            "pad": {"pk": "afspraak"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "405",
                "kcc-medewerker": "405",
                "behandelaar": "405",
            },
        },
        {
            "methode": "POST",
            "pad": {"pk": "afspraak"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
            },
        },
    ],
    "werkplek/dienstverlening/afspraken/<int:pk>/aanmelden/": [
        {
            "pad": {"pk": "afspraak"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "405",
                "kcc-medewerker": "405",
                "behandelaar": "405",
            },
        },
        {
            "methode": "POST",
            "pad": {"pk": "afspraak"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
            },
        },
    ],
    "werkplek/dienstverlening/afspraken/<int:pk>/oproepen/": [
        {
            "pad": {"pk": "afspraak"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "405",
                "kcc-medewerker": "405",
                "behandelaar": "405",
            },
        },
        {
            "methode": "POST",
            "pad": {"pk": "afspraak"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
            },
        },
    ],
    "werkplek/dienstverlening/inrichting/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
                "controller": "ok",
            }
        },
    ],
    "werkplek/dienstverlening/inrichting/locaties/nieuw/": [
        {"verwacht": {"*": "405"}},
        {"methode": "POST", "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ongeldig"}},
    ],
    "werkplek/dienstverlening/inrichting/locaties/<int:pk>/balies/": [
        {"pad": {"pk": "locatie"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "locatie"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ongeldig"},
        },
    ],
    "werkplek/dienstverlening/inrichting/balies/<int:pk>/deactiveren/": [
        {"pad": {"pk": "balie"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "balie"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok"},
        },
    ],
    "werkplek/dienstverlening/inrichting/locaties/<int:pk>/openingstijden/": [
        {"pad": {"pk": "locatie"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "locatie"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ongeldig"},
        },
    ],
    "werkplek/dienstverlening/inrichting/openingstijden/<int:pk>/verwijderen/": [
        {"pad": {"pk": "openingstijd"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "openingstijd"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok"},
        },
    ],
    "werkplek/dienstverlening/inrichting/locaties/<int:pk>/sluitingsdagen/": [
        {"pad": {"pk": "locatie"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "locatie"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ongeldig"},
        },
    ],
    "werkplek/dienstverlening/inrichting/afspraaktypen/nieuw/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok"}},
    ],
    "werkplek/dienstverlening/inrichting/afspraaktypen/<int:pk>/": [
        {"pad": {"pk": "afspraaktype"}, "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok"}},
    ],
    "werkplek/dienstverlening/inrichting/ceremonies/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
                "controller": "ok",
            }
        },
    ],
    "werkplek/dienstverlening/inrichting/trouwlocaties/nieuw/": [
        {"verwacht": {"*": "405"}},
        {"methode": "POST", "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ongeldig"}},
    ],
    "werkplek/dienstverlening/inrichting/trouwlocaties/<int:pk>/momenten/": [
        {"pad": {"pk": "trouwlocatie"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "trouwlocatie"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ongeldig"},
        },
    ],
    "werkplek/dienstverlening/inrichting/momenten/<int:pk>/verwijderen/": [
        {"pad": {"pk": "ceremoniemoment"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "ceremoniemoment"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok"},
        },
    ],
    "werkplek/dienstverlening/inrichting/babs/nieuw/": [
        {"verwacht": {"*": "405"}},
        {"methode": "POST", "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ongeldig"}},
    ],
    "werkplek/dienstverlening/inrichting/babs/<int:pk>/deactiveren/": [
        {"pad": {"pk": "babs"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "babs"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok"},
        },
    ],
    "werkplek/dienstverlening/inrichting/ceremonies/<int:pk>/babs/": [
        {"pad": {"pk": "=1"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "=1"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "404",
                "kcc-medewerker": "404",
                "behandelaar": "404",
            },
        },
    ],
    "werkplek/dienstverlening/klantcontacten/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
            }
        },
    ],
    "werkplek/dienstverlening/klantcontacten/nieuw/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
            }
        },
    ],
    "werkplek/dienstverlening/klantcontacten/<int:pk>/": [
        {
            "pad": {"pk": "klantcontact"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
            },
        },
    ],
    "werkplek/dienstverlening/klantcontacten/<int:pk>/beantwoorden/": [
        {"pad": {"pk": "klantcontact"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "klantcontact"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "kcc-medewerker": "ongeldig",
                "behandelaar": "ongeldig",
            },
        },
    ],
    "werkplek/dienstverlening/klantcontacten/<int:pk>/terugbelverzoek/": [
        {"pad": {"pk": "klantcontact"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"pk": "klantcontact"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "kcc-medewerker": "ongeldig",
                "behandelaar": "ongeldig",
            },
        },
    ],
    "werkplek/dienstverlening/terugbelverzoeken/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
            }
        },
    ],
    "werkplek/dienstverlening/terugbelverzoeken/<int:pk>/": [
        {
            "pad": {"pk": "terugbelverzoek"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
            },
        },
    ],
    "werkplek/dienstverlening/klantbeeld/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
            }
        },
    ],
    "werkplek/dienstverlening/kennisbank/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
            }
        },
    ],
    "werkplek/dienstverlening/kennisbank/nieuw/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
            }
        },
    ],
    "werkplek/dienstverlening/kennisbank/<int:pk>/": [
        {
            "pad": {"pk": "kennisartikel"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
            },
        },
    ],
    "tevredenheid/bedankt/": [
        {"verwacht": {"*": "ok"}},
    ],
    "tevredenheid/<str:code>/": [
        {"pad": {"code": "ktocode_a"}, "verwacht": {"*": "ok"}},
        {"pad": {"code": "=onjuiste-code-0123456789"}, "verwacht": {"*": "404"}},
    ],
    "werkplek/dienstverlening/klantcontacten/<int:pk>/tevredenheid/": [
        {
            "pad": {"pk": "klantcontact"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "kcc-medewerker": "ok",
                "behandelaar": "ok",
            },
        },
    ],
    "werkplek/dienstverlening/tevredenheid/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "controller": "ok"}},
    ],
    "werkplek/dienstverlening/monitoring/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "controller": "ok"}},
    ],
    "werkplek/dienstverlening/monitoring/<slug:tabel>.csv": [
        {
            "pad": {"tabel": "=kanalen"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "404", "controller": "404"},
        },
    ],
    "werkplek/dienstverlening/procesanalyse/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "controller": "ok"}},
    ],
    "werkplek/dienstverlening/procesanalyse/<slug:zaaktype>/": [
        {
            "pad": {"zaaktype": "zaaktype_slug"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "controller": "ok"},
        },
    ],
    "werkplek/dienstverlening/procesanalyse/<slug:zaaktype>/gebeurtenissen.<str:formaat>": [
        {
            "pad": {"zaaktype": "zaaktype_slug", "formaat": "=pdf"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "404", "controller": "404"},
        },
    ],
    "woo-verzoek/": [
        {"verwacht": {"*": "ok"}},
    ],
    "woo-verzoek/ontvangen/": [
        {"verwacht": {"*": "ok"}},
    ],
    "werkplek/woo/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "behandelaar": "ok",
                "woo-coordinator": "ok",
            }
        },
    ],
    "werkplek/woo/verzoeken/nieuw/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "woo-coordinator": "ok"}},
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/": [
        {
            "pad": {"kenmerk": "woo_kenmerk"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "behandelaar": "ok",
                "woo-coordinator": "ok",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/verduidelijking/": [
        {"pad": {"kenmerk": "woo_kenmerk"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"kenmerk": "woo_kenmerk"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "woo-coordinator": "ongeldig",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/verduidelijking/ontvangen/": [
        {"pad": {"kenmerk": "woo_kenmerk"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"kenmerk": "woo_kenmerk"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "woo-coordinator": "ongeldig",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/opschorting/": [
        {"pad": {"kenmerk": "woo_kenmerk"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"kenmerk": "woo_kenmerk"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "woo-coordinator": "ongeldig",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/opschorting/beeindigen/": [
        {"pad": {"kenmerk": "woo_kenmerk"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"kenmerk": "woo_kenmerk"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "woo-coordinator": "ongeldig",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/verdaging/": [
        {"pad": {"kenmerk": "woo_kenmerk"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"kenmerk": "woo_kenmerk"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "woo-coordinator": "ongeldig",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/ingebrekestelling/": [
        {"pad": {"kenmerk": "woo_kenmerk"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"kenmerk": "woo_kenmerk"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "woo-coordinator": "ongeldig",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/behandelaar/": [
        {"pad": {"kenmerk": "woo_kenmerk"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"kenmerk": "woo_kenmerk"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "woo-coordinator": "ok"},
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/documenten/": [
        {
            "pad": {"kenmerk": "woo_kenmerk"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "behandelaar": "ok",
                "woo-coordinator": "ok",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/documenten/<int:document_id>/origineel/": [
        {
            "pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "behandelaar": "ok",
                "woo-coordinator": "ok",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/documenten/<int:document_id>/pdf/": [
        {
            "pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "behandelaar": "ok",
                "woo-coordinator": "ok",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/documenten/<int:document_id>/verwijderen/": [
        {"pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "behandelaar": "ok",
                "woo-coordinator": "ok",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/documenten/<int:document_id>/": [
        {
            "pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "behandelaar": "ok",
                "woo-coordinator": "ok",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/documenten/<int:document_id>/pagina/<int:pagina>.png": [
        {
            "pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document", "pagina": "=1"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "behandelaar": "ok",
                "woo-coordinator": "ok",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/documenten/<int:document_id>/lakvakken/tekenen/": [
        {"pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "behandelaar": "ongeldig",
                "woo-coordinator": "ongeldig",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/documenten/<int:document_id>/lakvakken/<int:lakvak_id>/beoordelen/": [  # noqa: E501
        {
            "pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document", "lakvak_id": "lakvak"},
            "verwacht": {"*": "405"},
        },
        {
            "methode": "POST",
            "pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document", "lakvak_id": "lakvak"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "behandelaar": "ongeldig",
                "woo-coordinator": "ongeldig",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/documenten/<int:document_id>/lakvakken/<int:lakvak_id>/verwijderen/": [  # noqa: E501
        {
            "pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document", "lakvak_id": "lakvak"},
            "verwacht": {"*": "405"},
        },
        {
            "methode": "POST",
            "pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document", "lakvak_id": "lakvak"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "behandelaar": "ongeldig",
                "woo-coordinator": "ongeldig",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/documenten/<int:document_id>/zoekterm/": [
        {"pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "behandelaar": "ongeldig",
                "woo-coordinator": "ongeldig",
            },
        },
    ],
    "werkplek/woo/zichtbare-namen/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "woo-coordinator": "ok"}},
    ],
    "werkplek/woo/zichtbare-namen/<int:zichtbare_naam_id>/verwijderen/": [
        {"pad": {"zichtbare_naam_id": "zichtbare_naam"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"zichtbare_naam_id": "zichtbare_naam"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "woo-coordinator": "ok"},
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/documenten/<int:document_id>/beoordeling/": [
        {
            "pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "behandelaar": "ok",
                "woo-coordinator": "ok",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/documenten/<int:document_id>/beoordeling/goedkeuren/": [
        {"pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "woo-coordinator": "ongeldig",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/documenten/<int:document_id>/beoordeling/terugsturen/": [
        {"pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "woo-coordinator": "ongeldig",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/documenten/<int:document_id>/beoordeling/overnemen/": [
        {"pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"kenmerk": "woo_kenmerk", "document_id": "woo_document"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "behandelaar": "ongeldig",
                "woo-coordinator": "ongeldig",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/gronden/": [
        {
            "pad": {"kenmerk": "woo_kenmerk"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "behandelaar": "ok",
                "woo-coordinator": "ok",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/derden/": [
        {
            "pad": {"kenmerk": "derde_kenmerk"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "behandelaar": "ok",
                "woo-coordinator": "ok",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/derden/<int:derde_id>/zienswijze-gevraagd/": [
        {"pad": {"kenmerk": "derde_kenmerk", "derde_id": "derde"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"kenmerk": "derde_kenmerk", "derde_id": "derde"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "woo-coordinator": "ongeldig",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/derden/<int:derde_id>/zienswijze-ontvangen/": [
        {"pad": {"kenmerk": "derde_kenmerk", "derde_id": "derde"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"kenmerk": "derde_kenmerk", "derde_id": "derde"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "woo-coordinator": "ongeldig",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/besluit/": [
        {
            "pad": {"kenmerk": "woo_kenmerk_besloten"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "behandelaar": "ok",
                "woo-coordinator": "ok",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/besluit/<str:soort>/": [
        {
            "pad": {"kenmerk": "woo_kenmerk_besloten", "soort": "=brief"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "behandelaar": "ok",
                "woo-coordinator": "ok",
            },
        },
    ],
    "werkplek/woo/verzoeken/<str:kenmerk>/intrekken/": [
        {
            "pad": {"kenmerk": "woo_kenmerk"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "woo-coordinator": "ok"},
        },
    ],
    "werkplek/woo/cijfers/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "woo-coordinator": "ok",
                "controller": "ok",
            }
        },
    ],
    "openbaarheid/": [
        {"verwacht": {"*": "ok"}, "geheim": {"tekst": "publicatie_concept_titel", "mag_zien": []}},
    ],
    "openbaarheid/zoeken/": [
        {"verwacht": {"*": "ok"}},
        # A Woo document still being assessed (not published) is not findable in the public search.
        {
            "query": "q={woo_document_zoekterm}",
            "verwacht": {"*": "ok"},
            "geheim": {"tekst": "woo_document_titel", "mag_zien": []},
        },
        {
            "query": "q=Matrix-concept",
            "verwacht": {"*": "ok"},
            "geheim": {"tekst": "publicatie_concept_titel", "mag_zien": []},
        },
    ],
    "openbaarheid/publicaties/<uuid:publicatie_uuid>/": [
        {"pad": {"publicatie_uuid": "publicatie"}, "verwacht": {"*": "ok"}},
        # A concept publication does not exist for the public (Woo: not yet published).
        {"pad": {"publicatie_uuid": "publicatie_concept"}, "verwacht": {"*": "404"}},
    ],
    "openbaarheid/documenten/<uuid:document_uuid>/<str:bestandsnaam>": [
        {
            "pad": {"document_uuid": "publicatiedocument", "bestandsnaam": "publicatiedocument_naam"},
            "verwacht": {"*": "ok"},
        },
        {
            "pad": {
                "document_uuid": "publicatiedocument_concept",
                "bestandsnaam": "publicatiedocument_concept_naam",
            },
            "verwacht": {"*": "404"},
        },
    ],
    "openbaarheid/categorie/<str:infocat>/": [
        {"pad": {"infocat": "infocat"}, "verwacht": {"*": "ok"}},
    ],
    "werkplek/publicatie/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "griffie": "ok",
                "woo-coordinator": "ok",
            }
        },
    ],
    "werkplek/publicatie/nieuw/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "griffie": "ok",
                "woo-coordinator": "ok",
            }
        },
    ],
    "werkplek/publicatie/<uuid:publicatie_uuid>/": [
        {
            "pad": {"publicatie_uuid": "publicatie"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ok",
                "griffie": "ok",
                "woo-coordinator": "ok",
            },
        },
    ],
    "werkplek/publicatie/<uuid:publicatie_uuid>/publiceren/": [
        {"pad": {"publicatie_uuid": "publicatie"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"publicatie_uuid": "publicatie"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "griffie": "ongeldig",
                "woo-coordinator": "ongeldig",
            },
        },
    ],
    "werkplek/publicatie/<uuid:publicatie_uuid>/intrekken/": [
        {"pad": {"publicatie_uuid": "publicatie"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"publicatie_uuid": "publicatie"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "griffie": "ongeldig",
                "woo-coordinator": "ongeldig",
            },
        },
    ],
    "werkplek/publicatie/<uuid:publicatie_uuid>/vervangen/": [
        {"pad": {"publicatie_uuid": "publicatie"}, "verwacht": {"*": "405"}},
        {
            "methode": "POST",
            "pad": {"publicatie_uuid": "publicatie"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "beheerder": "ongeldig",
                "griffie": "ongeldig",
                "woo-coordinator": "ongeldig",
            },
        },
    ],
    # -- samenleving: petities en burgerinitiatieven --
    "meedoen/petities/": [
        {"verwacht": {"*": "ok"}, "geheim": {"tekst": "petitie_aangevraagd_titel", "mag_zien": []}},
    ],
    "meedoen/petities/indienen/": [
        {"verwacht": {"*": "ok"}},
        {"methode": "POST", "verwacht": {"*": "ongeldig"}},
    ],
    "meedoen/petities/ingediend/": [
        {"verwacht": {"*": "ok"}},
    ],
    "meedoen/petities/<int:pk>/": [
        {"pad": {"pk": "petitie"}, "verwacht": {"*": "ok"}},
        {"pad": {"pk": "petitie_aangevraagd"}, "verwacht": {"*": "404"}},
    ],
    "meedoen/petities/<int:pk>/ondertekenen/": [
        {"pad": {"pk": "petitie"}, "verwacht": {"*": "ok"}},
        {"methode": "POST", "pad": {"pk": "petitie"}, "verwacht": {"*": "ongeldig"}},
        {"pad": {"pk": "petitie_aangevraagd"}, "verwacht": {"*": "404"}},
    ],
    "meedoen/petities/<int:pk>/ondertekend/": [
        {"pad": {"pk": "petitie"}, "verwacht": {"*": "ok"}},
        {"pad": {"pk": "petitie_aangevraagd"}, "verwacht": {"*": "404"}},
    ],
    "meedoen/petities/ondertekeningen/<int:pk>/<str:sleutel>/bevestigen/": [
        {"pad": {"pk": "=1", "sleutel": "=onbekend"}, "verwacht": {"*": "404"}},
    ],
    "werkplek/petities/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"}},
    ],
    "werkplek/petities/<int:pk>/": [
        {
            "pad": {"pk": "petitie_aangevraagd"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/petities/<int:pk>/<slug:handeling>/": [
        {
            "pad": {"pk": "petitie_aangevraagd", "handeling": "=weigeren"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "405", "griffie": "405"},
        },
        {
            "methode": "POST",
            "pad": {"pk": "petitie_aangevraagd", "handeling": "=weigeren"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ongeldig", "griffie": "ongeldig"},
        },
    ],
    "robots.txt": [
        {"verwacht": {"*": "ok"}},
    ],
    "^sitemaps/(?P<naam>[a-z0-9-]{1,80}\\.xml)$": [
        {"url": "/sitemaps/sitemap-index.xml", "verwacht": {"*": "404"}},
    ],
    "openbaarheid/rss/": [
        {"verwacht": {"*": "ok"}, "geheim": {"tekst": "publicatie_concept_titel", "mag_zien": []}},
    ],
    "openbaarheid/atom/": [
        {"verwacht": {"*": "ok"}, "geheim": {"tekst": "publicatie_concept_titel", "mag_zien": []}},
    ],
    "openbaarheid/categorie/<str:infocat>/rss/": [
        {"pad": {"infocat": "infocat"}, "verwacht": {"*": "ok"}},
    ],
    "openbaarheid/categorie/<str:infocat>/atom/": [
        {"pad": {"infocat": "infocat"}, "verwacht": {"*": "ok"}},
    ],
    "^media/(?P<path>(?:organisatie|personen)/.*)$": [
        {"url": "/media/organisatie/bestaat-niet.png", "verwacht": {"*": "404"}},
    ],
    # -- samenleving: consultaties (inspraak) and the meedoen notifications --
    "meedoen/": [
        {"verwacht": {"*": "ok"}},
    ],
    "meedoen/consultaties/": [
        {"verwacht": {"*": "ok"}},
    ],
    "meedoen/consultaties/<int:pk>/": [
        # A reaction not made public, or waiting for moderation, is never shown, nor its sender.
        {
            "pad": {"pk": "consultatie_afgerond"},
            "verwacht": {"*": "ok"},
            "geheim": {"tekst": "reactie_niet_openbaar_naam", "mag_zien": []},
        },
        {
            "pad": {"pk": "consultatie_open"},
            "verwacht": {"*": "ok"},
            "geheim": {"tekst": "reactie_te_beoordelen_tekst", "mag_zien": []},
        },
    ],
    "meedoen/consultaties/<int:pk>/reageren/": [
        {"pad": {"pk": "consultatie_open"}, "verwacht": {"*": "ok"}},
        {"methode": "POST", "pad": {"pk": "consultatie_open"}, "verwacht": {"*": "ongeldig"}},
    ],
    "meedoen/consultaties/<int:pk>/reactie-ontvangen/": [
        {"pad": {"pk": "consultatie_open"}, "verwacht": {"*": "ok"}},
    ],
    "meedoen/consultaties/documenten/<int:pk>/": [
        {"pad": {"pk": "consultatiedocument"}, "verwacht": {"*": "ok"}},
    ],
    "meedoen/meldingen/": [
        {"verwacht": {"*": "ok"}},
    ],
    "meedoen/meldingen/aangevraagd/": [
        {"verwacht": {"*": "ok"}},
    ],
    "meedoen/meldingen/<int:pk>/<str:sleutel>/bevestigen/": [
        {"pad": {"pk": "=1", "sleutel": "=onbekend"}, "verwacht": {"*": "404"}},
    ],
    "meedoen/meldingen/<int:pk>/<str:sleutel>/afmelden/": [
        {"pad": {"pk": "=1", "sleutel": "=onbekend"}, "verwacht": {"*": "404"}},
    ],
    "werkplek/consultaties/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "griffie": "ok",
                "collegelid": "ok",
                "beheerder": "ok",
            }
        },
    ],
    "werkplek/consultaties/nieuw/": [
        {
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "griffie": "ok",
                "collegelid": "ok",
                "beheerder": "ok",
            }
        },
        {
            "methode": "POST",
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "griffie": "ongeldig",
                "collegelid": "ongeldig",
                "beheerder": "ongeldig",
            },
        },
    ],
    "werkplek/consultaties/moderatie/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "griffie": "ok", "beheerder": "ok"}},
    ],
    "werkplek/consultaties/<int:pk>/": [
        {
            "pad": {"pk": "consultatie_open"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "griffie": "ok",
                "collegelid": "ok",
                "beheerder": "ok",
            },
        },
    ],
    "werkplek/consultaties/<int:pk>/wijzigen/": [
        {
            "pad": {"pk": "consultatie_open"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "griffie": "ok",
                "collegelid": "ok",
                "beheerder": "ok",
            },
        },
        {
            "methode": "POST",
            "pad": {"pk": "consultatie_open"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "griffie": "ongeldig",
                "collegelid": "ongeldig",
                "beheerder": "ongeldig",
            },
        },
    ],
    "werkplek/consultaties/<int:pk>/documenten/": [
        {
            "pad": {"pk": "consultatie_open"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "griffie": "405",
                "collegelid": "405",
                "beheerder": "405",
            },
        },
        {
            "methode": "POST",
            "pad": {"pk": "consultatie_open"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "griffie": "ongeldig",
                "collegelid": "ongeldig",
                "beheerder": "ongeldig",
            },
        },
    ],
    "werkplek/consultaties/<int:pk>/publiceren/": [
        {
            "pad": {"pk": "consultatie_open"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "griffie": "ok",
                "collegelid": "ok",
                "beheerder": "ok",
            },
        },
        {
            "methode": "POST",
            "pad": {"pk": "consultatie_open"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "griffie": "ongeldig",
                "collegelid": "ongeldig",
                "beheerder": "ongeldig",
            },
        },
    ],
    "werkplek/consultaties/reacties/<int:pk>/beoordelen/": [
        {
            "pad": {"pk": "reactie_te_beoordelen"},
            "verwacht": {"*": "login", "medewerkers": "403", "griffie": "405", "beheerder": "405"},
        },
        {
            "methode": "POST",
            "pad": {"pk": "reactie_te_beoordelen"},
            "verwacht": {"*": "login", "medewerkers": "403", "griffie": "ongeldig", "beheerder": "ongeldig"},
        },
    ],
    "werkplek/consultaties/reacties/<int:pk>/beantwoorden/": [
        {
            "pad": {"pk": "reactie_te_beoordelen"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "griffie": "ok",
                "collegelid": "ok",
                "beheerder": "ok",
            },
        },
        {
            "methode": "POST",
            "pad": {"pk": "reactie_te_beoordelen"},
            "verwacht": {
                "*": "login",
                "medewerkers": "403",
                "griffie": "ongeldig",
                "collegelid": "ongeldig",
                "beheerder": "ongeldig",
            },
        },
    ],
    "test-idp/.well-known/openid-configuration": [
        {"verwacht": {"*": "ok"}},
    ],
    "test-idp/authorize/": [
        {"verwacht": {"*": "ongeldig"}},
    ],
    "test-idp/token/": [
        {"verwacht": {"*": "405"}},
        {"methode": "POST", "verwacht": {"*": "login"}},
    ],
    "test-idp/jwks/": [
        {"verwacht": {"*": "ok"}},
    ],
    "test-idp/userinfo/": [
        {"verwacht": {"*": "login"}},
    ],
    # Inspreken in the Werkplek (besluitvorming.rechten.INSPREKEN_BEHANDELEN): the griffie only. Admitting
    # with an empty form is allowed (order and time then follow the regeling); declining needs a reason.
    "werkplek/besluitvorming/inspreken/": [
        {"verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"}},
    ],
    "werkplek/besluitvorming/inspreken/vergaderingen/<int:pk>/": [
        {
            "pad": {"pk": "vergadering_inspreken"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
            "geheim": {"tekst": "inspreker_emailadres", "mag_zien": ["beheerder", "griffie"]},
        },
    ],
    "werkplek/besluitvorming/inspreken/verzoeken/<int:pk>/toelaten/": [
        {
            "pad": {"pk": "spreekverzoek"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "405", "griffie": "405"},
        },
        {
            "methode": "POST",
            "pad": {"pk": "spreekverzoek"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
    ],
    "werkplek/besluitvorming/inspreken/verzoeken/<int:pk>/afwijzen/": [
        {
            "pad": {"pk": "spreekverzoek"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "405", "griffie": "405"},
        },
        {
            "methode": "POST",
            "pad": {"pk": "spreekverzoek"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ongeldig", "griffie": "ongeldig"},
        },
    ],
    "werkplek/besluitvorming/inspreken/verzoeken/<int:pk>/volgorde/": [
        {
            "pad": {"pk": "spreekverzoek_toegelaten"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "405", "griffie": "405"},
        },
        {
            "methode": "POST",
            "pad": {"pk": "spreekverzoek_toegelaten"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ongeldig", "griffie": "ongeldig"},
        },
    ],
    "werkplek/besluitvorming/inspreken/regelingen/<int:pk>/": [
        {
            "pad": {"pk": "orgaan"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ok", "griffie": "ok"},
        },
        {
            "methode": "POST",
            "pad": {"pk": "orgaan"},
            "verwacht": {"*": "login", "medewerkers": "403", "beheerder": "ongeldig", "griffie": "ongeldig"},
        },
    ],
}
