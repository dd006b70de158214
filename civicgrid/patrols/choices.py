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


# The 1-3-5-minute response circles (快反处置圈): the kinds of response post and the circles.
class PostKind(models.TextChoices):
    """快反处置点位类型: where officers set out from, each with its own travel speed (``PostSpeed``)."""

    STATION = "station", _("警务站")
    COMMUNITY_OFFICE = "office", _("社区警务室")
    QUICK_RESPONSE = "quick", _("快反点")


# Average straight-line speeds (km/h) until an administrator sets their own (docs/circles.md explains them):
# a station's patrol car in town traffic, a community office's officers on electric bikes through lanes, and a
# quick-response point's car or motorbike waiting with its engine warm.
DEFAULT_SPEEDS_KMH = {PostKind.STATION: 30.0, PostKind.COMMUNITY_OFFICE: 18.0, PostKind.QUICK_RESPONSE: 36.0}


class Circle(models.IntegerChoices):
    """The smallest circle an area lies in: reached within 1, 3 or 5 minutes, or beyond 5 (a gap, 空白).

    The values are the circles' minutes, and 9 for beyond, so that "within n minutes" is ``circle <= n``."""

    ONE = 1, _("1分钟圈")
    THREE = 3, _("3分钟圈")
    FIVE = 5, _("5分钟圈")
    BEYOND = 9, _("5分钟以外")


CIRCLE_MINUTES = (Circle.ONE, Circle.THREE, Circle.FIVE)
# The map's colours: greens for the circles, amber for 5 minutes, red for the gaps beyond.
CIRCLE_COLOURS = {Circle.ONE: "#146c43", Circle.THREE: "#52b788", Circle.FIVE: "#f4a261", Circle.BEYOND: "#d62828"}
