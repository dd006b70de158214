import pytest

from civicgrid.cases.choices import Stage
from civicgrid.cases.models import TimeLimit
from civicgrid.core.choices import TimeUnit

pytestmark = pytest.mark.django_db


def test_the_change_page_shows_its_inlines_and_the_limits_it_inherits(admin_client, tree):
    TimeLimit.objects.create(category=tree["01"], stage=Stage.HANDLE, amount=3, unit=TimeUnit.WORK_DAYS)
    TimeLimit.objects.create(category=tree["01.01.001"], stage=Stage.VERIFY, amount=1, unit=TimeUnit.WORK_DAYS)
    page = admin_client.get(f"/admin/cases/category/{tree['01.01.001'].pk}/change/").content.decode()
    assert "办理时限" in page and "附加字段" in page
    assert "处置：3 工作日（继承自 01 城乡建设）" in page
    assert "核查：1 工作日（本分类）" in page


def test_the_list_and_the_add_page_open(admin_client, tree):
    assert "燃气供应" in admin_client.get("/admin/cases/category/?q=燃气").content.decode()
    assert admin_client.get("/admin/cases/category/add/").status_code == 200
    assert admin_client.get("/admin/cases/timelimit/").status_code == 200
    assert admin_client.get("/admin/cases/categoryfield/").status_code == 200


def test_a_limit_and_a_field_are_added_on_the_category_page(admin_client, tree):
    gas = tree["01.01.001"]
    form = {
        "code": gas.code, "name": gas.name, "parent": tree["01.01"].pk, "kind": "hazard", "is_active": "on",
        "ordering": "1", "duplicate_radius_m": "200", "duplicate_days": "7", "description_max_length": "2000",
        "time_limits-TOTAL_FORMS": "1", "time_limits-INITIAL_FORMS": "0",
        "time_limits-0-stage": "handle", "time_limits-0-amount": "4", "time_limits-0-unit": "work_hours",
        "extra_fields-TOTAL_FORMS": "1", "extra_fields-INITIAL_FORMS": "0",
        "extra_fields-0-code": "scope", "extra_fields-0-label": "影响范围", "extra_fields-0-field_type": "choice",
        "extra_fields-0-choices": '["单户", "整栋楼"]', "extra_fields-0-required": "on",
    }
    response = admin_client.post(f"/admin/cases/category/{gas.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()
    assert str(gas.time_limit(Stage.HANDLE)) == "处置 4 工作时"
    assert [f.label for f in gas.all_fields()] == ["影响范围"]
