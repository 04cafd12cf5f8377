"""Shared test settings.

Under CI (``CI=true``) Hypothesis runs derandomized, so a run is reproducible from the commit
alone; locally it keeps exploring new examples and remembers failures in ``.hypothesis/``.
``HYPOTHESIS_PROFILE=fuzz`` (``make fuzz``) is the long run of ``tests/fuzz``: each fuzz test
takes its larger example count (``tests/fuzz/_budget.py``), more than 10,000 cases in all.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.register_profile(
    "fuzz",
    print_blob=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)
