"""Staff review of incidents in the admin: pages render, merge and split actions, moving
a report from its page."""
import pytest
from django.contrib.auth.models import User

from archive.models import Event, Incident

from .incident_reports import Spec, grouping, tell

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    from .incident_reports import gazetteer

    gazetteer()
    client.force_login(User.objects.create_superuser("coder", "c@example.org", "pw-tests"))
    return client


def test_incident_pages_render_with_their_reports(staff):
    event = tell(Spec("first", killed=5))
    for url in ("/admin/archive/incident/", f"/admin/archive/incident/{event.incident_id}/change/",
                "/admin/archive/incident/?grade__exact=single_source"):
        response = staff.get(url)
        assert response.status_code == 200, url
    page = staff.get(f"/admin/archive/incident/{event.incident_id}/change/").text
    assert "first" in page  # the report's article


def test_the_merge_action_joins_incidents_and_the_split_action_parts_them(staff):
    hawija = tell(Spec("hawija", killed=2))
    dibis = tell(Spec("dibis", place="iq.kirkuk.dibis", killed=3))
    staff.post("/admin/archive/incident/", {
        "action": "merge_selected", "_selected_action": [hawija.incident_id, dibis.incident_id]})
    assert grouping() == {frozenset({"hawija", "dibis"})}

    staff.post("/admin/archive/event/", {"action": "split_off", "_selected_action": [dibis.pk]})
    assert grouping() == {frozenset({"hawija"}), frozenset({"dibis"})}
    assert Incident.objects.filter(reviewed=True).count() == 2


def test_choosing_another_incident_on_a_report_page_moves_it(staff):
    first = tell(Spec("first", killed=5))
    other = tell(Spec("other", place="iq.kirkuk.dibis", killed=1))
    form = staff.get(f"/admin/archive/event/{first.pk}/change/").context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "actors"}
    data.update({"incident": other.incident_id, "participants-TOTAL_FORMS": 1,
                 "participants-INITIAL_FORMS": 1, "participants-0-id":
                 first.participants.get().pk, "participants-0-event": first.pk,
                 "participants-0-actor": first.participants.get().actor_id,
                 "participants-0-role": "initiator", "participants-0-surface": "isis",
                 "date": "2021-04-11", "place": first.place_id})
    response = staff.post(f"/admin/archive/event/{first.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    moved = Event.objects.get(pk=first.pk)
    assert (moved.incident_id, moved.link_pinned, moved.reviewed) == (
        other.incident_id, True, False)
    assert not Incident.objects.filter(pk=first.incident_id).exists()


def test_an_actor_row_deleted_on_a_report_page_leaves_its_csv_cells(staff):
    first = tell(Spec("first", killed=5, target="police"))
    assert Event.objects.get(pk=first.pk).csv_targets == "الشرطة"
    form = staff.get(f"/admin/archive/event/{first.pk}/change/").context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "actors"}
    rows = list(first.participants.order_by("id"))
    data.update({"participants-TOTAL_FORMS": 2, "participants-INITIAL_FORMS": 2,
                 "date": "2021-04-11", "place": first.place_id})
    for n, row in enumerate(rows):
        data.update({f"participants-{n}-id": row.pk, f"participants-{n}-event": first.pk,
                     f"participants-{n}-actor": row.actor_id, f"participants-{n}-role": row.role,
                     f"participants-{n}-surface": row.surface})
    data["participants-1-DELETE"] = "on"  # the target
    response = staff.post(f"/admin/archive/event/{first.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Event.objects.values_list("csv_initiators", "csv_targets").get(pk=first.pk) == (
        "داعش", "")
