"""The cases app's models, one module per part of the loop: the category tree, the case and its
assignments, its records (timeline, files, approvals), and the routing rules."""

from .cases import Assignment, Case, CaseCounter, CaseFollower
from .categories import Category, CategoryField, TimeLimit
from .records import Approval, Attachment, CaseEvent
from .routing import RoutingRule
from .tally import Tally

__all__ = [
    "Approval", "Assignment", "Attachment", "Case", "CaseCounter", "CaseEvent", "CaseFollower", "Category",
    "CategoryField", "RoutingRule", "Tally", "TimeLimit",
]
