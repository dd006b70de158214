import pytest

from civicgrid.cases.categories import DATA
from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Category
from civicgrid.cases.services import transition
from civicgrid.testing import factories

from .revealing import ID_NUMBER

TAXONOMY = DATA / "messages" / "taxonomy.csv"


@pytest.fixture
def taxonomy_text() -> str:
    """The real 15/118/517-class taxonomy shipped in data/messages, as the importer receives it."""
    return TAXONOMY.read_text(encoding="utf-8-sig")


@pytest.fixture
def tree(db) -> dict[str, Category]:
    """城乡建设 › 城市建设和市政管理 › 燃气供应, with a sibling 自来水供应, keyed by code."""
    top = Category.objects.create(code="01", name="城乡建设")
    middle = Category.objects.create(code="01.01", name="城市建设和市政管理", parent=top)
    gas = Category.objects.create(code="01.01.001", name="燃气供应", parent=middle)
    water = Category.objects.create(code="01.01.002", name="自来水供应", parent=middle)
    return {c.code: c for c in (top, middle, gas, water)}


class Loop:
    """One reported case and the people who move it, with shortcuts to bring it to any state."""

    def __init__(self, case, people):
        self.case, self.people = case, people
        self.lead = people["department_handler"].assignments.get().department
        self.co = people["second_department_handler"].assignments.get().department

    def act(self, action, who, **params):
        from civicgrid.cases.services import transition

        actor = self.people.get(who, who)
        event = transition(self.case, action, actor, **params)
        self.case.refresh_from_db()
        return event

    def assignment(self, who="department_handler"):
        return self.case.assignments.get(department=self.people[who].assignments.get().department)

    def to(self, state: str):
        for step in PATH[: PATH.index(state) + 1]:
            getattr(self, f"_{step}")()
        return self.case

    def _reported(self):
        pass

    def _registered(self):
        self.act("register", "intake_clerk")

    def _dispatched(self):
        self.act("dispatch", "township_dispatcher", lead=self.lead.pk, co=[self.co.pk])

    def _accepted(self):
        for who in ("department_handler", "second_department_handler"):
            self.act("accept", who, assignment=self.assignment(who))

    def _handled(self):
        for who in ("department_handler", "second_department_handler"):
            self.act("handle", who, assignment=self.assignment(who), note="已处理")

    def _verified(self):
        self.act("verify", "grid_worker")

    def _closed(self):
        self.act("close", "shift_lead")


PATH = ["reported", "registered", "dispatched", "accepted", "handled", "verified", "closed"]


@pytest.fixture
def loop(reported_case, intake_clerk, township_dispatcher, shift_lead, department_handler,
         second_department_handler, grid_worker, leader, outsider):
    people = {"intake_clerk": intake_clerk, "township_dispatcher": township_dispatcher, "shift_lead": shift_lead,
              "department_handler": department_handler, "second_department_handler": second_department_handler,
              "grid_worker": grid_worker, "leader": leader, "outsider": outsider}
    return Loop(reported_case, people)


@pytest.fixture
def case_with_numbers(street_litter, intake_clerk, township_dispatcher, department_handler):
    """A case whose reporter left a phone and an ID number, registered and dispatched to the handler's department."""
    case = file_case(factories.report(street_litter, reporter_id_number=ID_NUMBER), user=intake_clerk)
    transition(case, "register", intake_clerk)
    transition(case, "dispatch", township_dispatcher, lead=department_handler.assignments.get().department.pk)
    case.refresh_from_db()
    return case


@pytest.fixture
def units(yulin) -> dict:
    """1号楼 of grid A with its 3层, and 2号楼 beside it: the units of the 五级五长 below the grid."""
    grid = yulin["grid_a"].code
    return {"building": factories.area(f"{grid}001", "1号楼"), "floor": factories.area(f"{grid}001003", "3层"),
            "neighbour": factories.area(f"{grid}002", "2号楼")}


@pytest.fixture
def building_head(units):
    return factories.staff_with_role("building_head", area=units["building"], username="building_head")


@pytest.fixture
def floor_head(units):
    return factories.staff_with_role("floor_head", area=units["floor"], username="floor_head")


@pytest.fixture
def inspector(yulin):
    """监督员 of community A: verifies on site in every grid of the community."""
    return factories.staff_with_role("inspector", area=yulin["community_a"], username="inspector")
