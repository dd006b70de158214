"""Seed public holidays and make-up workdays from chinese-calendar (civicgrid.core.services)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from civicgrid.core.services import UnknownYears, seed_calendar


class Command(BaseCommand):
    help = "Seed public holidays and make-up workdays from the chinese-calendar package (default: 2024 on)."

    def add_arguments(self, parser):
        parser.add_argument(
            "years", nargs="*", type=int, help="Years to seed (default: those the package knows from 2024 on)."
        )

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        try:
            self.stdout.write(seed_calendar(options["years"]))
        except UnknownYears as exc:
            raise CommandError(str(exc)) from None
