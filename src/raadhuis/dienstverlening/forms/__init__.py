"""Forms of dienstverlening, one module per part; they check shape, the services check rules."""
