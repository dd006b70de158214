"""Realistic Chinese wording for the demo cases: names, places, titles, descriptions and staff notes.

Residents' requests (12345 诉求) reuse the real labelled messages in ``data/messages/sample.csv``
(2020 TipDM Cup, place names masked as "A市", "A3区", "西地省"; see data/README.md), with the masks
replaced by 榆林's names. Urban-management events, disputes and hazards are written here, one
problem per small class, the way grid workers and hotline clerks phrase them. Everything is drawn
from a ``random.Random`` the caller seeds, so the same seed writes the same texts.
"""

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

SAMPLE = Path(settings.BASE_DIR) / "data" / "messages" / "sample.csv"
DESCRIPTION_MAX = 600

SURNAMES = "王李张刘高马郝贺杨赵薛呼拓艾惠冯曹郭白霍雷乔任苗折康常崔贾"
GIVEN = "建国军伟强秀英桂兰玉梅志刚海燕丽娟红霞春花文斌小明宏亮永平雪梅晓东瑞芳彩云爱军金凤国庆"
ROADS = ["长城路", "人民路", "新建路", "肤施路", "榆阳路", "沙河路", "金沙路", "建业大道", "常乐路", "文化路",
         "航宇路", "明珠大道", "兴中路", "芹河路", "上郡路", "青山路", "驼峰路", "崇文路", "榆林大道", "星元路"]
SPOTS = ["与{road2}交叉口", "{n}号楼下", "农贸市场旁", "公交站台附近", "小学门口", "背街小巷内", "绿化带旁",
         "小区南门", "便民超市门前", "地下通道口"]


@dataclass(frozen=True)
class Place:
    """Where a demo case happens, in words: its county, township, community and a street spot."""

    county: str
    township: str
    community: str
    road: str
    spot: str

    @property
    def address(self) -> str:
        return f"{self.county}{self.township}{self.community}{self.road}{self.spot}"


def person(rng) -> str:
    return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))


def phone(rng) -> str:
    return rng.choice(("13", "15", "18", "17", "19")) + str(rng.randint(1, 9)) + f"{rng.randrange(10**8):08d}"


def id_number(rng, county_code: str) -> str:
    """A 榆林 resident's ID number with a correct GB 11643 check character."""
    body = f"{county_code}{rng.randint(1950, 2002)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" \
           f"{rng.randrange(1000):03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]


COMMUNITY_SUFFIXES = [("社区居民委员会", "社区"), ("居民委员会", "社区"), ("社区居委会", "社区"), ("居委会", "社区"),
                      ("村民委员会", "村"), ("村委会", "村")]


def short_community(name: str) -> str:
    """鸳鸯湖社区居委会 → 鸳鸯湖社区, 刘官寨村民委员会 → 刘官寨村: what people call it."""
    for suffix, short in COMMUNITY_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)] + ("" if name[: -len(suffix)].endswith(short) else short)
    return name


def place(rng, county: str, township: str, community: str) -> Place:
    road, road2 = rng.sample(ROADS, 2)
    spot = rng.choice(SPOTS).format(road2=road2, n=rng.randint(1, 30))
    return Place(county, township, community, road, spot)


# --- 城管事件: small class → what the grid worker saw -----------------------------------------------

