from django.db import models
from django.utils.translation import gettext_lazy as _


class VisitKind(models.TextChoices):
    """接访 or 下访: the petitioner came to the centre, or the leader went to them."""

    RECEPTION = "reception", _("接访")
    HOME = "home", _("下访")


class Outcome(models.TextChoices):
    """办结结果: how the matter was settled for the petitioner."""

    RESOLVED = "resolved", _("诉求已解决")
    PARTLY = "partly", _("部分解决")
    EXPLAINED = "explained", _("依法答复并解释说明")


class Acknowledgement(models.TextChoices):
    """信访人认可方式: how the petitioner said the matter is settled for them."""

    SIGNED = "signed", _("签字确认")
    ORAL = "oral", _("当面口头认可")
    PHONE = "phone", _("电话认可")
