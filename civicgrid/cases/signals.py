"""Signals the loop sends for other apps (webhooks, for one) to listen to.

``events_written`` is sent inside the transaction that writes case events, with ``events``, the saved
``CaseEvent`` rows (their ``case`` loaded). What a receiver writes commits or rolls back with them, so a
receiver that records deliveries loses none and never records an event that did not happen.
"""

from django.dispatch import Signal

events_written = Signal()


def written(events) -> None:
    from .models import CaseEvent

    events = list(events)
    if events:
        events_written.send(sender=CaseEvent, events=events)
