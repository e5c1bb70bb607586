"""Models of samenwerking; the data model arrives with the module's own issue."""
