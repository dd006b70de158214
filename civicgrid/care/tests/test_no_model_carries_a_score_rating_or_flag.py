"""The line we do not cross (docs/design.md): the support caseload records a service, never a judgement of a
person. No model of the app has a field for a risk score, a rating, a grade, a level, a flag or a tag, and
the pages offer none."""

import re

from django.apps import apps
from django.urls import reverse

FORBIDDEN = re.compile(r"risk|score|rating|rank|grade|level|flag|tag|label|danger|threat|suspect|watch|"
                       r"风险|评分|评级|等级|标记|标签|危险|重点|管控", re.IGNORECASE)


def test_no_field_of_any_care_model_scores_rates_or_flags_anyone():
    found = {f"{model.__name__}.{field.name}": str(field.verbose_name)
             for model in apps.get_app_config("care").get_models() for field in model._meta.get_fields()
             if hasattr(field, "verbose_name") and (FORBIDDEN.search(field.name) or
                                                      FORBIDDEN.search(str(field.verbose_name)))}
    assert found == {}


def test_the_models_are_the_service_records_only():
    assert {model.__name__ for model in apps.get_app_config("care").get_models()} == {
        "ProgrammeOfficer", "Enrolment", "Visit", "Need"}


def test_the_enrolment_form_asks_for_no_judgement(client, grid_head):
    client.force_login(grid_head)
    html = client.get(reverse("care:enrol")).content.decode()
    form = html[html.index('id="enrol-form"'):]
    names = set(re.findall(r'name="([^"]+)"', form[:form.index("</form>")])) - {"csrfmiddlewaretoken"}
    assert names == {"programme", "resident_name", "resident_phone", "area", "worker", "frequency", "consent_by",
                     "consent_name", "consented_at", "consent_method"}
