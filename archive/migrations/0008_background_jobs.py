"""Ingestion batches become background jobs: queued and cancelled states, what the job
works on (a saved upload or article ids) and how far it got (done of total)."""
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0007_places_as_written'),
    ]

    operations = [
        migrations.AddField(
            model_name='ingestionbatch',
            name='article_ids',
            field=models.JSONField(blank=True, default=list, editable=False),
        ),
        migrations.AddField(
            model_name='ingestionbatch',
            name='cancel_requested',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='ingestionbatch',
            name='done',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='ingestionbatch',
            name='event_counts',
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name='ingestionbatch',
            name='kind',
            field=models.CharField(choices=[('ingest', 'إدخال'), ('reextract', 'إعادة استخراج')], default='ingest', max_length=20),
        ),
        migrations.AddField(
            model_name='ingestionbatch',
            name='running_since',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='ingestionbatch',
            name='total',
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='ingestionbatch',
            name='upload_path',
            field=models.CharField(blank=True, editable=False, max_length=1000),
        ),
        migrations.AlterField(
            model_name='ingestionbatch',
            name='status',
            field=models.CharField(choices=[('queued', 'في الانتظار'), ('running', 'قيد التنفيذ'), ('done', 'اكتمل'), ('interrupted', 'توقف'), ('failed', 'فشل'), ('cancelled', 'أُلغي')], default='running', max_length=20),
        ),
    ]
