from django.db import migrations, models


def count_the_new_cube(apps, schema_editor):
    """The figures recounted, so that the cube added (``month_county``) holds the cases already filed."""
    from civicgrid.cases import tally

    tally.rebuild()


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0011_tally_and_case_figures'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='tally',
            index=models.Index(fields=['cube', 'area_code', 'period'], name='cases_tally_area',
                               opclasses=['varchar_ops', 'varchar_pattern_ops', 'date_ops']),
        ),
        migrations.AddIndex(
            model_name='case',
            index=models.Index(
                condition=models.Q(('status__in', ['dispatched', 'handled', 'registered', 'reported', 'verified'])),
                fields=['due_at'], name='cases_case_red'),
        ),
        migrations.RunPython(count_the_new_cube, migrations.RunPython.noop),
    ]
