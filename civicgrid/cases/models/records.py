from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicgrid.core.choices import TimeUnit
from civicgrid.core.querysets import RestrictedQuerySet

from ..actors import words
from ..choices import ApprovalKind, ApprovalStatus, Status
from .cases import NOTE_MAX, Assignment, Case


class CaseEvent(models.Model):
    """案件流转记录: one step of a case's timeline: who did what, when, from which state to which.

    ``actor`` is empty for residents (via the tracking page) and for the system (deadline sweep).
    ``actor_role`` and ``actor_org`` say who acted as the timeline shows it instead of a name, in the reader's
    language (``by``, ``cases.actors``); ``actor_label`` holds those words in the site's language.
    ``data`` keeps what the step decided: departments dispatched, the rating, the approval answered.
    """

    case = models.ForeignKey(Case, verbose_name=_("案件"), on_delete=models.CASCADE, related_name="events")
    assignment = models.ForeignKey(Assignment, verbose_name=_("派遣单"), null=True, blank=True,
                                   on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("操作"), max_length=32)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="case_events")
    actor_label = models.CharField(_("操作方"), max_length=100, blank=True,
                                   help_text=_("部门或中心名称，向群众显示时代替人员姓名。"))
    actor_role = models.CharField(_("操作方角色"), max_length=32, blank=True,
                                  help_text=_("角色代码，或 resident、system、channel、department、centre。"))
    actor_org = models.CharField(_("操作方单位"), max_length=100, blank=True,
                                 help_text=_("部门、中心所在区域或网格的名称；来源渠道时为渠道代码。"))
    from_status = models.CharField(_("原状态"), max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=16, choices=Status.choices, blank=True)
    note = models.TextField(_("说明"), blank=True)
    data = models.JSONField(_("数据"), default=dict, blank=True)
    created_at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)

    # Hangs off a case: seen by whoever sees the case (``restrict``).
    scope_field = "case__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("流转记录")
        verbose_name_plural = _("流转记录")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.case.number} {self.action} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def by(self) -> str:
        """Who acted, as the timeline shows it in place of a name, in the active language."""
        return words(self.actor_role, self.actor_org, self.actor_label)


EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "application/pdf": "pdf",
              "video/mp4": "mp4"}


def attachment_path(instance, filename: str) -> str:
    """Files go under the case number, with a random name so that uploads never overwrite each other, and
    the extension of the type read from their content, never the one the uploader chose (evil.html)."""
    from uuid import uuid4

    return f"cases/{instance.case.number}/{uuid4().hex}.{EXTENSIONS.get(instance.content_type, 'bin')}"


class Attachment(models.Model):
    """附件: a photo or file added to a case at a step (the report, handling feedback, verification)."""

    case = models.ForeignKey(Case, verbose_name=_("案件"), on_delete=models.CASCADE, related_name="attachments")
    event = models.ForeignKey(CaseEvent, verbose_name=_("环节"), null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="attachments")
    file = models.FileField(_("文件"), upload_to=attachment_path)
    name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(_("类型"), max_length=100)
    size = models.PositiveIntegerField(_("大小"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("上传人"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("上传时间"), default=timezone.now)

    # Hangs off a case: seen by whoever sees the case (``restrict``).
    scope_field = "case__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class Approval(models.Model):
    """审批: a request waiting for someone above to agree: 作废, 回退, 延时 or 挂账."""

    case = models.ForeignKey(Case, verbose_name=_("案件"), on_delete=models.CASCADE, related_name="approvals")
    assignment = models.ForeignKey(Assignment, verbose_name=_("派遣单"), null=True, blank=True,
                                   on_delete=models.CASCADE, related_name="approvals")
    kind = models.CharField(_("申请事项"), max_length=16, choices=ApprovalKind.choices)
    status = models.CharField(_("审批状态"), max_length=16, choices=ApprovalStatus.choices,
                              default=ApprovalStatus.PENDING)
    reason = models.TextField(_("申请理由"))
    amount = models.PositiveIntegerField(_("延长时限"), null=True, blank=True)
    unit = models.CharField(_("单位"), max_length=16, choices=TimeUnit.choices, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("申请人"), on_delete=models.PROTECT,
                                     related_name="approval_requests")
    requested_at = models.DateTimeField(_("申请时间"), default=timezone.now)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("审批人"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="approval_decisions")
    decided_at = models.DateTimeField(_("审批时间"), null=True, blank=True)
    decision_note = models.CharField(_("审批意见"), max_length=NOTE_MAX, blank=True)

    # Hangs off a case: seen by whoever sees the case (``restrict``).
    scope_field = "case__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("审批")
        verbose_name_plural = _("审批")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            # One open request of a kind per case part: a second click must not queue a second approval.
            models.UniqueConstraint(fields=["case", "assignment", "kind"], condition=models.Q(status="pending"),
                                    name="cases_approval_one_pending"),
            models.UniqueConstraint(fields=["case", "kind"],
                                    condition=models.Q(status="pending", assignment__isnull=True),
                                    name="cases_approval_one_pending_on_case"),
        ]

    def __str__(self):
        return f"{self.case.number} {self.get_kind_display()} {self.get_status_display()}"
