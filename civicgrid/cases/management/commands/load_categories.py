from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from civicgrid.cases.categories import load_default_categories


class Command(BaseCommand):
    help = ("Load the default case categories (message taxonomy, urban-management components and events, disputes) "
            "with their English and other names, and the default time limits.")

    def add_arguments(self, parser):
        parser.add_argument("--only-valid", action="store_true", help="Import the valid rows even if others are bad.")

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        reports = load_default_categories(only_valid=options["only_valid"])
        for name, report in reports:
            for error in report.errors:
                self.stderr.write(str(error))
            self.stdout.write(f"{name}：{report.summary()}")
        if any(report.errors and not report.written for _name, report in reports):
            raise CommandError(_("导入中止：请修正上述错误，或使用 --only-valid 只导入有效行。"))
