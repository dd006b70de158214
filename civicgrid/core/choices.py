from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarSource(models.TextChoices):
    """Where a calendar day came from; the seeder never touches what an administrator entered."""

    SEED = "seed", _("chinese-calendar 导入")
    ADMIN = "admin", _("管理员录入")


class TimeUnit(models.TextChoices):
    """Units of a time limit (时限) in 12345 hotline practice."""

    WORK_HOURS = "work_hours", _("工作时")
    WORK_DAYS = "work_days", _("工作日")
    NATURAL_DAYS = "natural_days", _("自然日")


class TrafficLight(models.TextChoices):
    """亮灯: how much of a case's time limit is used (green ≤ 80 %, yellow ≤ 100 %, red after)."""

    GREEN = "green", _("绿灯")
    YELLOW = "yellow", _("黄灯")
    RED = "red", _("红灯")


class Action(models.TextChoices):
    """What a user wants to do with scoped records (``restrict(user, action)``); ``orgs.permissions`` maps
    roles to actions."""

    VIEW = "view", _("查看")
    MANAGE_GEOGRAPHY = "manage_geography", _("维护区划与网格")
    MANAGE_STAFF = "manage_staff", _("维护机构与人员")
    AUDIT = "audit", _("查阅访问日志")


class LockoutKind(models.TextChoices):
    """What a sign-in lockout (登录锁定) stops: one account's name, or one client address."""

    ACCOUNT = "account", _("账号")
    ADDRESS = "address", _("地址")


class AccessAction(models.TextChoices):
    """What an access log entry (访问日志) records: a look at a person's record, or a number shown in full."""

    VIEW = "view", _("查看记录")
    REVEAL = "reveal", _("查看完整号码")


class PersonalField(models.TextChoices):
    """The personal numbers shown masked everywhere and revealed only on purpose (``validators.mask_*``)."""

    PHONE = "phone", _("联系电话")
    ID_NUMBER = "id_number", _("身份证号")


class Via(models.TextChoices):
    """Where a look at a record came in: a staff page, the JSON API, or the admin site."""

    PAGE = "page", _("工作页面")
    API = "api", _("接口")
    ADMIN = "admin", _("管理后台")
