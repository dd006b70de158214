"""Every page of the admin opens small with a city's worth of reference data: no field that points at areas,
departments, categories or staff lists its table as a select. The department form was 5.9 MB of HTML (a picker
of 66,390 areas) and took 15–19 s on the demo city; now each such field is an autocomplete, which renders only
what is chosen. Counted, not timed: the number of <option> elements and the bytes of each page."""

import re

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from civicgrid.cases.models import Category, CategoryField, RoutingRule, TimeLimit
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.models import Area, Precinct
from civicgrid.orgs.models import Centre, Department, Staff
from civicgrid.testing import factories

TOWNSHIPS, COMMUNITIES = 20, 250  # 5,000 communities and their townships
MANY = 500  # departments, categories and staff
# Choices of fixed lists (statuses, roles, Django's permissions: four per model, some 280 with the domain apps),
# fewer than any table here.
MOST_OPTIONS = 400
MOST_BYTES = 200_000  # the biggest page, a changelist of 100 categories, is about 75 kB


@pytest.fixture
def city(world):
    """Areas, departments, categories and staff by the thousand, and one of each record the admin edits."""
    county = world.areas["county"]
    townships = Area.objects.bulk_create(Area(code=f"610802{900 - n:03d}", name=f"镇{n}", level=AreaLevel.TOWNSHIP,
                                              parent=county) for n in range(TOWNSHIPS))
    Area.objects.bulk_create((Area(code=f"{t.code}{n:03d}", name=f"村{t.code}{n}", level=AreaLevel.COMMUNITY,
                                   parent=t) for t in townships for n in range(1, COMMUNITIES + 1)), batch_size=900)
    Department.objects.bulk_create(Department(code=f"BULK{n}", name=f"部门{n}", area=county) for n in range(MANY))
    top = factories.category("90", "批量分类")
    Category.objects.bulk_create(Category(code=f"90.{n:03d}", name=f"分类{n}", parent=top) for n in range(MANY))
    Staff.objects.bulk_create(Staff(username=f"bulk{n}", password="!") for n in range(MANY))
    _one_of_each(world, top)
    return world


def _one_of_each(world, category) -> None:
    precinct = Precinct.objects.create(township=world.areas["township_a"], name="第一片区")
    precinct.communities.set([world.areas["community_a"]])
    rule = RoutingRule.objects.create(category=category, lead_department=world.department)
    rule.co_departments.set([world.station])
    Centre.objects.get_or_create(area=world.areas["township_a"], defaults={"name": "鼓楼街道综治中心"})
    TimeLimit.objects.create(category=category, stage="handle", amount=3, unit="work_days")
    CategoryField.objects.create(category=category, code="size", label="大小", field_type="text")


def admin_pages(superuser) -> list[str]:
    """The changelist of every registered model, its add page if it has one, and the change page of a record."""
    request = RequestFactory().get("/admin/")
    request.user = superuser
    pages = []
    for model, model_admin in admin.site._registry.items():
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages.append(reverse(f"{name}_changelist"))
        if model_admin.has_add_permission(request):
            pages.append(reverse(f"{name}_add"))
        record = model_admin.get_queryset(request).first()
        if record is not None:
            pages.append(reverse(f"{name}_change", args=[record.pk]))
    return pages


def test_no_admin_page_lists_a_table_of_the_city_as_options(client, city):
    superuser = Staff.objects.create_superuser("root", password=None)
    client.force_login(superuser)
    assert Area.objects.count() > TOWNSHIPS * COMMUNITIES
    too_big = {}
    for url in admin_pages(superuser):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        options = len(re.findall(r"<option\b", html))
        if options >= MOST_OPTIONS or len(response.content) >= MOST_BYTES:
            too_big[url] = (options, len(response.content))
    assert too_big == {}


def test_the_department_form_searches_areas_instead_of_listing_them(client, city):
    client.force_login(Staff.objects.create_superuser("root", password=None))
    html = client.get(reverse("admin:orgs_department_change", args=[city.department.pk])).content.decode()
    assert 'class="admin-autocomplete' in html and "村6108029" not in html
    found = client.get(reverse("admin:autocomplete"), {"app_label": "orgs", "model_name": "department",
                                                       "field_name": "served_areas", "term": "6108029000"}).json()
    assert {item["text"] for item in found["results"]} >= {"村6108029001（610802900001）"}
