"""Shared test settings.

Under CI (``CI=true``) Hypothesis runs derandomized, so a run is reproducible from the commit
alone; locally it keeps exploring new examples and remembers failures in ``.hypothesis/``.
``HYPOTHESIS_PROFILE=fuzz`` (``make fuzz``) is the long run of ``tests/fuzz``: each fuzz test
takes its larger example count (``tests/fuzz/_budget.py``), more than 10,000 cases in all.

A test module that starts the app (through ``tests._app`` or Streamlit's ``AppTest``) carries
``pytestmark = pytest.mark.apptest``, so ``-m "not apptest and not browser"`` runs only the unit
tests. A module that forgets it gets the marker here (with a warning naming it), so that command
never starts the app; a module that marks its app tests one by one has chosen, and is left as
it is.
"""

import os
import sys
import warnings

import pytest
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


def _starts_the_app(module: object) -> bool:
    """Whether a test module has the means to start the app: AppTest or a tests._app helper."""
    app_test = getattr(sys.modules.get("streamlit.testing.v1"), "AppTest", None)
    return any(
        value is app_test or getattr(value, "__module__", None) == "tests._app"
        for value in vars(module).values()
        if value is not None
    )


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark apptest every test of a module that starts the app and marks none of its tests."""
    by_module: dict[object, list[pytest.Item]] = {}
    for item in items:
        module = getattr(item, "module", None)
        if module is not None:
            by_module.setdefault(module, []).append(item)
    for module, tests in by_module.items():
        marked = any(
            test.get_closest_marker(name) for test in tests for name in ("apptest", "browser")
        )
        if marked or not _starts_the_app(module):
            continue
        warnings.warn(
            pytest.PytestWarning(
                f"{getattr(module, '__name__', module)} starts the app but is not marked "
                "apptest: add pytestmark = pytest.mark.apptest"
            ),
            stacklevel=1,
        )
        for test in tests:
            test.add_marker(pytest.mark.apptest)
