"""The fixed lists of 关爱帮扶. The programmes are the list in docs/design.md and nothing else: a need not on
it is not a programme of this caseload, and the database refuses any other value too."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Programme(models.TextChoices):
    """帮扶项目: the service programmes a resident may be enrolled in, with their consent."""

    ELDERLY_ALONE = "elderly_alone", _("独居老人关爱")
    DISABILITY = "disability", _("残疾人帮扶")
    MENTAL_HEALTH = "mental_health", _("严重精神障碍患者社区关爱")
    COMMUNITY_CORRECTION = "community_correction", _("社区矫正帮扶")
    REENTRY = "reentry", _("刑满释放人员安置帮教")
    DRUG_REHABILITATION = "drug_rehabilitation", _("社区戒毒康复帮扶")
    MINORS = "minors", _("困境未成年人关爱")


class ConsentBy(models.TextChoices):
    """Who gave the consent the enrolment rests on."""

    RESIDENT = "resident", _("本人")
    GUARDIAN = "guardian", _("监护人")


class ConsentMethod(models.TextChoices):
    """How the consent was given, so it can be shown again if asked."""

    WRITTEN = "written", _("书面签字")
    ORAL_WITNESSED = "oral_witnessed", _("口头同意（有见证人）")
    ELECTRONIC = "electronic", _("电子确认")


class Frequency(models.IntegerChoices):
    """走访频次: days between two visits."""

    WEEKLY = 7, _("每周")
    FORTNIGHTLY = 14, _("每两周")
    MONTHLY = 30, _("每月")
    QUARTERLY = 90, _("每季度")


class LeaveReason(models.TextChoices):
    """退出原因: why a resident left the programme; the record is kept."""

    NO_LONGER_NEEDED = "no_longer_needed", _("情况好转，不再需要帮扶")
    TERM_ENDED = "term_ended", _("矫正、帮教或康复期满")
    MOVED = "moved", _("迁出本辖区")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("本人或监护人撤回同意")
    DIED = "died", _("去世")
    OTHER = "other", _("其他")
