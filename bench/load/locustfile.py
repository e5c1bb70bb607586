"""The load mix of Raadhuis (issue 12): residents, employees and the public, as locust users.

    .venv/bin/locust -f bench/load/locustfile.py --headless --users 30 --spawn-rate 5 \
        --run-time 60s --host http://127.0.0.1:8001

Reads what it needs to know of the data (accounts, residents, meetings, search words) from the
JSON file in BELASTING_GEGEVENS (written by run.py from gegevens.manifest). BELASTING_HOSTS
(space-separated base URLs) spreads every request over several app server instances at random,
so a session made on one is used on the others. BELASTING_WACHTTIJD is the think time range in
seconds ("0.5-2" by default, "0" for none).

Every request is named after its scenario, so the statistics read per scenario; a form that does
not end where it should counts as a failure, as does any 5xx or connection error. Forms are
filled from the page itself (lxml), CSRF token included.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
from typing import Any
from urllib.parse import urlsplit

from formulieren import formulier, links, totp, verzendadres
from locust import HttpUser, between, constant, task
from lxml import html

GEGEVENS: dict[str, Any] = json.loads(open(os.environ["BELASTING_GEGEVENS"], encoding="utf-8").read())  # noqa: SIM115
HOSTS = os.environ.get("BELASTING_HOSTS", "").split()
_WACHT = os.environ.get("BELASTING_WACHTTIJD", "0.5-2")
WACHTTIJD = constant(0) if _WACHT == "0" else between(*(float(d) for d in _WACHT.split("-")))
# Each employee user logs in with an account of its own: a TOTP code is accepted once per account.
_ACCOUNTS = itertools.count()


class Bezoeker(HttpUser):
    abstract = True
    wait_time = WACHTTIJD

    def url(self, pad: str) -> str:
        """A random app server instance for each request when several are given."""
        return f"{random.choice(HOSTS)}{pad}" if HOSTS else pad

    def get(self, pad: str, naam: str, **opties: Any) -> Any:
        return self.client.get(self.url(pad), name=naam, **opties)

    def verzenden(
        self,
        pad: str,
        naam: str,
        gegevens: dict[str, str],
        *,
        verwacht: str,
        actie: str = "",
        geweigerd: str = "",
    ) -> Any:
        """GETs the page, fills its form with `gegevens`, POSTs it; success is a redirect to a
        path containing `verwacht`, or the form again with the message `geweigerd` (a clean
        refusal: someone else was first)."""
        pagina = self.get(pad, f"{naam} (formulier)")
        if pagina.status_code != 200:
            return None
        doel, velden = formulier(pagina.content, actie, tuple(gegevens))
        velden.update(gegevens)
        with self.client.post(
            self.url(doel or urlsplit(pagina.url).path),
            data=velden,
            name=naam,
            allow_redirects=False,
            catch_response=True,
        ) as antwoord:
            locatie = antwoord.headers.get("Location", "")
            gelukt = antwoord.status_code in (302, 303) and verwacht in locatie
            netjes_geweigerd = (
                bool(geweigerd) and antwoord.status_code in (200, 400) and geweigerd in antwoord.text
            )
            if gelukt or netjes_geweigerd:
                antwoord.success()
            else:
                antwoord.failure(f"{antwoord.status_code} naar {locatie!r}, niet {verwacht!r}")
            return antwoord


class Inwoner(Bezoeker):
    """Product pages, a Woo request, DigiD login and Mijn zaken, an appointment."""

    weight = 3

    def on_start(self) -> None:
        self.bsn = random.choice(GEGEVENS["bsns"])
        self.ingelogd = False

    @task(5)
    def productpagina(self) -> None:
        self.get("/dienstverlening/", "inwoner: productencatalogus")
        self.get(f"/dienstverlening/{random.choice(GEGEVENS['producten'])}/", "inwoner: productpagina")

    @task(1)
    def woo_verzoek(self) -> None:
        nummer = random.getrandbits(48)
        self.verzenden(
            "/woo-verzoek/",
            "inwoner: Woo-verzoek indienen",
            {
                "onderwerp": f"Belastingtest {nummer}",
                "omschrijving": "Alle stukken over de herinrichting van de Dorpsstraat sinds 2024.",
                "emailadres": f"woo-{nummer}@belasting.example.org",
            },
            verwacht="/woo-verzoek/ontvangen/",
        )

    def inloggen(self) -> bool:
        """DigiD through the test IdP: the OIDC code flow, as a browser does it."""
        naar_idp = self.get("/inloggen/digid/?next=/mijn-zaken/", "inwoner: DigiD inloggen (start)")
        if naar_idp.status_code != 200:
            return False
        doel, velden = formulier(naar_idp.content, "authorize", ("eigen_bsn",))
        # The level stays as the IdP preselected it: the one the login asked for.
        velden.update({"middel": "digid", "test_bsn": "", "eigen_bsn": self.bsn})
        velden.pop("annuleren", None)
        # The form goes to the IdP's origin (a server of its own in run.py, as a broker is).
        with self.client.post(
            verzendadres(naar_idp.url, doel),
            data=velden,
            name="inwoner: DigiD inloggen (terug)",
            catch_response=True,
        ) as antwoord:
            if antwoord.status_code == 200 and "/mijn-zaken/" in antwoord.url:
                antwoord.success()
                self.ingelogd = True
            else:
                antwoord.failure(f"{antwoord.status_code} op {antwoord.url}")
        return self.ingelogd

    @task(3)
    def mijn_zaken(self) -> None:
        if not self.ingelogd and not self.inloggen():
            return
        lijst = self.get("/mijn-zaken/", "inwoner: Mijn zaken")
        zaken = links(lijst.content, r"/mijn-zaken/[A-Za-z0-9-]+/") if lijst.status_code == 200 else []
        if zaken:
            self.get(random.choice(zaken), "inwoner: Mijn zaken, een zaak")

    @task(1)
    def afspraak_maken(self) -> None:
        typen = links(self.get("/afspraak/", "inwoner: afspraak, soort").content, r"/afspraak/[a-z0-9-]+/")
        typen = [t for t in typen if not t.startswith(("/afspraak/beheren/", "/afspraak/bevestiging/"))]
        if not typen:
            return
        soort = random.choice(typen)
        locaties = links(
            self.get(soort, "inwoner: afspraak, locatie").content, re.escape(soort) + r"[a-z0-9-]+/"
        )
        if not locaties:
            return
        locatie = random.choice(locaties)
        dagen = links(
            self.get(locatie, "inwoner: afspraak, dag").content, re.escape(locatie) + r"\d{4}-\d{2}-\d{2}/"
        )
        if not dagen:
            return
        dag = random.choice(dagen[:10])
        tijden = re.findall(r'\?tijd=(\d{4})"', self.get(dag, "inwoner: afspraak, tijd").content.decode())
        if not tijden:
            return
        self.verzenden(
            f"{dag}gegevens/?tijd={random.choice(tijden)}",
            "inwoner: afspraak boeken",
            {"naam": "B. Elasting", "emailadres": f"afspraak-{random.getrandbits(40)}@belasting.example.org"},
            verwacht="/afspraak/bevestiging/",
            geweigerd="net door iemand anders geboekt",
        )


class Medewerker(Bezoeker):
    """Login with the authenticator app, the work queue, a case, its status."""

    weight = 2

    def on_start(self) -> None:
        medewerkers = GEGEVENS["medewerkers"]
        self.account = medewerkers[next(_ACCOUNTS) % len(medewerkers)]
        self.ingelogd = False
        self.zaken: list[str] = []

    def inloggen(self) -> bool:
        stap1 = self.verzenden(
            "/werkplek/inloggen/",
            "medewerker: inloggen (wachtwoord)",
            {"username": self.account["gebruikersnaam"], "password": GEGEVENS["wachtwoord"]},
            verwacht="/werkplek/inloggen/code/",
        )
        if stap1 is None or stap1.status_code != 302:
            return False
        # The code of the next step: a code is accepted once, and another user may share the account.
        stap2 = self.verzenden(
            stap1.headers["Location"],
            "medewerker: inloggen (code)",
            {"code": totp(self.account["totp_sleutel"], stap=1)},
            verwacht="/werkplek/",
        )
        self.ingelogd = stap2 is not None and stap2.status_code == 302
        return self.ingelogd

    @task(4)
    def werkvoorraad(self) -> None:
        if not self.ingelogd and not self.inloggen():
            return
        pagina = self.get("/werkplek/dienstverlening/zaken/?behandelaar=ik", "medewerker: werkvoorraad")
        if pagina.status_code == 200:
            self.zaken = links(pagina.content, r"/werkplek/dienstverlening/zaken/[A-Za-z0-9-]+/")

    @task(3)
    def zaak_behandelen(self) -> None:
        if not self.zaken:
            self.werkvoorraad()
        if not self.zaken:
            return
        zaak = random.choice(self.zaken)
        pagina = self.get(zaak, "medewerker: zaak openen")
        if pagina.status_code != 200:
            return
        try:
            doel, velden = formulier(pagina.content, "/status/", ("status-statustype",))
        except LookupError:
            return  # closed meanwhile, or nothing left to do
        keuzes = html.fromstring(pagina.content).xpath('//select[@name="status-statustype"]//option/@value')
        vooruit = [k for k in keuzes if k]
        if not vooruit:
            return
        velden["status-statustype"] = vooruit[0]
        velden["status-toelichting"] = "Belastingtest: volgende stap."
        resultaten = html.fromstring(pagina.content).xpath(
            '//select[@name="status-resultaattype"]//option/@value'
        )
        if [r for r in resultaten if r]:
            velden["status-resultaattype"] = next(r for r in resultaten if r)
        with self.client.post(
            self.url(doel),
            data=velden,
            name="medewerker: status zetten",
            allow_redirects=False,
            catch_response=True,
        ) as antwoord:
            if antwoord.status_code == 302:
                antwoord.success()
            elif antwoord.status_code == 400:
                # Another step of the same case came first (two users share an account): the form
                # says so next to the field; a clean refusal, not an error of the platform.
                antwoord.success()
            else:
                antwoord.failure(f"status {antwoord.status_code}")


class Publiek(Bezoeker):
    """Search, council pages, sitemaps."""

    weight = 5

    @task(6)
    def zoeken(self) -> None:
        vraag = random.choice(GEGEVENS["zoekwoorden"])
        self.client.get(self.url("/openbaarheid/zoeken/"), params={"q": vraag}, name="publiek: zoeken")

    @task(1)
    def zoeken_verder(self) -> None:
        vraag = random.choice(GEGEVENS["zoekwoorden"])
        self.client.get(
            self.url("/openbaarheid/zoeken/"),
            params={"q": vraag, "sortering": "nieuwste", "pagina": "2"},
            name="publiek: zoeken, nieuwste, pagina 2",
        )

    @task(3)
    def vergadering(self) -> None:
        if GEGEVENS["vergaderingen"]:
            pk = random.choice(GEGEVENS["vergaderingen"])
            pagina = self.get(f"/bestuur/vergaderingen/{pk}/", "publiek: raadsvergadering")
            stemmingen = (
                links(pagina.content, r"/bestuur/stemmingen/[0-9]+/") if pagina.status_code == 200 else []
            )
            # One visitor in three opens a vote to see how each member voted.
            if stemmingen and random.random() < 1 / 3:
                self.get(random.choice(stemmingen), "publiek: stemming")

    @task(1)
    def kalender(self) -> None:
        self.get("/bestuur/vergaderingen/", "publiek: vergaderkalender")

    @task(1)
    def sitemaps(self) -> None:
        robots = self.get("/robots.txt", "publiek: robots.txt")
        indexen = re.findall(r"^Sitemap: \S*?(/sitemaps/\S+)$", robots.text, re.MULTILINE)
        if not indexen:
            return
        index = self.get(random.choice(indexen), "publiek: sitemapindex")
        kaarten = re.findall(r"<loc>\S*?(/sitemaps/[^<]+)</loc>", index.text)
        if kaarten:
            self.get(random.choice(kaarten), "publiek: sitemap")
