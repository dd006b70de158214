"""``manage.py refresh_circles`` measures again after outlines change: a grid drawn since is measured."""

from io import StringIO

from django.core.management import call_command

from civicgrid.patrols.models import AreaReach
from civicgrid.testing import factories

from .circles_helpers import POINT_A, measured, post


def test_a_grid_drawn_after_the_last_refresh_is_measured(yulin):
    post("鼓楼警务站", "station", *POINT_A)
    measured()
    factories.outline(factories.area("610802001001002", "鸳鸯湖第2网格"), factories.square(109.70, 38.30, 0.02))
    out = StringIO()
    call_command("refresh_circles", stdout=out)
    assert "已重新测算 5 个网格和村社区" in out.getvalue()
    assert AreaReach.objects.get(code="610802001001002").circle == 5  # 2,224 m north of the station: 4.4 minutes
