"""The site benchmark command runs end to end on a tiny database (figures are not tested)."""
import io

from django.core.management import call_command

from archive.models import Article, Event


def test_the_benchmark_fills_measures_and_cleans_up(db):
    out = io.StringIO()
    call_command("bench_site", articles=30, runs=2, stdout=out, stderr=io.StringIO())
    report = out.getvalue()
    assert "events (filtered)" in report and "rows/s" in report
    assert "30 articles, 60 events" in report
    assert not Article.objects.exists() and not Event.objects.exists()


def test_keep_leaves_the_rows_for_the_next_run(db):
    call_command("bench_site", articles=10, runs=1, keep=True, stdout=io.StringIO(),
                 stderr=io.StringIO())
    assert Article.objects.filter(external_id__startswith="bench-").count() == 10
    assert Event.objects.count() == 20