URBAN = {
    "私搭乱建": "有住户在楼间空地私自搭建彩钢板房，约{m}平方米，占用公共空间",
    "暴露垃圾": "路边堆放生活垃圾多日无人清运，气味难闻，招引蚊蝇",
    "积存垃圾渣土": "堆放大量装修垃圾和渣土，约{m}立方米，影响通行",
    "道路不洁": "路面油污、泥土较多，清扫不及时",
    "水域不洁": "榆溪河沿岸水面漂浮塑料袋和杂物",
    "绿地脏乱": "绿化带内有大量白色垃圾，部分绿地被踩踏裸露",
    "废弃家具设备": "有人丢弃旧沙发、床垫等废弃家具，占用人行道",
    "焚烧垃圾树叶": "有人焚烧垃圾和树叶，浓烟较大，影响周边居民",
    "油烟污染": "沿街餐馆未安装油烟净化设施，油烟直排",
    "违规饲养畜禽": "居民在小区内圈养鸡鸭，异味和噪声扰民",
    "非法小广告": "墙面、电线杆上张贴大量办证、开锁小广告",
    "违规张贴悬挂广告": "商户在行道树上悬挂宣传条幅",
    "违规设置户外广告牌": "新设大型户外广告牌，未见审批手续，存在安全隐患",
    "店招牌匾破损": "商铺招牌破损松动，大风天气有坠落危险",
    "街头散发广告": "有人在路口拦人散发培训机构广告传单",
    "违规悬挂横幅标语": "楼体外墙悬挂过期横幅，破旧影响市容",
    "墙面涂写刻画": "墙面被人涂写联系电话和广告",
    "施工扰民": "工地夜间（22时后）仍在施工，噪声很大",
    "工地扬尘": "工地裸土未覆盖，车辆进出扬尘严重",
    "道路遗撒": "渣土车沿途遗撒泥土砂石，路面污染约{m}米",
    "施工占道": "施工单位占用人行道堆放建材，行人只能走机动车道",
    "无证掘路": "有人开挖路面铺设管线，未见占掘路许可公示",
    "施工围挡破损": "工地围挡倒塌破损，未及时修复",
    "施工废弃料堆放": "施工废料堆放在路边，未清运",
    "渣土车未密闭运输": "渣土车未加盖篷布，沿途掉落渣土",
    "路面塌陷": "路面出现塌陷坑，直径约{m}米，已设置临时警示",
    "自来水管破裂": "地下自来水管破裂，路面大量冒水",
    "燃气管道破裂": "闻到明显燃气味，疑似燃气管道破损泄漏",
    "热力管道破裂": "供热管道破裂，井口冒出大量热气",
    "下水道堵塞或冒溢": "下水道堵塞，污水外溢到路面",
    "道路积水": "降雨后路面积水深约{m}0厘米，车辆行人通行困难",
    "道路积雪结冰": "人行道积雪结冰未清理，已有行人滑倒",
    "树木倒伏": "大风将行道树刮倒，横在路中",
    "井盖缺失": "雨水井盖缺失，井口敞开，夜间极其危险",
    "无照经营游商": "流动摊贩聚集摆摊，占道叫卖",
    "店外经营": "商户将货物摆放到店外人行道上经营",
    "占道经营": "多家商户和摊贩占道经营，早晚高峰通行困难",
    "露天烧烤": "夜间露天烧烤摊油烟和噪声扰民，经营至凌晨",
    "占道废品收购": "废品收购点占用人行道堆放废品",
    "机动车乱停放": "机动车在人行道和消防通道上乱停乱放",
    "非机动车乱停放": "电动车、自行车在盲道上乱停放",
    "共享单车乱停放": "共享单车大量堆积在路口，堵塞人行道",
    "乞讨卖艺": "有人在路口乞讨卖艺，影响通行秩序",
}
URBAN_OPENINGS = ["网格员巡查发现，", "巡查中发现，", "居民反映，", "日常巡查时发现，"]
URBAN_ENDINGS = ["已拍照取证，请相关部门尽快处置。", "影响市容和通行，请尽快处理。", "周边居民意见较大，请派人处置。"]


def urban_event(rng, name: str, where: Place) -> tuple[str, str]:
    problem = URBAN.get(name, f"存在{name}问题").format(m=rng.randint(2, 9))
    title = f"{where.road}{where.spot}{name}"
    text = f"{rng.choice(URBAN_OPENINGS)}{where.address}{problem}。{rng.choice(URBAN_ENDINGS)}"
    return title, text


# --- 矛盾纠纷: large class → how the parties fell out --------------------------------------------

