"""Which roles may perform which action. The service layer checks these; views only ask."""

from civicgrid.core.choices import Action

from .choices import Role

ACTION_ROLES: dict[str, frozenset[str]] = {
    Action.VIEW: frozenset(Role.values),
    Action.MANAGE_GEOGRAPHY: frozenset({Role.ADMINISTRATOR}),
    Action.MANAGE_STAFF: frozenset({Role.ADMINISTRATOR}),
    # The access log: auditors (审计员) and administrators read the entries of records in their scope.
    Action.AUDIT: frozenset({Role.AUDITOR, Role.ADMINISTRATOR}),
}


def roles_for(action: str) -> frozenset[str]:
    try:
        return ACTION_ROLES[action]
    except KeyError:
        raise ValueError(f"Unknown action {action!r}") from None
