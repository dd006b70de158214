from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Roles a staff member holds at an area node and/or a department."""

    GRID_WORKER = "grid_worker", _("网格员")
    GRID_HEAD = "grid_head", _("网格长")
    INSPECTOR = "inspector", _("监督员")
    BUILDING_HEAD = "building_head", _("楼栋长")
    FLOOR_HEAD = "floor_head", _("楼层长")
    COMMUNITY_HEAD = "community_head", _("社区(村)长")
    PRECINCT_HEAD = "precinct_head", _("片长")
    INTAKE_CLERK = "intake_clerk", _("受理员")
    DISPATCHER = "dispatcher", _("派遣员")
    SHIFT_LEAD = "shift_lead", _("值班长")
    DEPARTMENT_HANDLER = "dept_handler", _("部门处置人员")
    DEPARTMENT_HEAD = "dept_head", _("部门负责人")
    MEDIATOR = "mediator", _("调解员")
    LEADER = "leader", _("领导")
    EVALUATOR = "evaluator", _("考评员")
    AUDITOR = "auditor", _("审计员")
    ADMINISTRATOR = "admin", _("系统管理员")


DEPARTMENT_ROLES = {Role.DEPARTMENT_HANDLER, Role.DEPARTMENT_HEAD}
CENTRE_ROLES = {Role.INTAKE_CLERK, Role.DISPATCHER, Role.SHIFT_LEAD}
GRID_ROLES = {Role.GRID_WORKER, Role.GRID_HEAD}
HEAD_ROLES = {Role.GRID_HEAD, Role.BUILDING_HEAD, Role.FLOOR_HEAD, Role.COMMUNITY_HEAD, Role.PRECINCT_HEAD}