DISPUTES = {
    "婚姻家庭": "{a}与{b}因{issue}产生矛盾，多次争吵，双方情绪激动",
    "邻里纠纷": "{a}与楼上住户{b}因{issue}多次发生争执，协商未果",
    "劳资纠纷": "{a}等{n}名工人反映，{company}{issue}，多次讨要无果",
    "物业管理": "{community}业主{a}反映，与物业公司因{issue}发生纠纷",
    "征地拆迁": "{a}对{issue}有异议，与村委会多次协商未达成一致",
    "房屋宅基地": "{a}与邻居{b}因{issue}发生争执，双方互不相让",
    "医患纠纷": "{a}反映其家属在医院就诊后，对{issue}有异议，与院方发生纠纷",
    "合同履行": "{a}与{b}签订{issue}后，对方未按约定履行，双方发生纠纷",
    "土地山林水利": "{a}与同村{b}因{issue}发生争执",
    "损害赔偿": "{a}与{b}因{issue}的赔偿数额协商不成",
    "消费纠纷": "{a}反映在某商户消费时因{issue}问题与商家发生纠纷，商家拒不处理",
}
COMPANIES = ["某建筑公司", "某劳务公司", "某商贸公司", "某煤矿运输队", "某装修公司", "某餐饮店"]
DISPUTE_ENDINGS = ["申请人民调解。", "请求社区协调化解。", "希望有关部门介入调解，防止矛盾激化。"]


def dispute(rng, group: str, name: str, where: Place) -> tuple[str, str, str]:
    """Title, description, and the applicant's name."""
    applicant = person(rng)
    text = DISPUTES.get(group, "{a}与{b}因{issue}发生纠纷").format(
        a=applicant, b=person(rng), issue=name.removesuffix("纠纷"), n=rng.randint(3, 30),
        company=rng.choice(COMPANIES), community=where.community)
    return f"{where.community}居民{applicant}申请调解：{name}", f"{text}，{rng.choice(DISPUTE_ENDINGS)}", applicant


# --- 安全隐患 found by grid workers ---------------------------------------------------------------

HAZARDS = [
    ("电动车楼道违规充电", "楼道内有住户从家中拉线给电动车充电，存在火灾隐患"),
    ("楼道堆放杂物堵塞消防通道", "单元楼道内堆放纸箱、旧家具等杂物，堵塞消防通道"),
    ("沿街商铺疑似燃气泄漏", "沿街餐饮商铺后厨燃气软管老化开裂，有燃气味"),
    ("户外广告牌松动", "楼顶广告牌支架锈蚀松动，大风天气有坠落危险"),
    ("老旧小区电线私拉乱接", "老旧小区电线私拉乱接、线路老化裸露"),
    ("冬季燃煤取暖一氧化碳中毒隐患", "平房住户使用燃煤炉取暖，未安装烟囱和报警器"),
    ("边坡有落石风险", "居民区后侧黄土边坡出现裂缝，雨后有落石风险"),
]


def hazard(rng, where: Place) -> tuple[str, str]:
    title, text = rng.choice(HAZARDS)
    return f"{where.community}{title}", f"网格员入户走访时发现，{where.address}{text}，已提醒住户，请相关部门督促整改。"


# --- 12345 诉求: the real labelled messages ---------------------------------------------------------

MASKS = [(re.compile(r"_x000D_"), ""), (re.compile(r"西地省"), "陕西省"), (re.compile(r"[A-Z]\d+(?=[区县市])"), "{c}"),
         (re.compile(r"(?<![A-Za-z])[A-Z]市"), "榆林市")]
ENDING = re.compile(r"^(.*[。！？!?])", re.S)


@dataclass(frozen=True)
class Message:
    """One real resident's message: its level-1 class (一级标签), subject and body, masks still in."""

    top: str
    title: str
    body: str


