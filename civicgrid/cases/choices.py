from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseKind(models.TextChoices):
    """Kinds of matter (事项类型) that all run the one closed loop; the kind picks the extra record a case carries."""

    REQUEST = "request", _("诉求")
    COMPLAINT = "complaint", _("投诉")
    DISPUTE = "dispute", _("矛盾纠纷")
    HAZARD = "hazard", _("隐患")
    PETITION = "petition", _("信访")
    URBAN_EVENT = "urban_event", _("城管事件")


class Stage(models.TextChoices):
    """Stages of the closed loop that carry a time limit (办理环节)."""

    REGISTER = "register", _("立案")
    DISPATCH = "dispatch", _("派遣")
    ACCEPT = "accept", _("签收")
    HANDLE = "handle", _("处置")
    VERIFY = "verify", _("核查")
    CLOSE = "close", _("结案")


class FieldType(models.TextChoices):
    """Types of the extra fields (附加字段) a category asks for."""

    TEXT = "text", _("文本")
    NUMBER = "number", _("数字")
    DATE = "date", _("日期")
    CHOICE = "choice", _("单选")
    MULTI_CHOICE = "multi_choice", _("多选")


CHOICE_TYPES = {FieldType.CHOICE, FieldType.MULTI_CHOICE}


class Channel(models.TextChoices):
    """Where a matter came in (来源渠道). 网格上报 is what grid staff and the heads under the grid (楼栋长, 楼层长,
    社区长, 片长, 监督员) find on their rounds."""

    HOTLINE = "hotline", _("12345热线")
    WEB = "web", _("网上诉求")
    GRID_WORKER = "grid_worker", _("网格上报")
    WALK_IN = "walk_in", _("来访")
    OPEN311 = "open311", _("Open311")
    TRANSFER = "transfer", _("其他中心转办")


class Priority(models.TextChoices):
    """紧急程度: urgent matters have the same-day limit of 12345 practice."""

    NORMAL = "normal", _("一般")
    URGENT = "urgent", _("紧急")
    CRITICAL = "critical", _("特急")


class Status(models.TextChoices):
    """案件状态: where a case stands in the one loop (DESIGN.md, "The one loop")."""

    REPORTED = "reported", _("待受理")
    REGISTERED = "registered", _("待派遣")
    DISPATCHED = "dispatched", _("处置中")
    HANDLED = "handled", _("待核查")
    VERIFIED = "verified", _("待结案")
    CLOSED = "closed", _("待回访")
    RATED = "rated", _("已回访")
    NO_CALLBACK = "no_callback", _("无需回访")
    SELF_RESOLVED = "self_resolved", _("自行处置")
    VOIDED = "voided", _("已作废")
    MERGED = "merged", _("已合并")


OPEN_STATUSES = frozenset({Status.REPORTED, Status.REGISTERED, Status.DISPATCHED, Status.HANDLED, Status.VERIFIED})
FINISHED_STATUSES = frozenset({Status.CLOSED, Status.RATED, Status.NO_CALLBACK, Status.SELF_RESOLVED, Status.VOIDED,
                               Status.MERGED})


class AssignmentRole(models.TextChoices):
    """主办 or 协办: the lead department answers for the result, co-departments help."""

    LEAD = "lead", _("主办")
    CO = "co", _("协办")


class AssignmentStatus(models.TextChoices):
    """派遣单状态: one department's part of a case."""

    DISPATCHED = "dispatched", _("待签收")
    ACCEPTED = "accepted", _("处理中")
    HANDLED = "handled", _("已反馈")
    RETURNED = "returned", _("已回退")
    CANCELLED = "cancelled", _("已撤销")


ACTIVE_ASSIGNMENT_STATUSES = frozenset({AssignmentStatus.DISPATCHED, AssignmentStatus.ACCEPTED})


class Measure(models.TextChoices):
    """统计口径: the cases one measure of the figures (``cases.tally``) counts, as a filter of the queue, so that
    a figure's link lists exactly the cases behind it."""

    OPEN = "open", _("在办")
    OVERDUE = "overdue", _("超期在办")
    LATE = "late", _("曾超期")
    REWORKED = "reworked", _("返工")
    RETURNED = "returned", _("回退")
    SATISFIED = "satisfied", _("满意")
    SUPERVISED = "supervised", _("督办")
    RESOLVED = "resolved", _("已办结")
    ON_TIME = "on_time", _("按期办结")
    COUNTED = "counted", _("应办结")


class Satisfaction(models.TextChoices):
    """回访评价."""

    SATISFIED = "satisfied", _("满意")
    BASICALLY = "basically", _("基本满意")
    UNSATISFIED = "unsatisfied", _("不满意")


class ApprovalKind(models.TextChoices):
    """What a request waiting for approval (待审批) asks for."""

    VOID = "void", _("作废")
    RETURN = "return", _("回退")
    EXTENSION = "extension", _("延时")
    SUSPENSION = "suspension", _("挂账")


class ApprovalStatus(models.TextChoices):
    PENDING = "pending", _("待审批")
    APPROVED = "approved", _("已同意")
    REFUSED = "refused", _("已驳回")
    LAPSED = "lapsed", _("已失效")


class Light(models.TextChoices):
    """亮灯 in lists: the traffic light plus the states where no clock runs."""

    GREEN = "green", _("绿灯")
    YELLOW = "yellow", _("黄灯")
    RED = "red", _("红灯")
    SUSPENDED = "suspended", _("挂账")
    NONE = "none", _("无")
