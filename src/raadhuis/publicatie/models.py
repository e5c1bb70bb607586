"""Models of publicatie; the data model arrives with the module's own issue."""
