"""Incidents: one record per real-world incident, its reports (events) linked to it;
`updated_at` on events and incidents and a tombstone table for API sync.

Existing events are linked afterwards by `manage.py relink` (a migration should not run
the linker). SQLite rebuilds archive_event to add columns, dropping the hand-written
newest-first index of 0003: it is put back at the end."""
import importlib

import django.db.models.deletion
from django.db import migrations, models

newest_first = importlib.import_module("archive.migrations.0003_event_newest_first_index")


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0004_reliable_ingestion'),
    ]

    operations = [
        migrations.AddField(
            model_name='event',
            name='link_date',
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='event',
            name='link_pinned',
            field=models.BooleanField(default=False, help_text='Re-linking never moves a pinned report.', verbose_name='ربط راجعه شخص'),
        ),
        migrations.AddField(
            model_name='event',
            name='updated_at',
            field=models.DateTimeField(auto_now=True, db_index=True),
        ),
        migrations.CreateModel(
            name='Deletion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('event', 'حدث'), ('incident', 'حادثة')], max_length=10)),
                ('object_id', models.PositiveBigIntegerField()),
                ('deleted_at', models.DateTimeField(auto_now_add=True)),
            ],
            options={
                'indexes': [models.Index(fields=['kind', 'deleted_at'], name='archive_del_kind_42f363_idx')],
            },
        ),
        migrations.CreateModel(
            name='Incident',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('family', models.CharField(db_index=True, max_length=20)),
                ('type', models.CharField(choices=[('airstrike', 'غارة جوية'), ('shelling', 'قصف'), ('explosion', 'تفجير'), ('armed_clash', 'اشتباك مسلح'), ('attack', 'هجوم'), ('territory', 'سيطرة على أرض'), ('arrest', 'اعتقال'), ('protest', 'احتجاج')], db_index=True, max_length=20, verbose_name='النوع')),
                ('date', models.DateField(blank=True, db_index=True, null=True, verbose_name='التاريخ')),
                ('date_precision', models.CharField(choices=[('day', 'يوم'), ('month', 'شهر'), ('year', 'سنة'), ('publication', 'تاريخ النشر'), ('unknown', 'غير معروف')], default='unknown', max_length=20)),
                ('date_low', models.DateField(blank=True, null=True)),
                ('date_high', models.DateField(blank=True, null=True)),
                ('killed_low', models.PositiveIntegerField(blank=True, null=True)),
                ('killed_best', models.PositiveIntegerField(blank=True, null=True, verbose_name='القتلى')),
                ('killed_high', models.PositiveIntegerField(blank=True, null=True)),
                ('wounded_low', models.PositiveIntegerField(blank=True, null=True)),
                ('wounded_best', models.PositiveIntegerField(blank=True, null=True, verbose_name='الجرحى')),
                ('wounded_high', models.PositiveIntegerField(blank=True, null=True)),
                ('actors', models.JSONField(blank=True, default=list)),
                ('outlets', models.JSONField(blank=True, default=list)),
                ('n_reports', models.PositiveIntegerField(default=0, verbose_name='التقارير')),
                ('n_outlets', models.PositiveIntegerField(default=0, verbose_name='المصادر')),
                ('first_reported', models.DateField(blank=True, null=True)),
                ('last_reported', models.DateField(blank=True, null=True)),
                ('grade', models.CharField(choices=[('single_source', 'مصدر واحد'), ('corroborated', 'مؤكد من أكثر من مصدر'), ('disputed', 'روايات متعارضة')], db_index=True, default='single_source', max_length=20)),
                ('disputes', models.JSONField(blank=True, default=list)),
                ('reviewed', models.BooleanField(default=False, verbose_name='تمت المراجعة')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True, db_index=True)),
                ('place', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='incidents', to='archive.place')),
            ],
            options={
                'ordering': ['-date', '-id'],
            },
        ),
        migrations.AddField(
            model_name='event',
            name='incident',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='events', to='archive.incident'),
        ),
        migrations.AddIndex(
            model_name='event',
            index=models.Index(fields=['place', 'link_date'], name='archive_eve_place_i_e8eae2_idx'),
        ),
        migrations.AddIndex(
            model_name='incident',
            index=models.Index(fields=['killed_best'], name='archive_inc_killed__b0a6db_idx'),
        ),
        migrations.AddIndex(
            model_name='incident',
            index=models.Index(fields=['place', 'date'], name='archive_inc_place_i_3ef141_idx'),
        ),
        migrations.RunPython(newest_first.forwards, migrations.RunPython.noop, elidable=False),
    ]
