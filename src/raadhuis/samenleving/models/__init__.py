"""The models of samenleving, one module per part."""
