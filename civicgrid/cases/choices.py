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
