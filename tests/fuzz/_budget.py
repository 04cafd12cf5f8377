"""How many examples each fuzz test runs: a few in the everyday suite, many under
``HYPOTHESIS_PROFILE=fuzz`` (``make fuzz``), registered in ``tests/conftest.py``."""

from __future__ import annotations

import os

FUZZ = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"


def examples(everyday: int, fuzz: int) -> int:
    """``everyday`` examples in ``make test``, ``fuzz`` examples in ``make fuzz``."""
    return fuzz if FUZZ else everyday
