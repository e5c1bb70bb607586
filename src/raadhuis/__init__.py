"""Raadhuis: the municipal platform for Bestuur en Dienstverlening."""
