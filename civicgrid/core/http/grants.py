from django.db import models
from django.utils.translation import gettext_lazy as _


class Grant(models.TextChoices):
    """What a client application may do besides the case steps it is granted (which also need its staff account)."""

    READ = "read", _("查询")
    FILE = "file", _("上报案件")
    # Filing as 紧急/特急 or with the reporter's ID number, as a centre's intake staff may (``cases.intake``).
    FILE_SENSITIVE = "file_sensitive", _("登记紧急案件和身份证号")
    COMMENT = "comment", _("补充说明")
    SUBSCRIBE = "subscribe", _("订阅推送")
    # Also needs a staff account whose roles may reveal (``cases.reveal``); every reveal is logged.
    REVEAL = "reveal", _("查看完整号码")
