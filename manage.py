#!/usr/bin/env python
"""Django's command-line utility for Raadhuis (the same as the `raadhuis` command)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from raadhuis.cli import main

if __name__ == "__main__":
    main()
