"""Models of dienstverlening; the data model arrives with the module's own issue."""
