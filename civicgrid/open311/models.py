from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicgrid.core.querysets import RestrictedQuerySet

SERVICE_CODE_MAX = 50
validate_service_code = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$", _("服务代码只能包含字母、数字、点、连字符和下划线，并以字母或数字开头。"))


class Service(models.Model):
    """Open311 服务: a category published to Open311 clients under a service code an administrator chooses.

    Only published services are listed, filed under and shown in ``GET requests``: matters of other
    categories (disputes, petitions, …) never leave civicgrid through Open311. The requests of a ``public``
    service may be read without a key, as a public map shows them (``present.public_request``): everyday
    matters such as street lights and roads, never those about people.
    """

    category = models.OneToOneField("cases.Category", verbose_name=_("事项分类"), on_delete=models.CASCADE,
                                    related_name="open311_service")
    service_code = models.CharField(_("服务代码"), max_length=SERVICE_CODE_MAX, unique=True,
                                    validators=[validate_service_code])
    published = models.BooleanField(_("发布"), default=True)
    public = models.BooleanField(
        _("公开查询"), default=False,
        help_text=_("不带 api_key 也可查询此服务的请求（如公开地图）：只显示服务、状态、所在网格或街道、时间，"
                    "以及去除电话、证件号和姓名后的描述。涉及个人的事项（纠纷、信访、家庭、社保等）请勿公开。"))
    public_description = models.BooleanField(
        _("公开描述"), default=True,
        help_text=_("公开查询时是否显示描述（已去除电话、证件号和姓名）。描述常提到他人时（如噪音、邻里）请取消。"))
    group = models.CharField(_("分组"), max_length=100, blank=True)
    keywords = models.CharField(_("关键词"), max_length=200, blank=True, help_text=_("以逗号分隔。"))
    description = models.TextField(_("说明"), blank=True)
    ordering = models.PositiveIntegerField(_("排序"), default=0)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("Open311 服务")
        verbose_name_plural = _("Open311 服务")
        ordering = ["ordering", "service_code"]

    def __str__(self):
        return f"{self.service_code} {self.category.name}"


class ServiceRequest(models.Model):
    """Open311 请求: how a case came in through Open311: the client application, the token it may ask
    about, and what the client sent that the case itself has no place for (its media link, its ids).

    The client's e-mail address is not kept: civicgrid tells residents by SMS, never by e-mail.
    """

    case = models.OneToOneField("cases.Case", verbose_name=_("案件"), on_delete=models.CASCADE,
                                related_name="open311_request")
    application = models.ForeignKey("api.ClientApplication", verbose_name=_("客户端应用"), on_delete=models.PROTECT,
                                    related_name="open311_requests")
    token = models.CharField(_("令牌"), max_length=40, unique=True)
    media_url = models.URLField(_("媒体链接"), max_length=500, blank=True)
    account_id = models.CharField(_("账号标识"), max_length=100, blank=True)
    device_id = models.CharField(_("设备标识"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    scope_field = "case__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("Open311 请求")
        verbose_name_plural = _("Open311 请求")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.case.number} · {self.application}"
