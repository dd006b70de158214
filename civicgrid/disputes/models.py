"""Disputes (矛盾纠纷) and their mediation: the side record of a dispute case and what hangs off it.

A dispute is a case of the one loop (``cases.Case`` of kind ``dispute``); its type is the case's category
(the 矛盾纠纷 branch, which administrators edit), its place the case's grid and address. Everything here is
created and changed only inside the dispute's steps (``steps.py``), through the one writer.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicgrid.core.querysets import RestrictedQuerySet
from civicgrid.core.validators import validate_mainland_phone
from civicgrid.geo.models import Area

from . import choices as c


class Committee(models.Model):
    """调解组织: a people's mediation committee of a village or township, an industry committee, a personal
    mediation studio or an administrative mediation body; it works the disputes of its area."""

    name = models.CharField(_("名称"), max_length=100)
    kind = models.CharField(_("类型"), max_length=16, choices=c.CommitteeKind.choices)
    area = models.ForeignKey(Area, verbose_name=_("所在区域"), on_delete=models.PROTECT, related_name="committees")
    abbreviation = models.CharField(_("协议书编号简称"), max_length=16,
                                    help_text=_("调解协议书编号中的简称，如“鱼河”得“（2026）鱼河调字第0001号”。"))
    phone = models.CharField(_("联系电话"), max_length=32, blank=True)
    active = models.BooleanField(_("在用"), default=True)

    scope_field = "area__code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("调解组织")
        verbose_name_plural = _("调解组织")
        ordering = ["area__code", "name"]
        constraints = [models.UniqueConstraint(fields=["abbreviation"], name="disputes_committee_abbreviation")]

    def __str__(self):
        return self.name


class Mediator(models.Model):
    """调解员: a member of a committee's pool, with their kind and specialities; ``staff`` when they log in."""

    name = models.CharField(_("姓名"), max_length=50)
    committee = models.ForeignKey(Committee, verbose_name=_("调解组织"), on_delete=models.PROTECT,
                                  related_name="mediators")
    staff = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("登录账号"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="mediator")
    kind = models.CharField(_("类型"), max_length=16, choices=c.MediatorKind.choices)
    elder_background = models.CharField(_("“五老”身份"), max_length=16, blank=True,
                                        choices=c.ElderBackground.choices)
    specialities = models.JSONField(_("专长"), default=list, blank=True)
    phone = models.CharField(_("联系电话"), max_length=11, blank=True, validators=[validate_mainland_phone])
    active = models.BooleanField(_("在岗"), default=True)

    scope_field = "committee__area__code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("调解员")
        verbose_name_plural = _("调解员")
        ordering = ["committee_id", "name"]

    def __str__(self):
        return self.name

    @property
    def speciality_labels(self) -> list[str]:
        labels = dict(c.Speciality.choices)
        return [str(labels.get(code, code)) for code in self.specialities]


