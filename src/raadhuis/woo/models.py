"""Models of woo; the data model arrives with the module's own issue."""
