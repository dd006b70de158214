"""New records built by Django's quicker constructor: the same instance as ``Model(**values)`` makes.

A batch (bulk intake, the demo, imports) builds tens of thousands of records at once: cases, their events,
assignments, notices. ``Model(**values)`` looks every field of the model up among the keyword arguments, one by
one in Python, which costs a case about 50 µs, more than anything else the batch does with it. Django builds
the records it reads from the database another way, from every concrete field's value in order
(``Model(*values)``), at a third of that cost. ``new`` lays each model's fields out once, puts the given values
and the fields' defaults in that order and builds the record so; then it sets each related record given by name
through the field's descriptor, which checks it and remembers it exactly as ``Model(**values)`` has it done.

The instance is the same, value by value and in its state (a test compares them). A model with fields that are
not plain columns, receivers of ``pre_init`` (which would see the values in another form), or values that are
not fields, are built by ``Model(**values)`` itself, with its errors.
"""

from django.db.models import DEFERRED
from django.db.models.signals import pre_init


def new(model, **values):
    """An unsaved ``model`` record with ``values`` (field names or key attributes), as ``model(**values)``."""
    layout = _layout(model)
    if layout is None or not layout.takes(values) or pre_init.has_listeners(model):
        return model(**values)
    record = model(*layout.arguments(values))
    for name, _attname in layout.related:
        if name in values:
            setattr(record, name, values[name])  # checked and remembered by the descriptor, as Model(**values) does
    return record


class _Layout:
    """One model's concrete fields in order, with their names and key attributes."""

    def __init__(self, model):
        self.fields = [(field, field.name, field.attname) for field in model._meta.concrete_fields]
        self.related = [(name, attname) for _field, name, attname in self.fields if name != attname]
        self.related_names = {name for name, _attname in self.related}
        self.names = {name for _field, name, _attname in self.fields} | {a for _f, _n, a in self.fields}

    def takes(self, values: dict) -> bool:
        """Only fields, and a related field by its name or by its key attribute, not both."""
        return values.keys() <= self.names and not any(
            name in values and attname in values for name, attname in self.related)

    def arguments(self, values: dict) -> list:
        """Each field's value in order: the one given, or the field's default; a related record given by name is
        left to its descriptor (``DEFERRED`` leaves the key unset, as ``Model(**values)`` leaves it)."""
        return [DEFERRED if name in self.related_names and name in values
                else values[attname] if attname in values else field.get_default()
                for field, name, attname in self.fields]


_LAYOUTS: dict = {}


def _layout(model) -> _Layout | None:
    """The model's layout, or None for a model ``new`` leaves to Django (virtual or generated fields)."""
    if model not in _LAYOUTS:
        meta = model._meta
        plain = all(field.concrete and not field.generated for field in meta.fields) and not meta.private_fields
        _LAYOUTS[model] = _Layout(model) if plain and not meta.abstract else None
    return _LAYOUTS[model]
