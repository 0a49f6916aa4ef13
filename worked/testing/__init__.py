"""For readers' own test suites: hypothesis strategies for networks and batches, and an assertion that
a reader's backprop (in Nielsen's, Ng's, the tutorial script's or the companion's layout) gives the
companion's gradient, naming the catalogued bug when it does not."""

from worked.testing.assertions import assert_gradient_matches
from worked.testing.strategies import Case, cases

__all__ = ["Case", "assert_gradient_matches", "cases"]
