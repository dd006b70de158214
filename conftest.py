"""Persona fixtures shared by every app's tests: a grid worker, a township dispatcher,
a department handler and an outsider, on a small slice of 榆林市's real divisions."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import translation

from civicgrid.testing import factories

pytest_plugins = ["civicgrid.testing.browser", "civicgrid.testing.households"]


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """Django's hasher spends about a second on each password on purpose; the suite makes well over a thousand
    test users and demo accounts, which need no such protection (Django's own advice for tests)."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def _chinese_by_default():
    """A request in English leaves English active in the thread; every test starts in Chinese."""
    with translation.override("zh-hans"):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and throttles live in the cache; each test starts with none."""
    cache.clear()
    yield


@pytest.fixture
def yulin(db):
    """Two townships of 榆阳区 with a community and a grid each, with square outlines."""
    return factories.small_city()


@pytest.fixture
def grid_worker(yulin):
    return factories.staff_with_role("grid_worker", area=yulin["grid_a"], username="grid_worker")


@pytest.fixture
def township_dispatcher(yulin):
    return factories.staff_with_role("dispatcher", area=yulin["township_a"], username="dispatcher")


@pytest.fixture
def department_handler(yulin):
    department = factories.DepartmentFactory(area=yulin["county"], served_areas=[yulin["county"]])
    return factories.staff_with_role("dept_handler", department=department, username="handler")


@pytest.fixture
def outsider(yulin):
    """A dispatcher of the other township: nothing of township A is theirs."""
    return factories.staff_with_role("dispatcher", area=yulin["township_b"], username="outsider")


@pytest.fixture
def administrator(yulin):
    return factories.staff_with_role("admin", area=yulin["city"], username="administrator")


@pytest.fixture
def shift_lead(yulin):
    return factories.staff_with_role("shift_lead", area=yulin["township_a"], username="shift_lead")


@pytest.fixture
def intake_clerk(yulin):
    return factories.staff_with_role("intake_clerk", area=yulin["township_a"], username="intake_clerk")


@pytest.fixture
def auditor(yulin):
    """审计员 of township A: reads the access log of township A's records."""
    return factories.staff_with_role("auditor", area=yulin["township_a"], username="auditor")


@pytest.fixture
def leader(yulin):
    return factories.staff_with_role("leader", area=yulin["city"], username="leader")


@pytest.fixture
def second_department_handler(yulin):
    department = factories.DepartmentFactory(area=yulin["county"], served_areas=[yulin["county"]])
    return factories.staff_with_role("dept_handler", department=department, username="handler2")


@pytest.fixture
def street_litter(db):
    """市容环境 › 暴露垃圾: an urban-management event, handled in 1 working day."""
    factories.category("01", "市容环境", limits={"handle": (1, "work_days"), "register": (2, "work_hours")})
    return factories.category("01.001", "暴露垃圾")


@pytest.fixture
def reported_case(street_litter, yulin):
    from civicgrid.cases.intake import file_case

    return file_case(factories.report(street_litter))


@pytest.fixture
def loop(yulin, street_litter, department_handler):
    """``loop.case("handled", where="b")``: a case of 暴露垃圾 at grid A (or B) taken that far by its township's
    own staff, dispatched to the department handler's department."""
    from civicgrid.testing.loop import Loop

    return Loop(street_litter, yulin, department_handler.assignments.get().department)
