"""Start-up check of the loop's registry: a wrong registration stops ``manage.py`` (and every server start
through it) with the sentence that says what is wrong, instead of failing at the first request."""

from django.core.checks import Error, register

from . import registry


@register()
def registrations_are_sound(app_configs=None, **kwargs) -> list[Error]:
    return [Error(problem, hint="See docs/extending.md.", id="cases.E001") for problem in registry.problems()]
