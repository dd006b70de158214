from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Case as Conditional
from django.db.models import Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from civicgrid.core.choices import TimeUnit
from civicgrid.core.querysets import RestrictedQuerySet
from civicgrid.core.validators import validate_id_number, validate_mainland_phone

from ..choices import (
    ACTIVE_ASSIGNMENT_STATUSES,
    FINISHED_STATUSES,
    OPEN_STATUSES,
    AssignmentRole,
    AssignmentStatus,
    Channel,
    Light,
    Priority,
    Satisfaction,
    Status,
)

TITLE_MAX = 100
ADDRESS_MAX = 200
NOTE_MAX = 1000
NAME_MAX = 50
# The links of a case that most cases leave empty (see the indexes of Case).
SELDOM_SET = ("parent", "duplicate_of", "unit", "reported_by", "lead_department")


class Deadline(models.Model):
    """The clock of one stage: when it started, when the light turns yellow (80 %) and when it is due.

    Storing both instants lets lists filter and count by light in SQL. A suspension (挂账) stops the
    clock: on resuming, ``deadlines.resume`` moves both instants on by the working time left.
    """

    started_at = models.DateTimeField(_("起算时间"), null=True, blank=True)
    warn_at = models.DateTimeField(_("黄灯时间"), null=True, blank=True)
    due_at = models.DateTimeField(_("办理期限"), null=True, blank=True, db_index=True)
    limit_unit = models.CharField(_("时限单位"), max_length=16, choices=TimeUnit.choices, blank=True)
    overdue = models.BooleanField(_("已超期"), default=False)

    class Meta:
        abstract = True


def light_expression(now, prefix: str = "", finished: Q | None = None):
    """SQL for the light of each row at ``now`` (see ``Light``), for annotating and filtering lists."""
    finished = finished if finished is not None else Q(**{f"{prefix}due_at__isnull": True})
    return Conditional(
        When(finished, then=Value(Light.NONE)),
        When(Q(**{f"{prefix}suspended_at__isnull": False}), then=Value(Light.SUSPENDED)),
        When(Q(**{f"{prefix}due_at__lt": now}), then=Value(Light.RED)),
        When(Q(**{f"{prefix}warn_at__lte": now}), then=Value(Light.YELLOW)),
        default=Value(Light.GREEN),
        output_field=models.CharField(),
    )


