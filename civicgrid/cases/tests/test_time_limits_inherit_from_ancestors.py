import pytest
from django.db import IntegrityError

from civicgrid.cases.choices import Stage
from civicgrid.cases.models import TimeLimit
from civicgrid.core.choices import TimeUnit


def limit(category, stage, amount, unit=TimeUnit.WORK_DAYS):
    return TimeLimit.objects.create(category=category, stage=stage, amount=amount, unit=unit)


def test_a_category_without_its_own_limit_takes_its_nearest_ancestors(tree):
    limit(tree["01"], Stage.HANDLE, 5)
    nearer = limit(tree["01.01"], Stage.HANDLE, 3)
    assert tree["01.01.001"].time_limit(Stage.HANDLE) == nearer
    assert tree["01"].time_limit(Stage.HANDLE).amount == 5


def test_its_own_limit_wins(tree):
    limit(tree["01"], Stage.HANDLE, 3)
    own = limit(tree["01.01.001"], Stage.HANDLE, 4, TimeUnit.WORK_HOURS)
    assert tree["01.01.001"].time_limit(Stage.HANDLE) == own
    assert tree["01.01.002"].time_limit(Stage.HANDLE).amount == 3


def test_each_stage_is_inherited_on_its_own(tree):
    limit(tree["01"], Stage.REGISTER, 2, TimeUnit.WORK_HOURS)
    limit(tree["01.01.001"], Stage.HANDLE, 1)
    gas = tree["01.01.001"]
    assert (gas.time_limit(Stage.REGISTER).category, gas.time_limit(Stage.HANDLE).category) == (tree["01"], gas)
    assert gas.time_limit(Stage.VERIFY) is None


def test_a_category_holds_one_limit_per_stage(tree):
    limit(tree["01"], Stage.HANDLE, 3)
    with pytest.raises(IntegrityError):
        limit(tree["01"], Stage.HANDLE, 5)
