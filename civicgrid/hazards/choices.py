from django.db import models
from django.utils.translation import gettext_lazy as _


class Grade(models.TextChoices):
    """风险等级: the four colours of a risk register, red the most serious (重大) and blue the least (低)."""

    RED = "red", _("红色（重大风险）")
    ORANGE = "orange", _("橙色（较大风险）")
    YELLOW = "yellow", _("黄色（一般风险）")
    BLUE = "blue", _("蓝色（低风险）")


# From the most serious down: the register's columns and its order.
GRADE_ORDER = [Grade.RED, Grade.ORANGE, Grade.YELLOW, Grade.BLUE]
# The colours the register's map and badges draw each grade in.
GRADE_COLOURS = {Grade.RED: "#dc3545", Grade.ORANGE: "#fd7e14", Grade.YELLOW: "#ffc107", Grade.BLUE: "#0d6efd",
                 "": "#6c757d"}


class CheckKind(models.TextChoices):
    """检查记录的类型: a check on the way, or the on-site acceptance of the rectification (整改验收)."""

    CHECK = "check", _("现场检查")
    PASSED = "passed", _("整改验收通过")
    FAILED = "failed", _("整改验收不通过")
