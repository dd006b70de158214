from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicgrid.core.querysets import RestrictedQuerySet
from civicgrid.core.validators import validate_mainland_phone
from civicgrid.geo.models import Area, Precinct

from .choices import Role
from .scope import Scope


class Department(models.Model):
    """职能部门: a functional department that receives and handles dispatched matters in the areas it serves."""

    code = models.CharField(_("编码"), max_length=32, unique=True)
    name = models.CharField(_("名称"), max_length=100)
    area = models.ForeignKey(
        Area, verbose_name=_("所属区域"), on_delete=models.PROTECT, related_name="departments",
        help_text=_("部门所属的行政层级，如市或县区。"),
    )
    served_areas = models.ManyToManyField(Area, verbose_name=_("服务区域"), related_name="served_by", blank=True)

    scope_field = "area__code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("职能部门")
        verbose_name_plural = _("职能部门")
        ordering = ["area__code", "code"]

    def __str__(self):
        return self.name


class Centre(models.Model):
    """综治中心: the comprehensive governance centre of one area node (city, county, township or community)."""

    area = models.OneToOneField(Area, verbose_name=_("区域"), on_delete=models.PROTECT, related_name="centre")
    name = models.CharField(_("名称"), max_length=100)
    phone = models.CharField(_("值班电话"), max_length=32, blank=True)

    scope_field = "area__code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("综治中心")
        verbose_name_plural = _("综治中心")
        ordering = ["area__code"]

    def __str__(self):
        return self.name


class Staff(AbstractUser):
    """工作人员: anyone who logs in: centre staff, grid workers, heads, department staff, leaders."""

    display_name = models.CharField(_("姓名"), max_length=50, blank=True)
    phone = models.CharField(_("手机号"), max_length=11, blank=True, validators=[validate_mainland_phone])

    class Meta:
        verbose_name = _("工作人员")
        verbose_name_plural = _("工作人员")

    def __str__(self):
        return self.display_name or self.username

    @cached_property
    def scope(self) -> Scope:
        """Where this user's roles reach, read once per user object: once per request for ``request.user``."""
        return Scope(self)


class RoleAssignment(models.Model):
    """角色分配: a role held at an area node, a 片区, and/or a department; it grants the node's scope."""

    staff = models.ForeignKey(Staff, verbose_name=_("人员"), on_delete=models.CASCADE, related_name="assignments")
    role = models.CharField(_("角色"), max_length=32, choices=Role.choices)
    area = models.ForeignKey(
        Area, verbose_name=_("区域节点"), null=True, blank=True, on_delete=models.PROTECT, related_name="assignments"
    )
    precinct = models.ForeignKey(
        Precinct, verbose_name=_("片区"), null=True, blank=True, on_delete=models.PROTECT, related_name="assignments"
    )
    department = models.ForeignKey(
        Department, verbose_name=_("部门"), null=True, blank=True, on_delete=models.PROTECT, related_name="assignments"
    )

    scope_field = "area__code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("角色分配")
        verbose_name_plural = _("角色分配")
        ordering = ["staff_id", "role"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(area__isnull=False) | models.Q(precinct__isnull=False)
                | models.Q(department__isnull=False),
                name="orgs_assignment_has_anchor",
            )
        ]

    def __str__(self):
        anchor = self.precinct or self.department or self.area
        return f"{self.staff} · {self.get_role_display()} · {anchor}"

    def clean(self):
        if not (self.area_id or self.precinct_id or self.department_id):
            raise ValidationError(_("角色必须分配到区域节点、片区或部门。"))
        if self.role == Role.PRECINCT_HEAD and not self.precinct_id:
            raise ValidationError(_("片长必须分配到片区。"))
