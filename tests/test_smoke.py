import pytest
from django.db import connection

from archive.models import Article


@pytest.mark.django_db
def test_the_home_page_counts_articles(client):
    Article.objects.create(text="نص", content_hash="x" * 64)
    response = client.get("/")
    assert response.status_code == 200
    assert "1 مقالة" in response.content.decode()


@pytest.mark.django_db
def test_the_test_database_has_a_utf8_ctype():
    if connection.vendor != "postgresql":
        pytest.skip("ctype is a PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SELECT datctype FROM pg_database WHERE datname = current_database()")
        assert "UTF-8" in cursor.fetchone()[0].upper().replace("UTF8", "UTF-8")
