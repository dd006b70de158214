from django.utils.functional import SimpleLazyObject

from .services import unread_count


def notices(request):
    """The navbar's unread badge and which work lists to link; each looked up only when a page shows it."""
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {}
    return {"unread_notices": SimpleLazyObject(lambda: unread_count(user)),
            "nav_roles": SimpleLazyObject(lambda: _roles(user))}


def _roles(user) -> set[str]:
    # The grants are cached on the user by the workflow, so the case pages pay for them once.
    from civicgrid.cases.workflow import role_grants

    return {grant.role for grant in role_grants(user)}
