"""A kind of matter may leave out steps open to every kind (``register_kind(skips=…)``): its cases are
neither offered them nor allowed to take them, while the other kinds keep them."""

import pytest

from civicgrid.cases import registry, workflow
from civicgrid.cases.registry import register_kind, register_stage, register_step
from civicgrid.core.choices import TimeUnit


def close(work, params: registry.NoParams) -> None:
    work.case.status = "closed"


@pytest.fixture
def hazards(monkeypatch):
    monkeypatch.setattr(registry, "REGISTRY", registry.Registry())
    register_stage("handle", "处置")
    register_step("close", "结案", close, sources={"verified"}, target="closed", roles={"shift_lead"})
    register_kind("request", "诉求", record=None, limits={"handle": (3, TimeUnit.WORK_DAYS)})
    register_kind("hazard", "隐患", record=None, limits={"handle": (3, TimeUnit.WORK_DAYS)}, skips={"close"})


def test_the_skipping_kind_does_not_take_the_step(hazards):
    with pytest.raises(workflow.InvalidInput):
        workflow.row("close", "hazard")


def test_other_kinds_still_take_it(hazards):
    assert workflow.row("close", "request").action == "close"
    assert registry.problems() == []
