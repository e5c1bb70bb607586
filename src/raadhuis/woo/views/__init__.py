"""Pages of woo: the public request form (publiek) and the Werkplek (werkplek)."""
