"""services of dienstverlening, one module per part: catalogus, zaken, intake, werkvoorraad, afspraken."""
