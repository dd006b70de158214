"""What notices say, kept as a code and its parameters and put into words when read, in the reader's language.

An app registers each wording once (``register``, at import from its ``AppConfig.ready()``): a code, a text
marked for translation with ``%(name)s`` parameters, and for parameters stored as a choice's value (a
status, a kind of request) the choices whose label shows it. A notice stores the code, the parameters and,
in ``text``, the words in the site's language (Chinese), for exports and whoever reads the table itself. A
page, the admin or the API shows ``render(code, params, text)``: the words in the language of whoever reads
them, or the stored text for a notice written before codes, or under a code no app registers any more.
What goes out of civicgrid in words (SMS, webhook bodies) is put into the site's language (``site_language``).
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation


@dataclass(frozen=True)
class Words:
    """A registered text with its parameters: what a notice stores."""

    code: str
    params: dict

    def in_site_language(self) -> str:
        with site_language():
            return render(self.code, self.params)


@dataclass(frozen=True)
class Text:
    """A registered wording: ``Text(**params)`` gives the ``Words`` a notice stores."""

    code: str
    text: object  # a lazily translated string
    labels: dict = field(default_factory=dict)  # parameter → the choices whose label shows its stored value

    def __call__(self, **params) -> Words:
        return Words(self.code, params)

    def words(self, params: dict) -> str:
        shown = {name: _label(self.labels[name], value) if name in self.labels else value
                 for name, value in params.items()}
        return str(self.text) % shown


def _label(choices, value) -> str:
    return str(choices(value).label) if value in choices.values else str(value)


_REGISTRY: dict[str, Text] = {}


def register(code: str, text, **labels) -> Text:
    """Register a wording under ``code``; registering the same again (a second import) changes nothing."""
    wording = Text(code, text, labels)
    known = _REGISTRY.setdefault(code, wording)
    if known.text is not text or known.labels != labels:
        raise ImproperlyConfigured(f"Notice text {code!r} is registered twice with different words.")
    return known


def render(code: str, params: dict, stored: str = "") -> str:
    """The words of ``code`` in the active language; ``stored`` when no app registers it or the parameters no
    longer fit its text."""
    wording = _REGISTRY.get(code)
    if wording is None:
        return stored
    try:
        return wording.words(params)
    except (KeyError, TypeError, ValueError):
        return stored


@contextmanager
def site_language():
    """What goes out of civicgrid in words (stored notice texts, SMS, webhook bodies) is in the site's language,
    whoever's click sent it. Already in it (a batch's notices, a task), the language is left as it is: switching
    to it and back again would change nothing, at a cost paid per notice."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        yield
        return
    with translation.override(settings.LANGUAGE_CODE):
        yield