class CaseQuerySet(RestrictedQuerySet):
    def public(self):
        """Cases of published services only: other matters (disputes, petitions) never leave through Open311."""
        return self.filter(category__open311_service__published=True)

    def with_light(self, now=None):
        finished = Q(status__in=FINISHED_STATUSES) | Q(due_at__isnull=True)
        return self.annotate(light=light_expression(now or timezone.now(), finished=finished))

    def visible_to(self, user):
        """The cases in the user's scope, and those they filed themselves: a 楼栋长 follows their own reports
        from a grid their scope does not reach (theirs only, never their neighbours')."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.restrict(user) | self.filter(reported_by=user)


class Case(Deadline):
    """案件: one resident matter running the closed loop, from 上报 to 回访.

    ``area`` is the grid the location fell in (or, when it could not be placed, the area of the centre
    that took it); the case keeps it when grids are redrawn. ``unit`` is the building or floor (楼栋, 楼层)
    a head filed it from, inside that grid. ``area_code`` repeats its code so that
    scoping is one indexed prefix match. ``centre_area`` is the centre handling it now (上报 moves it up).
    ``version`` goes up with every transition, so a page acting on an old version is told, not obeyed.
    """

    number = models.CharField(_("案件编号"), max_length=32, unique=True)
    category = models.ForeignKey("cases.Category", verbose_name=_("事项分类"), on_delete=models.PROTECT,
                                 related_name="cases", db_index=False)
    kind = models.CharField(_("事项类型"), max_length=16, editable=False)
    channel = models.CharField(_("来源渠道"), max_length=16, choices=Channel.choices)
    priority = models.CharField(_("紧急程度"), max_length=16, choices=Priority.choices, default=Priority.NORMAL)
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default=Status.REPORTED)
    title = models.CharField(_("标题"), max_length=TITLE_MAX)
    description = models.TextField(_("描述"))
    extra = models.JSONField(_("附加信息"), default=dict, blank=True)

    longitude = models.FloatField(_("经度"), null=True, blank=True, help_text=_("WGS84"))
    latitude = models.FloatField(_("纬度"), null=True, blank=True, help_text=_("WGS84"))
    address = models.CharField(_("地址"), max_length=ADDRESS_MAX, blank=True)
    area = models.ForeignKey("geo.Area", verbose_name=_("所在区域"), on_delete=models.PROTECT, related_name="cases")
    area_code = models.CharField(_("区域编码"), max_length=21, db_index=True, editable=False)
    centre_area = models.ForeignKey("geo.Area", verbose_name=_("承办中心"), on_delete=models.PROTECT,
                                    related_name="centre_cases", db_index=False)
    unit = models.ForeignKey("geo.Area", verbose_name=pgettext_lazy("one unit", "责任单元"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="unit_cases", db_index=False)

    reporter_name = models.CharField(_("诉求人"), max_length=NAME_MAX, blank=True)
    reporter_phone = models.CharField(_("联系电话"), max_length=11, blank=True, validators=[validate_mainland_phone])
    reporter_id_number = models.CharField(_("身份证号"), max_length=18, blank=True, validators=[validate_id_number])
    anonymous = models.BooleanField(_("匿名"), default=False)

    parent = models.ForeignKey("self", verbose_name=_("上级案件"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children", db_index=False)
    duplicate_of = models.ForeignKey("self", verbose_name=_("重复于"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="duplicates", db_index=False)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("录入人"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="reported_cases", db_index=False)
    reported_at = models.DateTimeField(_("上报时间"), default=timezone.now)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    closed_at = models.DateTimeField(_("结案时间"), null=True, blank=True)
    suspended_at = models.DateTimeField(_("挂账时间"), null=True, blank=True)
    supervised = models.BooleanField(_("督办"), default=False)
    rework_count = models.PositiveIntegerField(_("返工次数"), default=0)
    satisfaction = models.CharField(_("回访评价"), max_length=16, choices=Satisfaction.choices, blank=True)
    version = models.PositiveIntegerField(_("版本"), default=1)

    # What the figures count (``tally``), kept by the one writer as steps happen.
    facet = models.CharField(_("分项"), max_length=16, blank=True, editable=False)
    lead_department = models.ForeignKey("orgs.Department", verbose_name=_("主办部门"), null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="led_cases", editable=False,
                                        db_index=False)
    late = models.BooleanField(_("曾超期"), default=False, editable=False)
    returns = models.PositiveIntegerField(_("回退次数"), default=0, editable=False)
    working_minutes = models.PositiveIntegerField(_("办理用时（工作分钟）"), null=True, blank=True, editable=False)

    scope_field = "area_code"
    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("案件")
        verbose_name_plural = _("案件")
        ordering = ["-reported_at", "-pk"]
        indexes = [
            models.Index(fields=["centre_area", "status", "-reported_at"], name="cases_case_queue"),
            models.Index(fields=["status", "due_at"], name="cases_case_status_due"),
            models.Index(fields=["category", "status", "reported_at"], name="cases_case_category_recent"),
            # The API's case list: newest first, a cursor page at a time, without sorting every case in scope.
            models.Index(fields=["-reported_at", "-id"], name="cases_case_newest"),
            # The screen's red list (open cases past due, the longest overdue first): the first rows in order,
            # instead of every open case past due joined and sorted (the status index cannot order an IN list).
            models.Index(fields=["due_at"], name="cases_case_red", condition=Q(status__in=sorted(OPEN_STATUSES))),
            # Filing writes a case into every index of this table. The category, the centre and the time are
            # found by the first column of the indexes above, so they have none of their own; the links most
            # cases leave empty are indexed only where set, as their lookups are for one value (a case's
            # children, a department's cases), never for the empty ones.
            *[models.Index(fields=[link], name=f"cases_case_{link}_set", condition=Q(**{f"{link}__isnull": False}))
              for link in SELDOM_SET],
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    @classmethod
    def from_db(cls, db, field_names, values, **options):
        """A case as read, remembering what it counted for in the figures: the writer counts the difference."""
        case = super().from_db(db, field_names, values, **options)
        case.tallied = case.tally_facts() if TALLY_FIELDS.issubset(case.__dict__) else None
        return case

    def tally_facts(self) -> tuple:
        return tuple(self.__dict__[name] for name in TALLY_ORDER)

    @property
    def is_open(self) -> bool:
        return self.status not in FINISHED_STATUSES


# The case's fields the figures count, by attribute name (``tally.Facts`` names them in this order).
TALLY_ORDER = ("reported_at", "area_code", "category_id", "kind", "channel", "status", "facet", "lead_department_id",
               "overdue", "late", "rework_count", "returns", "satisfaction", "supervised", "working_minutes")
TALLY_FIELDS = frozenset(TALLY_ORDER)


class CaseCounter(models.Model):
    """案件编号计数器: the last sequence number given out for one county on one day."""

    prefix = models.CharField(_("区划编码"), max_length=6)
    day = models.DateField(_("日期"))
    last = models.PositiveIntegerField(_("已用序号"), default=0)

    class Meta:
        verbose_name = _("案件编号计数器")
        verbose_name_plural = _("案件编号计数器")
        constraints = [models.UniqueConstraint(fields=["prefix", "day"], name="cases_counter_one_per_day")]

    def __str__(self):
        return f"{self.prefix} {self.day} {self.last}"


class AssignmentQuerySet(RestrictedQuerySet):
    def with_light(self, now=None):
        finished = Q(due_at__isnull=True) | ~Q(status__in=ACTIVE_ASSIGNMENT_STATUSES)
        return self.annotate(light=light_expression(now or timezone.now(), finished=finished))


class Assignment(Deadline):
    """派遣单: one department's part of a case (主办 or 协办), with its own state and deadline.

    ``accept_due_at`` is the 签收 limit; the inherited deadline is the 处置 limit, counted from dispatch.
    """

    case = models.ForeignKey(Case, verbose_name=_("案件"), on_delete=models.CASCADE, related_name="assignments")
    department = models.ForeignKey("orgs.Department", verbose_name=_("部门"), on_delete=models.PROTECT,
                                   related_name="case_assignments")
    role = models.CharField(_("主协办"), max_length=8, choices=AssignmentRole.choices, default=AssignmentRole.LEAD)
    status = models.CharField(_("状态"), max_length=16, choices=AssignmentStatus.choices,
                              default=AssignmentStatus.DISPATCHED)
    dispatched_at = models.DateTimeField(_("派遣时间"), default=timezone.now)
    accept_due_at = models.DateTimeField(_("签收期限"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("签收时间"), null=True, blank=True)
    handled_at = models.DateTimeField(_("反馈时间"), null=True, blank=True)
    result = models.TextField(_("处理结果"), blank=True, validators=[MaxLengthValidator(NOTE_MAX)])
    extensions = models.PositiveIntegerField(_("延时次数"), default=0)
    suspended_at = models.DateTimeField(_("挂账时间"), null=True, blank=True)

    # Hangs off a case: seen by whoever sees the case (``restrict``).
    scope_field = "case__area_code"
    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("派遣单")
        verbose_name_plural = _("派遣单")
        ordering = ["case_id", "-role", "pk"]  # "lead" sorts after "co": descending puts the lead first
        indexes = [models.Index(fields=["department", "status", "due_at"], name="cases_assignment_inbox")]

    def __str__(self):
        return f"{self.case.number} · {self.department} · {self.get_role_display()}"


class CaseFollower(models.Model):
    """关联诉求人: a resident whose duplicate report was merged into this case; they are told and called back too."""

    case = models.ForeignKey(Case, verbose_name=_("案件"), on_delete=models.CASCADE, related_name="followers")
    source = models.OneToOneField(Case, verbose_name=_("原报案件"), on_delete=models.CASCADE,
                                  related_name="following")
    name = models.CharField(_("诉求人"), max_length=NAME_MAX, blank=True)
    phone = models.CharField(_("联系电话"), max_length=11, blank=True)

    scope_field = "case__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("关联诉求人")
        verbose_name_plural = _("关联诉求人")

    def __str__(self):
        return f"{self.case.number} ← {self.source.number}"
