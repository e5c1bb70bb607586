"""Models of uitvoering; the data model arrives with the module's own issue."""
