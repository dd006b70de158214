"""The sample kind and its one step, registered with the loop."""

from pydantic import Field

from civicgrid.cases.inputs import StepInput
from civicgrid.cases.registry import register_kind, register_stage, register_step
from civicgrid.cases.spine import SPINE_LIMITS
from civicgrid.cases.workflow import DISPATCHERS, OPEN
from civicgrid.core.choices import TimeUnit

from .models import Inspection

KIND = "inspection"
ASSESS = "assess"


class AssessIn(StepInput):
    """评定等级: the risk grade found on site, 1 (low) to 4 (major)."""

    grade: int = Field(ge=1, le=4, title="风险等级")


def assess(work, params: AssessIn) -> None:
    record = work.record()
    record.grade, record.assessed_at = params.grade, work.now
    work.data.update(grade=params.grade)


def assessed(data: dict) -> str:
    return f"风险等级：{data.get('grade', '')}级"


def register() -> None:
    register_stage(ASSESS, "评定")
    register_kind(KIND, "安全检查", record=Inspection, limits={**SPINE_LIMITS, ASSESS: (2, TimeUnit.WORK_DAYS)})
    register_step(ASSESS, "评定等级", assess, sources=OPEN, target=None, roles=DISPATCHERS, kinds={KIND},
                  params=AssessIn, template="sample/assess.html", describe=assessed, public=True)
