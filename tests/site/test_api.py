"""The JSON API: the same filters as the pages, paginated, 400 with errors as JSON."""


def test_the_events_api_applies_the_page_filters(archive, client):
    params = {"place": archive.kirkuk.pk, "killed_min": 3}
    data = client.get("/api/events/", params).json()
    page = client.get("/events/", params).context["page"]
    assert [e["id"] for e in data["results"]] == [e.pk for e in page.object_list]
    assert data["count"] == 2
    clash = next(e for e in data["results"] if e["id"] == archive.clash.pk)
    assert clash["initiators"][0]["name"] == "الجيش العراقي"
    assert clash["targets"][0]["name"] == "تنظيم داعش"
    assert clash["place"]["key"] == "t.zab_village"
    assert clash["killed"] == {"best": 3, "low": None, "high": None}


def test_the_api_paginates(archive, client):
    first = client.get("/api/events/", {"page_size": 3}).json()
    assert (first["count"], first["pages"], first["next"], len(first["results"])) == (4, 2, 2, 3)
    second = client.get("/api/events/", {"page_size": 3, "page": 2}).json()
    assert len(second["results"]) == 1 and second["previous"] == 1


def test_bad_filters_answer_400_with_the_errors(archive, client):
    response = client.get("/api/events/", {"killed_min": "abc", "date_from": "2020-13-45",
                                           "actor": 99999})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"killed_min", "date_from", "actor"}
    assert client.get("/api/events/", {"page": 99}).status_code == 400
    assert client.get("/api/events/", {"page_size": "x"}).status_code == 400


def test_the_articles_api_searches_with_ranking(archive, client):
    data = client.get("/api/articles/", {"q": "الموصل"}).json()
    assert [a["id"] for a in data["results"]] == [archive.mosul_article.pk]
    assert data["results"][0]["events"] == [archive.airstrike.pk]
    assert data["results"][0]["rank"] > 0
