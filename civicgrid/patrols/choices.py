from django.db import models
from django.utils.translation import gettext_lazy as _


class PointKind(models.TextChoices):
    """必巡点位的类型: the key places a patrol must pass."""

    SCHOOL = "school", _("学校")
    MARKET = "market", _("市场")
    STATION = "station", _("车站")
    HOSPITAL = "hospital", _("医院")
    SQUARE = "square", _("广场")
    OTHER = "other", _("其他")


class TeamKind(models.TextChoices):
    """巡逻队伍的类型: police, full-time patrollers, and the residents' own volunteers (群防群治)."""

    POLICE = "police", _("公安巡警")
    PROFESSIONAL = "professional", _("专职巡防")
    VOLUNTEER = "volunteer", _("群防群治")


class CheckInMethod(models.TextChoices):
    """打卡方式: the phone's position within the radius, or the point's QR code scanned."""

    POSITION = "position", _("定位打卡")
    QR = "qr", _("扫码打卡")
