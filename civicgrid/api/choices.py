from django.db import models
from django.utils.translation import gettext_lazy as _

from civicgrid.cases.workflow import Action as CaseAction
from civicgrid.core.http.grants import Grant

# Case steps a client application may be granted; it takes them as its staff account, by the loop's rules.
STEP_GRANTS = [(action.value, action.label) for action in CaseAction if action not in
               (CaseAction.REPORT, CaseAction.OVERDUE, CaseAction.COMMENT)]
GRANT_CHOICES = [*Grant.choices, *STEP_GRANTS]


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("待推送")
    DELIVERED = "delivered", _("已送达")
    FAILED = "failed", _("已放弃")
