"""What goes out of civicgrid in words is in the site's language (Chinese) whatever the language of whoever
clicked, and afterwards their language is the one it was: English, Chinese, or none chosen."""

import pytest
from django.utils import translation
from django.utils.translation import gettext as _

from civicgrid.notifications.texts import site_language


@pytest.mark.parametrize("reader", ["en", "zh-hans"])
def test_words_are_in_chinese_and_the_readers_language_is_kept(reader):
    with translation.override(reader):
        with site_language():
            said, inside = _("系统"), translation.get_language()
        assert translation.get_language() == reader

    assert (said, inside) == ("系统", "zh-hans")


def test_with_no_language_chosen_none_is_chosen_afterwards():
    with translation.override(None):
        with site_language():
            said = _("系统")
        assert translation.get_language() is None

    assert said == "系统"
