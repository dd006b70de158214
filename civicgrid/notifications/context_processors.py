from django.utils.functional import SimpleLazyObject

from .services import unread_count


def notices(request):
    """The navbar's unread badge and which work lists to link; each looked up only when a page shows it."""
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {}
    return {"unread_notices": SimpleLazyObject(lambda: unread_count(user)),
            # The grants are kept on the user (``Staff.scope``), so the case pages pay for them once.
            "nav_roles": SimpleLazyObject(lambda: user.scope.roles)}
