# IdempotencyRecord moved to the core app (core.0002); its table and rows stay where they are.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('api', '0003_webhook_delivery_keeps_only_its_links'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='IdempotencyRecord')],
            database_operations=[],
        ),
    ]
