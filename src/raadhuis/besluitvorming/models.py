"""Models of besluitvorming; the data model arrives with the module's own issue."""
