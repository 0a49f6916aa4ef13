"""Hypothesis profiles for the property tests, chosen with the environment variable ``HYPOTHESIS_PROFILE``.

``dev`` (the default)
    25 examples per property: the whole property suite in a few seconds, for every edit.
``ci``
    200 examples per property, derandomized (the same examples on every run, so a red build is
    reproducible), with no example database and the reproduction blob printed on failure.
``thorough``
    1,000 examples per property, for before a release or after touching the checker:
    ``HYPOTHESIS_PROFILE=thorough python -m pytest tests/core/test_gradient_properties.py``
    (a few minutes).

The numerical-gradient helper's own tests (``test_numerical.py``) run first: every other check
stands on them, so when they fail, that failure is the one to read.

No profile has a deadline: an exhaustive check of a four-layer network takes milliseconds, but a
loaded machine must not turn that into a flaky failure. An unknown profile name is an error.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=25, deadline=None)
settings.register_profile(
    "ci", max_examples=200, deadline=None, derandomize=True, database=None, print_blob=True
)
settings.register_profile(
    "thorough", max_examples=1_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The helper's tests first; the rest keep their order (the sort is stable)."""
    items.sort(key=lambda item: item.path.name != "test_numerical.py")
