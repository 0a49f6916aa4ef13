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
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from tests import hash_seed

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


@pytest.fixture(scope="session")
def _another_hash_seed_child() -> Iterator[subprocess.Popen[str]]:
    child = hash_seed.start()
    yield child
    if child.poll() is None:  # a run that never asked for the result: stop the child
        child.kill()
        child.communicate()


@pytest.fixture(scope="session")
def under_another_hash_seed(_another_hash_seed_child: subprocess.Popen[str]) -> dict[str, Any]:
    """The docs' digests and ``derive``'s outputs, computed once per session under another hash seed."""
    return hash_seed.finish(_another_hash_seed_child)


@pytest.fixture(scope="session")
def generated(_another_hash_seed_child: subprocess.Popen[str]) -> dict[str, str]:
    """The docs as the generator writes them now, made once per session (tens of seconds); the run
    under another hash seed goes on meanwhile, on the other core."""
    from backprop_companion.docs import pages

    return pages()
