import pytest
from django.core.management import call_command

from civicgrid.cases.categories import seed_time_limits
from civicgrid.cases.choices import CaseKind, Stage
from civicgrid.cases.models import Category, TimeLimit
from civicgrid.core.choices import TimeUnit

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(capsys):
    call_command("load_categories")
    return capsys.readouterr().out


def limit_of(code, stage=Stage.HANDLE):
    found = Category.objects.get(code=code).time_limit(stage)
    return found.amount, found.unit


def test_the_four_lists_load_with_their_kinds(loaded):
    assert "taxonomy.csv：新建 650 条" in loaded
    assert list(Category.objects.filter(parent__code="40").values_list("name", flat=True)) == [
        "公用设施", "道路交通", "市容环境", "园林绿化", "房屋土地", "其他设施"]
    assert list(Category.objects.filter(parent__code="50").values_list("name", flat=True)) == [
        "市容环境", "宣传广告", "施工管理", "突发事件", "街面秩序", "其他事件"]
    assert {"婚姻家庭", "邻里纠纷", "劳资纠纷", "物业管理", "征地拆迁", "房屋宅基地", "医患纠纷", "合同履行"} <= set(
        Category.objects.filter(parent__code="60").values_list("name", flat=True))
    urban = Category.objects.filter(code__regex=r"^(40|50)\.")
    assert set(urban.values_list("kind", flat=True)) == {CaseKind.URBAN_EVENT}
    assert set(Category.objects.filter(code__startswith="60.").values_list("kind", flat=True)) == {CaseKind.DISPUTE}


def test_each_large_class_of_events_and_disputes_has_six_to_twelve_small_classes(loaded):
    for large in Category.objects.filter(parent__code__in=["50", "60"]):
        assert 6 <= large.children.count() <= 12, large


def test_the_standards_components_and_street_order_events_are_there(loaded):
    def under(code):
        return set(Category.objects.filter(parent__code=code).values_list("name", flat=True))

    assert {"上水井盖", "污水井盖", "雨水井盖", "电力井盖", "通信井盖", "消防栓", "路灯", "地灯", "景观灯", "电线杆",
            "报刊亭", "邮筒"} <= under("40.01")
    assert {"停车场", "公交站亭", "交通信号灯", "交通标志牌", "交通护栏", "隔离墩", "人行道板"} <= under("40.02")
    assert {"垃圾箱", "果皮箱", "广告牌匾", "公共厕所"} <= under("40.03")
    assert {"行道树", "绿地", "花坛", "城市雕塑"} <= under("40.04")
    assert {"乱堆物料", "占道经营", "机动车乱停放", "非机动车乱停放", "乞讨卖艺", "露天烧烤"} <= under("50.05")


def test_handling_limits_follow_12345_practice(loaded):
    assert limit_of("15.03.006") == (3, TimeUnit.WORK_DAYS)  # 工资发放: a request
    assert limit_of("05.06.004") == (13, TimeUnit.WORK_DAYS)  # 行贿受贿索贿: a complaint
    assert limit_of("60.03.001") == (15, TimeUnit.WORK_DAYS)  # 拖欠工资: a dispute
    assert limit_of("10.13.002") == (15, TimeUnit.WORK_DAYS)  # 宅基地纠纷: a dispute among requests
    assert limit_of("01.01.003") == (1, TimeUnit.WORK_DAYS)  # 安全隐患: an urgent hazard
    assert limit_of("50.01.002") == (1, TimeUnit.WORK_DAYS)  # 暴露垃圾: an urban-management event
    assert limit_of("50.04.003") == (4, TimeUnit.WORK_HOURS)  # 燃气管道破裂: an emergency


def test_every_category_registers_in_two_working_hours_and_is_verified_in_one_day(loaded):
    for code in ["01.01.001", "50.04.003", "60.01.001"]:
        assert limit_of(code, Stage.REGISTER) == (2, TimeUnit.WORK_HOURS)
        assert limit_of(code, Stage.VERIFY) == (1, TimeUnit.WORK_DAYS)


def test_a_second_load_changes_nothing_and_says_so(loaded, capsys):
    categories, limits = Category.objects.count(), TimeLimit.objects.count()
    call_command("load_categories")
    out = capsys.readouterr().out
    assert out.count("没有变化") == 5
    assert (Category.objects.count(), TimeLimit.objects.count()) == (categories, limits)


def test_seeding_leaves_limits_an_administrator_tuned(loaded):
    TimeLimit.objects.filter(category__code="50.04", stage=Stage.HANDLE).update(amount=2)
    report = seed_time_limits()
    assert report.created == 0
    assert limit_of("50.04.001") == (2, TimeUnit.WORK_HOURS)
