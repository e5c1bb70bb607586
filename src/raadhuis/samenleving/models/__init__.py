"""The models of samenleving, one module per part."""

from raadhuis.samenleving.models.petities import Ondertekening, Petitie

__all__ = ["Ondertekening", "Petitie"]
