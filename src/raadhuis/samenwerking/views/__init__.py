"""Pages of samenwerking: the public view, the Werkplek register, dashboards and the paragraaf."""
