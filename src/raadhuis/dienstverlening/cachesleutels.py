"""Keys of what dienstverlening's selectors keep in the cache, for the services that clear them (a
module of its own: the selectors already import services, so services may not import selectors)."""

# The work queue filter's choices (selectors.werkvoorraad.filterkeuzes): teams, behandelaars,
# products and their status types.
FILTERKEUZES = "dienstverlening:werkvoorraad:filterkeuzes"
