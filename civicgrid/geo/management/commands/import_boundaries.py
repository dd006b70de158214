from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from civicgrid.geo.choices import CoordinateSystem
from civicgrid.geo.importers import import_boundaries

from .import_divisions import print_report, read_text


class Command(BaseCommand):
    help = "Import area outlines (counties, grids …) from a GeoJSON FeatureCollection; redrawn outlines get a new version."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--code-property", default="code", help="Feature property holding the area code.")
        parser.add_argument("--name-property", default="name", help="Feature property holding the name (new grids).")
        parser.add_argument("--coords", default=CoordinateSystem.WGS84, choices=CoordinateSystem.values)
        parser.add_argument("--only-valid", action="store_true", help="Import the valid features even if others are bad.")
        parser.add_argument("--note", default="", help="Note on the new boundary generation.")

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        report = import_boundaries(
            options["file"].name, read_text(options["file"]), code_property=options["code_property"],
            name_property=options["name_property"], system=options["coords"], only_valid=options["only_valid"],
            note=options["note"],
        )
        print_report(self, report)
