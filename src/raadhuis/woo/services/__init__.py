"""Writes of woo, one module per part: verzoeken (intake and the decision term), documenten (upload
and inventory), lakvakken (suggestions and drawn boxes), beoordeling (assessment and four-eyes
approval), besluiten (the decision, letter, inventarislijst and bundle), herinneringen."""
