from django.db import migrations


def backfill(apps, schema_editor):
    """Each hazard case's grade (``Case.facet``), then the figures recounted with it."""
    from civicgrid.cases import tally

    Case, Hazard = apps.get_model("cases", "Case"), apps.get_model("hazards", "Hazard")
    for hazard in Hazard.objects.exclude(grade="").iterator():
        Case.objects.filter(pk=hazard.pk).update(facet=hazard.grade)
    tally.rebuild()


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0011_tally_and_case_figures"),
        ("hazards", "0001_hazards_and_gradings"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
