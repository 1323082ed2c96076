from django.contrib import admin
from django.urls import path

from archive import api, views, visuals_api
from archive.views import workbench
from archive.views.language import choose_language

urlpatterns = [
    path("admin/", admin.site.urls),
    path("language/<str:code>/", choose_language, name="language"),
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("search/export.csv", views.search_export, name="search_export"),
    path("events/", views.events, name="events"),
    path("events/export.csv", views.events_export, name="events_export"),
    path("incidents/", views.incidents, name="incidents"),
    path("incidents/export.csv", views.incidents_export, name="incidents_export"),
    path("incidents/<int:pk>/", views.incident, name="incident"),
    path("articles/<int:pk>/", views.article, name="article"),
    path("actors/<int:pk>/", views.actor, name="actor"),
    path("places/<int:pk>/", views.place, name="place"),
    path("events/<int:pk>/review/", workbench.review_event, name="review_event"),
    path("incidents/<int:pk>/review/", workbench.review_incident, name="review_incident"),
    path("api/suggest/", workbench.suggestions, name="api_suggest"),
    path("api/events/", api.events, name="api_events"),
    path("api/articles/", api.articles, name="api_articles"),
    path("api/incidents/", api.incidents, name="api_incidents"),
    path("api/incidents/map/", visuals_api.incidents_map, name="api_incidents_map"),
    path("api/incidents/series/", visuals_api.incidents_series, name="api_incidents_series"),
]
