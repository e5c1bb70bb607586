"""Reads of woo, one module per part: verzoeken, documenten, statistiek."""
