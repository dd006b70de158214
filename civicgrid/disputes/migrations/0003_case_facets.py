from django.db import migrations


def backfill(apps, schema_editor):
    """Each dispute case's 调处情况 (``Case.facet``), then the figures recounted with it."""
    from civicgrid.cases import tally
    from civicgrid.disputes.services import standing

    Case, Dispute = apps.get_model("cases", "Case"), apps.get_model("disputes", "Dispute")
    for dispute in Dispute.objects.iterator():
        Case.objects.filter(pk=dispute.pk).update(facet=standing(dispute))
    tally.rebuild()


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0011_tally_and_case_figures"),
        ("disputes", "0002_zero_reports_and_talk_days"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