def load_messages() -> list[Message]:
    with SAMPLE.open(encoding="utf-8-sig", newline="") as source:
        return [Message(row["一级标签"], row["留言主题"].strip(), row["留言详情"].strip())
                for row in csv.DictReader(source)]


def unmask(text: str, county: str) -> str:
    """Put 榆林's names where the competition masked them: "A3区" → the case's county, "A市" → 榆林市."""
    for pattern, replacement in MASKS:
        text = pattern.sub(replacement, text)
    return text.replace("{c}区", county).replace("{c}县", county).replace("{c}市", county)


def message_texts(message: Message, county: str) -> tuple[str, str]:
    title = unmask(message.title, county)[:100]
    body = unmask(message.body, county).strip() or title
    if len(body) > DESCRIPTION_MAX:
        cut = ENDING.match(body[:DESCRIPTION_MAX])
        body = cut.group(1) if cut else body[:DESCRIPTION_MAX]
    return title, body


def best_leaf(message: Message, leaves: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The small class whose names share most two-character words with the message; None when none does."""
    text = message.title + message.body

    def score(path):
        return sum(weight * _shared(name, text) for weight, name in zip((1, 2), path[-2:]) if name != "其他")

    best = max(leaves, key=score, default=None)
    return best if best and score(best) else None


def _shared(name: str, text: str) -> int:
    return sum(1 for i in range(len(name) - 1) if name[i:i + 2] in text)


# --- What staff write at each step -----------------------------------------------------------------

NOTES = {
    "handle": {
        "urban_event": ["已安排人员现场清理完毕，恢复整洁。", "已责令当事人整改，现场已规范。", "已联系产权单位修复到位。",
                        "已依法劝离并登记，现场秩序恢复。"],
        "dispute": ["经人民调解员组织双方调解，达成书面调解协议，当事人已签字。", "已约谈双方当事人，矛盾已化解，将持续回访。"],
        "hazard": ["已督促整改，隐患已消除，现场复查合格。", "已下达整改通知书，责任人已完成整改。"],
        "request": ["已与诉求人电话沟通，答复相关政策并协调解决。", "经核实情况属实，已协调责任单位处理完毕。",
                    "已现场核实，问题已解决，诉求人表示认可。"],
    },
    "return": ["该事项不属于本部门职责范围，建议改派属地住建部门。", "经核实，该地点不在本单位管辖区域，申请退回重新派遣。"],
    "extension": ["需协调多个单位共同处理，申请延期。", "涉及管网改造，需等待材料到位，申请延期。"],
    "suspension": ["需待来年开春气温回升后施工，申请挂账。", "涉及司法程序，需等待法院判决，申请挂账。"],
    "void": ["诉求人反映内容不完整，多次联系无法接通。", "重复来电，已并入其他工单处理。", "不属于受理范围，已告知诉求人其他渠道。"],
    "escalate": ["涉及多个部门职责交叉，街道协调困难，提请区综治中心协调。", "问题反复出现，需区级统筹，提请上级中心吹哨。"],
    "summon": ["区综治中心吹哨，请相关部门报到，共同处置。"],
    "reject": ["现场核查问题仍未解决，退回重新处置。", "核查发现整改不到位，请返工。"],
    "rework": ["处置结果不符合要求，请返工。"],
    "supervise": ["该件已超期，请加快办理并按时反馈。", "群众反映强烈，列入督办，请限期办结。"],
    "self_resolve": ["网格员现场劝导，已当场整改完毕。", "网格员现场处置，已清理完毕。"],
    "callback": ["电话回访，诉求人对处理结果表示认可。", "回访诉求人，对办理结果满意。", "回访时诉求人表示问题未彻底解决。"],
    "no_callback": ["网格员巡查上报，无诉求人，无需回访。", "诉求人未留联系电话，无法回访。"],
}


def note(rng, kind: str, case_kind: str = "") -> str:
    options = NOTES[kind]
    if isinstance(options, dict):
        options = options.get(case_kind) or options["request"]
    return rng.choice(options)
