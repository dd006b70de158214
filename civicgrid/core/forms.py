"""What forms of every app share."""

from django.utils.translation import gettext as _


class DateRangeMixin:
    """A form with a from–to pair of dates (``date_range``, the start's field then the end's). An end before
    the start matches nothing: it is an error on the end's field, shown in the user's language, and neither
    date narrows the list, instead of a silently empty one."""

    date_range = ("date_from", "date_to")

    def clean(self):
        data = super().clean()
        start_field, end_field = self.date_range
        start, end = data.get(start_field), data.get(end_field)
        if start and end and end < start:
            self.add_error(end_field, reversed_range(start, end))
            data.pop(start_field, None)
        return data


def reversed_range(start, end) -> str:
    return _("结束日期 %(end)s 早于开始日期 %(start)s，请检查起止日期。") % {"start": start, "end": end}