class Dispute(models.Model):
    """矛盾纠纷: the side record of a dispute case (GB/T 31000-2015), one per case."""

    case = models.OneToOneField("cases.Case", primary_key=True, on_delete=models.CASCADE, related_name="dispute",
                                verbose_name=_("案件"))
    scale = models.CharField(_("纠纷规模"), max_length=16, choices=c.Scale.choices, default=c.Scale.GENERAL)
    people_involved = models.PositiveIntegerField(_("涉及人数"), default=2)
    organisations_involved = models.CharField(_("涉及单位"), max_length=200, blank=True)
    occurred_on = models.DateField(_("发生日期"), null=True, blank=True)
    source = models.CharField(_("纠纷来源"), max_length=16, choices=c.Source.choices, default=c.Source.APPLIED)
    referrer = models.CharField(_("移交委托单位"), max_length=16, choices=c.Referrer.choices, blank=True)
    method = models.CharField(_("调解方式"), max_length=16, choices=c.Method.choices, default=c.Method.PEOPLE)
    committee = models.ForeignKey(Committee, verbose_name=_("调解组织"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="disputes")
    mediators = models.ManyToManyField(Mediator, verbose_name=_("承办调解员"), blank=True, related_name="disputes")
    accepted_at = models.DateTimeField(_("受理时间"), null=True, blank=True)
    outcome = models.CharField(_("调解结果"), max_length=16, choices=c.Outcome.choices, default=c.Outcome.PENDING)
    resolved = models.BooleanField(_("化解是否成功"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("化解时间"), null=True, blank=True)
    resolved_in_time = models.BooleanField(_("按期化解"), null=True, blank=True)
    account = models.TextField(_("化解情况"), blank=True)
    route = models.CharField(_("后续途径"), max_length=16, choices=c.Route.choices, blank=True)
    performance = models.CharField(_("履行情况"), max_length=16, choices=c.Performance.choices, blank=True)
    performed_at = models.DateTimeField(_("履行登记时间"), null=True, blank=True)
    confirmation = models.CharField(_("司法确认"), max_length=16, choices=c.Confirmation.choices, blank=True)
    confirmation_court = models.CharField(_("确认法院"), max_length=100, blank=True)
    confirmation_at = models.DateTimeField(_("司法确认时间"), null=True, blank=True)
    followed_up_at = models.DateTimeField(_("回访时间"), null=True, blank=True)

    scope_field = "case__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("矛盾纠纷")
        verbose_name_plural = _("矛盾纠纷")
        indexes = [models.Index(fields=["committee", "outcome"], name="disputes_committee_outcome")]

    def __str__(self):
        return str(self.case)


class Party(models.Model):
    """当事人: a person in a dispute; name, ID number, address and phone are personal data, shown masked and
    revealed only with a reason that the access log keeps."""

    dispute = models.ForeignKey(Dispute, verbose_name=_("纠纷"), on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(_("当事人身份"), max_length=16, choices=c.PartyRole.choices)
    name = models.CharField(_("姓名或名称"), max_length=100)
    id_type = models.CharField(_("证件类型"), max_length=16, choices=c.IdType.choices, default=c.IdType.RESIDENT_ID)
    id_number = models.CharField(_("证件号码"), max_length=32, blank=True)
    sex = models.CharField(_("性别"), max_length=1, choices=c.Sex.choices, blank=True)
    ethnic_group = models.CharField(_("民族"), max_length=2, choices=c.ETHNIC_GROUP_CHOICES, blank=True)
    address = models.CharField(_("住址"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=11, blank=True, validators=[validate_mainland_phone])
    added_at = models.DateTimeField(_("登记时间"))

    scope_field = "dispute__case__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("当事人")
        verbose_name_plural = _("当事人")
        ordering = ["dispute_id", "added_at", "id"]

    def __str__(self):
        return f"{self.get_role_display()} {self.name}"


class Session(models.Model):
    """调解记录: one mediation session, in person or online, with who took part and the minutes."""

    dispute = models.ForeignKey(Dispute, verbose_name=_("纠纷"), on_delete=models.CASCADE, related_name="sessions")
    held_at = models.DateTimeField(_("调解时间"))
    place = models.CharField(_("调解地点"), max_length=200)
    mode = models.CharField(_("调解形式"), max_length=16, choices=c.SessionMode.choices,
                            default=c.SessionMode.IN_PERSON)
    participants = models.TextField(_("参加人员"))
    minutes = models.TextField(_("调解情况"))
    recorded_at = models.DateTimeField(_("记录时间"))

    scope_field = "dispute__case__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("调解记录")
        verbose_name_plural = _("调解记录")
        ordering = ["dispute_id", "held_at", "id"]

    def __str__(self):
        return f"{self.dispute} · {self.held_at:%Y-%m-%d}"


class Agreement(models.Model):
    """调解协议书 or 口头协议登记: what the parties agreed, numbered per committee and year
    (“（2026）鱼河调字第0001号”); a written one is printed as a PDF and kept with the case."""

    dispute = models.OneToOneField(Dispute, primary_key=True, on_delete=models.CASCADE, related_name="agreement",
                                   verbose_name=_("纠纷"))
    committee = models.ForeignKey(Committee, verbose_name=_("调解组织"), on_delete=models.PROTECT,
                                  related_name="agreements")
    year = models.PositiveSmallIntegerField(_("年度"))
    serial = models.PositiveIntegerField(_("序号"))
    oral = models.BooleanField(_("口头协议"), default=False)
    facts = models.TextField(_("纠纷主要事实、争议事项"))
    terms = models.TextField(_("协议内容"))
    performance_terms = models.TextField(_("履行方式、时限"), blank=True)
    signed_on = models.DateField(_("签订日期"))
    document = models.FileField(_("协议书文件"), upload_to="agreements/", blank=True)

    scope_field = "dispute__case__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("调解协议")
        verbose_name_plural = _("调解协议")
        constraints = [models.UniqueConstraint(fields=["committee", "year", "oral", "serial"],
                                               name="disputes_agreement_number")]

    def __str__(self):
        return self.number

    @property
    def number(self) -> str:
        word = "口协" if self.oral else "调字"
        return f"（{self.year}）{self.committee.abbreviation}{word}第{self.serial:04d}号"


class Transfer(models.Model):
    """调解衔接: a move between people's, administrative and judicial mediation (三调联动), or a referral to or
    from a court (诉调对接)."""

    dispute = models.ForeignKey(Dispute, verbose_name=_("纠纷"), on_delete=models.CASCADE, related_name="transfers")
    kind = models.CharField(_("衔接类型"), max_length=16, choices=c.TransferKind.choices)
    from_method = models.CharField(_("原调解方式"), max_length=16, choices=c.Method.choices)
    to_method = models.CharField(_("转入调解方式"), max_length=16, choices=c.Method.choices)
    counterpart = models.CharField(_("对接单位"), max_length=100, blank=True)
    at = models.DateTimeField(_("时间"))
    reason = models.TextField(_("原因"))

    scope_field = "dispute__case__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("调解衔接")
        verbose_name_plural = _("调解衔接")
        ordering = ["dispute_id", "at", "id"]

    def __str__(self):
        return f"{self.dispute} · {self.get_kind_display()}"


class FollowUp(models.Model):
    """回访记录: the mediator's visit after the agreement, to see it performed and the dispute settled."""

    dispute = models.ForeignKey(Dispute, verbose_name=_("纠纷"), on_delete=models.CASCADE, related_name="follow_ups")
    visited_at = models.DateTimeField(_("回访时间"))
    performance = models.CharField(_("履行情况"), max_length=16, choices=c.Performance.choices)
    findings = models.TextField(_("回访情况"))

    scope_field = "dispute__case__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("回访记录")
        verbose_name_plural = _("回访记录")
        ordering = ["dispute_id", "visited_at", "id"]

    def __str__(self):
        return f"{self.dispute} · {self.visited_at:%Y-%m-%d}"


class ZeroReport(models.Model):
    """零报告: a grid's worker confirms that no new dispute was found in the grid that day (日排查).

    One per grid and day; made by ``zeroreports.report`` only, which refuses it for a grid where a dispute was
    reported that day (then the grid has something to report, not nothing)."""

    grid = models.ForeignKey(Area, verbose_name=_("网格"), on_delete=models.PROTECT, related_name="zero_reports")
    day = models.DateField(_("日期"))
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("报告人"), on_delete=models.PROTECT,
                              related_name="zero_reports")
    at = models.DateTimeField(_("报告时间"))

    scope_field = "grid__code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("零报告")
        verbose_name_plural = _("零报告")
        ordering = ["-day", "grid_id"]
        constraints = [models.UniqueConstraint(fields=["grid", "day"], name="disputes_zero_report_one_per_day")]
        indexes = [models.Index(fields=["day", "grid"], name="disputes_zero_report_day")]

    def __str__(self):
        return f"{self.grid.name} · {self.day}"


class TalkDay(models.Model):
    """群众说事日: a village's (community's) scheduled session where residents raise their matters; after it,
    the matters are entered as a list and filed as cases in one go (``talkdays.file_matters``)."""

    village = models.ForeignKey(Area, verbose_name=_("村（社区）"), on_delete=models.PROTECT, related_name="talk_days")
    held_on = models.DateField(_("日期"))
    place = models.CharField(_("地点"), max_length=100)
    host = models.CharField(_("主持人"), max_length=50)
    scheduled_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("安排人"), on_delete=models.PROTECT,
                                     related_name="talk_days_scheduled")
    scheduled_at = models.DateTimeField(_("安排时间"))
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("录入人"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="talk_days_filed")
    filed_at = models.DateTimeField(_("事项录入时间"), null=True, blank=True)
    cases = models.ManyToManyField("cases.Case", verbose_name=_("所提事项"), blank=True, related_name="talk_days")

    scope_field = "village__code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("群众说事日")
        verbose_name_plural = _("群众说事日")
        ordering = ["-held_on", "village_id"]
        constraints = [models.UniqueConstraint(fields=["village", "held_on"], name="disputes_talk_day_one_per_day")]

    def __str__(self):
        return f"{self.village.name} · {self.held_on}"

    @property
    def held(self) -> bool:
        return self.filed_at is not None
