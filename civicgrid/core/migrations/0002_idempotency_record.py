# IdempotencyRecord moved here from the api app (HTTP plumbing lives below the apps). The table stays
# api_idempotencyrecord, created by api's first migration: this one changes Django's state, not the database.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_working_calendar'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='IdempotencyRecord',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                                   verbose_name='ID')),
                        ('owner', models.CharField(max_length=40, verbose_name='请求方')),
                        ('key', models.CharField(max_length=255, verbose_name='幂等键')),
                        ('request_hash', models.CharField(max_length=64, verbose_name='请求摘要')),
                        ('status_code', models.PositiveSmallIntegerField(default=0, verbose_name='状态码')),
                        ('response', models.JSONField(blank=True, null=True, verbose_name='响应')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                    ],
                    options={
                        'verbose_name': '幂等记录',
                        'verbose_name_plural': '幂等记录',
                        'db_table': 'api_idempotencyrecord',
                        'constraints': [models.UniqueConstraint(fields=('owner', 'key'),
                                                                name='api_idempotency_unique_key')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
