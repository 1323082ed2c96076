from django.contrib import admin

from archive.models import Actor, Article, Event, IngestionBatch, Place

admin.site.register([Actor, Article, Event, IngestionBatch, Place])
