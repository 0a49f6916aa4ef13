"""An example test file for your own backprop: copy it next to your code, change the import, run pytest.

(The companion's docs show this file as it is; its own tests run it on the fixtures, right and wrong.)
"""

from hypothesis import given, settings

from tests.gradcheck.fixtures.function_style import gradient as my_backprop  # your code here
from worked.testing import Case, assert_gradient_matches, cases


def test_my_backprop_on_the_companions_networks() -> None:
    assert_gradient_matches(my_backprop)


@settings(max_examples=25, deadline=None)
@given(case=cases(activations=["sigmoid"], costs=["quadratic"]))
def test_my_backprop_on_random_networks(case: Case) -> None:
    assert_gradient_matches(my_backprop, network=case.network, x=case.x, y=case.y)
