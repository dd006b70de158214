from django.db import models
from django.utils.translation import gettext_lazy as _


class Scale(models.TextChoices):
    """纠纷规模 (GB/T 31000-2015): how many people and how much is at stake."""

    GENERAL = "general", _("一般")
    LARGE = "large", _("较大")
    MAJOR = "major", _("重大")


class Source(models.TextChoices):
    """纠纷来源: how the dispute reached the mediators."""

    APPLIED = "applied", _("当事人申请")
    SCREENED = "screened", _("主动排查")
    REFERRED = "referred", _("移交委托")


class Referrer(models.TextChoices):
    """移交委托单位: who referred a dispute for mediation."""

    POLICE = "police", _("公安机关")
    COURT = "court", _("人民法院")
    PROCURATORATE = "procuratorate", _("人民检察院")
    GOVERNMENT = "government", _("政府部门")
    OTHER = "other", _("其他单位")


class Method(models.TextChoices):
    """调解方式: the three kinds of mediation that 三调联动 links."""

    PEOPLE = "people", _("人民调解")
    ADMINISTRATIVE = "administrative", _("行政调解")
    JUDICIAL = "judicial", _("司法调解")


class TransferKind(models.TextChoices):
    """衔接类型: a move between methods (三调联动), or a referral to or from a court (诉调对接)."""

    METHOD = "method", _("三调联动转换")
    TO_COURT = "to_court", _("诉调对接：移送法院")
    FROM_COURT = "from_court", _("诉调对接：法院委派")


class CommitteeKind(models.TextChoices):
    """调解组织类型."""

    VILLAGE = "village", _("村（居）人民调解委员会")
    TOWNSHIP = "township", _("乡镇（街道）人民调解委员会")
    INDUSTRY = "industry", _("行业性专业性调解委员会")
    STUDIO = "studio", _("个人调解工作室")
    ADMINISTRATIVE = "administrative", _("行政调解机构")


class MediatorKind(models.TextChoices):
    """调解员类型."""

    FULL_TIME = "full_time", _("专职调解员")
    PART_TIME = "part_time", _("兼职调解员")
    LAWYER = "lawyer", _("律师调解员")
    ELDER = "elder", _("“五老”志愿者")


class ElderBackground(models.TextChoices):
    """“五老”: what a volunteer mediator retired from."""

    OFFICIAL = "official", _("老干部")
    TEACHER = "teacher", _("老教师")
    SOLDIER = "soldier", _("老军人")
    MODEL_WORKER = "model_worker", _("老模范")
    PARTY_MEMBER = "party_member", _("老党员")


class Speciality(models.TextChoices):
    """调解专长."""

    FAMILY = "family", _("婚姻家庭")
    LABOUR = "labour", _("劳动")
    LAND = "land", _("土地")
    LAW = "law", _("法律")
    PROPERTY = "property", _("物业")
    MEDICAL = "medical", _("医疗")
    CONSTRUCTION = "construction", _("建筑工程")
    GENERAL = "general", _("综合")


class PartyRole(models.TextChoices):
    """当事人身份."""

    APPLICANT = "applicant", _("申请人")
    RESPONDENT = "respondent", _("被申请人")
    OTHER = "other", _("其他当事人")


class IdType(models.TextChoices):
    """证件类型; a 居民身份证 number is checked against GB 11643."""

    RESIDENT_ID = "resident_id", _("居民身份证")
    PASSPORT = "passport", _("护照")
    HK_MACAO = "hk_macao", _("港澳居民来往内地通行证")
    TAIWAN = "taiwan", _("台湾居民来往大陆通行证")
    OTHER = "other", _("其他证件")


class Sex(models.TextChoices):
    """性别 (GB/T 2261.1)."""

    MALE = "1", _("男")
    FEMALE = "2", _("女")


# GB/T 3304: the 56 ethnic groups in the standard's order (code = position).
ETHNIC_GROUPS = (
    "汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 黎族 傈僳族 "
    "佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 "
    "阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 "
    "珞巴族 基诺族"
).split()
ETHNIC_GROUP_CHOICES = [(f"{i:02d}", name) for i, name in enumerate(ETHNIC_GROUPS, start=1)]


class Outcome(models.TextChoices):
    """调解结果."""

    PENDING = "pending", _("调解中")
    AGREEMENT = "agreement", _("达成书面协议")
    ORAL = "oral", _("达成口头协议")
    FAILED = "failed", _("调解不成")
    DECLINED = "declined", _("不予受理")


class Standing(models.TextChoices):
    """调处情况: where a dispute stands in mediation, as the figures break disputes down (``Case.facet``)."""

    UNACCEPTED = "unaccepted", _("未受理")
    MEDIATING = "mediating", _("调解中")
    RESOLVED = "resolved", _("化解成功")
    FAILED = "failed", _("化解不成")
    DECLINED = "declined", _("不予受理")


MEDIATED = (Standing.MEDIATING, Standing.RESOLVED, Standing.FAILED)


class Route(models.TextChoices):
    """后续途径: where the parties are pointed when mediation is declined or fails."""

    LITIGATION = "litigation", _("诉讼")
    ARBITRATION = "arbitration", _("仲裁")
    ADMINISTRATIVE = "administrative", _("行政处理")
    PETITION = "petition", _("信访")
    OTHER_MEDIATION = "other_mediation", _("其他调解组织")


class Performance(models.TextChoices):
    """协议履行情况."""

    PENDING = "pending", _("待履行")
    FULL = "full", _("已履行")
    PARTIAL = "partial", _("部分履行")
    NOT = "not", _("未履行")


class SessionMode(models.TextChoices):
    """调解形式."""

    IN_PERSON = "in_person", _("现场调解")
    ONLINE = "online", _("线上调解")


class Confirmation(models.TextChoices):
    """司法确认."""

    NONE = "", _("未申请")
    APPLIED = "applied", _("已申请")
    CONFIRMED = "confirmed", _("已确认有效")
    REFUSED = "refused", _("不予确认")
