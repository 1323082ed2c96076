"""Staff review from the site: confirm, correct or reject a report (or an incident) with
a POST form; one rule for "edited means reviewed" shared with the admin; a rejected report
is kept but leaves its incident and every total."""
import pytest
from django.contrib.auth.models import User

from archive.models import Event, Incident
from archive.services.event_review import edited_means_reviewed


@pytest.fixture
def staff(db, client):
    user = User.objects.create_user("reviewer", password="pw", is_staff=True)
    client.force_login(user)
    return user


def test_a_reader_who_is_not_staff_cannot_review(archive, client):
    response = client.post(f"/events/{archive.bomb.pk}/review/", {"action": "confirm"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert Event.objects.get(pk=archive.bomb.pk).reviewed is False


def test_review_needs_a_csrf_token(archive, staff):
    from django.test import Client

    guarded = Client(enforce_csrf_checks=True)
    guarded.force_login(staff)
    response = guarded.post(f"/events/{archive.bomb.pk}/review/", {"action": "confirm"})
    assert response.status_code == 403


def test_staff_confirm_a_report_and_the_article_page_marks_it(archive, client, staff):
    response = client.post(f"/events/{archive.bomb.pk}/review/", {"action": "confirm"},
                           follow=True)
    assert Event.objects.get(pk=archive.bomb.pk).reviewed is True
    html = response.content.decode()
    assert 'data-review="reviewed"' in html and "أُكّد التقرير" in html


def test_staff_correct_a_report_and_its_incident_follows(archive, client, staff):
    client.post(f"/events/{archive.airstrike.pk}/review/",
                {"action": "correct", "killed_best": "4", "wounded_best": ""})
    event = Event.objects.get(pk=archive.airstrike.pk)
    assert (event.killed_best, event.killed_low, event.killed_high) == (4, 4, 4)
    assert event.wounded_best is None and event.reviewed is True
    assert Incident.objects.get(pk=event.incident_id).killed_best == 4


def test_a_bad_correction_is_refused_with_a_message_and_changes_nothing(archive, client,
                                                                      staff):
    response = client.post(f"/events/{archive.airstrike.pk}/review/",
                           {"action": "correct", "killed_best": "-3"}, follow=True)
    assert response.status_code == 200 and "عدداً صحيحاً" in response.content.decode()
    event = Event.objects.get(pk=archive.airstrike.pk)
    assert (event.killed_best, event.reviewed) == (7, False)


def test_a_rejected_report_is_kept_but_leaves_its_incident_and_the_totals(archive, client,
                                                                        staff):
    before = client.get("/incidents/").context["totals"]
    incident_id = archive.airstrike.incident_id or Event.objects.get(
        pk=archive.airstrike.pk).incident_id
    client.post(f"/events/{archive.airstrike.pk}/review/", {"action": "reject"})
    event = Event.objects.get(pk=archive.airstrike.pk)
    assert (event.rejected, event.reviewed, event.incident_id) == (True, True, None)
    assert not Incident.objects.filter(pk=incident_id).exists()  # its only report
    after = client.get("/incidents/").context["totals"]
    assert after["killed"] == before["killed"] - 7
    events = client.get("/events/").context["page"].object_list
    assert archive.airstrike.pk not in [e.pk for e in events]
    shown = client.get("/events/", {"review": "rejected"}).context["page"].object_list
    assert [e.pk for e in shown] == [archive.airstrike.pk]


def test_a_confirmed_rejected_report_joins_an_incident_again(archive, client, staff):
    client.post(f"/events/{archive.airstrike.pk}/review/", {"action": "reject"})
    client.post(f"/events/{archive.airstrike.pk}/review/", {"action": "confirm"})
    event = Event.objects.get(pk=archive.airstrike.pk)
    assert event.rejected is False and event.incident_id is not None


def test_staff_reject_a_whole_incident(archive, client, staff):
    incident = Event.objects.get(pk=archive.bomb.pk).incident
    client.post(f"/incidents/{incident.pk}/review/", {"action": "reject"})
    assert not Incident.objects.filter(pk=incident.pk).exists()
    assert Event.objects.get(pk=archive.bomb.pk).rejected is True


def test_the_needs_review_filter_lists_unreviewed_low_confidence_reports(archive, client):
    Event.objects.filter(pk=archive.clash.pk).update(confidence=0.3)
    Event.objects.filter(pk=archive.bomb.pk).update(confidence=0.3, reviewed=True)
    Event.objects.exclude(pk__in=[archive.clash.pk, archive.bomb.pk]).update(confidence=0.9)
    shown = client.get("/events/", {"review": "needs"}).context["page"].object_list
    assert [e.pk for e in shown] == [archive.clash.pk]
    html = client.get("/events/").content.decode()
    assert 'data-review="needs"' in html and "30%" in html


@pytest.mark.parametrize(("changed", "reviewed"), [
    (["killed_best"], True), (["incident"], False), (["reviewed"], False), ([], False),
    (["actors"], True),
])
def test_edited_means_reviewed_is_one_rule(changed, reviewed):
    assert edited_means_reviewed(changed_fields=changed) is reviewed


def test_the_incident_page_offers_staff_the_review_buttons_and_readers_none(archive, client):
    incident = Event.objects.get(pk=archive.bomb.pk).incident
    assert "review-form" not in client.get(f"/incidents/{incident.pk}/").content.decode()
    client.force_login(User.objects.create_user("ed", password="pw", is_staff=True))
    html = client.get(f"/incidents/{incident.pk}/").content.decode()
    assert f'action="/incidents/{incident.pk}/review/"' in html
    client.post(f"/incidents/{incident.pk}/review/", {"action": "confirm"})
    incident.refresh_from_db()
    assert incident.reviewed and Event.objects.get(pk=archive.bomb.pk).reviewed


def test_the_admin_is_branded_and_links_the_upload_page(db, client):
    client.force_login(User.objects.create_superuser("root", password="pw"))
    html = client.get("/admin/").content.decode()
    assert "مرصد" in html and "/admin/archive/ingestionbatch/upload/" in html
    assert "إدارة جانغو" not in html and "Ingestion batches" not in html
    assert "دفعات الإدخال" in html and "تقارير الأحداث" in html
    changelist = client.get("/admin/archive/event/").content.decode()
    assert "اختر تقرير حدث لتغييره" in changelist
