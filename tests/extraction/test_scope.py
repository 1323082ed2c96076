from extraction.scope import in_scope
from extraction.types import ActorRef, Count, Event, PlaceRef, Span

SPAN = Span(0, 10)
TOWN = PlaceRef(name="بلدة")
ARMY = ActorRef(name="الجيش", role="initiator")
FIVE = Count(5, 5, 5)


def test_it_keeps_an_event_with_a_place_and_a_party():
    assert in_scope(Event("armed_clash", SPAN, actors=(ARMY,), place=TOWN))


def test_it_keeps_an_event_with_a_figure_even_without_place_or_party():
    assert in_scope(Event("explosion", SPAN, killed=FIVE))
    assert in_scope(Event("explosion", SPAN, wounded=FIVE))


def test_it_drops_an_event_with_no_place_and_no_figure():
    assert not in_scope(Event("protest", SPAN, actors=(ARMY,)))


def test_it_drops_an_event_with_no_party_and_no_figure():
    assert not in_scope(Event("protest", SPAN, place=TOWN))
