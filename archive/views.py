from django.shortcuts import render

from archive.models import Article, Event


def home(request):
    return render(
        request,
        "archive/home.html",
        {"n_articles": Article.objects.count(), "n_events": Event.objects.count()},
    )
