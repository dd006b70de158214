from django.db import models
from django.utils.translation import gettext_lazy as _


class AreaLevel(models.IntegerChoices):
    """Levels of the area tree, from province down to the 五级五长 units below grids."""

    PROVINCE = 1, _("省")
    CITY = 2, _("市")
    COUNTY = 3, _("县区")
    TOWNSHIP = 4, _("乡镇街道")
    COMMUNITY = 5, _("村社区")
    GRID = 6, _("网格")
    UNIT = 7, _("楼栋/巷道")
    SUBUNIT = 8, _("楼层/院落")


class UnitKind(models.TextChoices):
    """Kinds of responsibility unit: the fourth level (below a grid) and the fifth (below those)."""

    BUILDING = "building", _("楼栋")
    LANE = "lane", _("巷道")
    STREET = "street", _("街")
    ROW = "row", _("排")
    VILLAGE_GROUP = "group", _("村民小组")
    FLOOR = "floor", _("楼层")
    COURTYARD = "courtyard", _("院落")
    SHOP = "shop", _("门店")
    LEAD_HOUSEHOLD = "household", _("中心户")


FOURTH_LEVEL_KINDS = {UnitKind.BUILDING, UnitKind.LANE, UnitKind.STREET, UnitKind.ROW, UnitKind.VILLAGE_GROUP}
FIFTH_LEVEL_KINDS = {UnitKind.FLOOR, UnitKind.COURTYARD, UnitKind.SHOP, UnitKind.LEAD_HOUSEHOLD}


class CoordinateSystem(models.TextChoices):
    """Coordinate systems accepted on input; everything is stored as WGS84."""

    WGS84 = "wgs84", _("WGS84 / CGCS2000")
    GCJ02 = "gcj02", _("GCJ-02（高德、腾讯）")
    BD09 = "bd09", _("BD-09（百度）")
