"""Shared test settings.

Under CI (``CI=true``) Hypothesis runs derandomized, so a run is reproducible from the commit
alone; locally it keeps exploring new examples and remembers failures in ``.hypothesis/``.
"""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
