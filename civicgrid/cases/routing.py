"""Which departments a case goes to: the routing rules' proposal, which the dispatcher may change.

A rule matches a case when its category is the case's category or one of its ancestors (or empty)
and the case's area code starts with its prefix (or the prefix is empty). Of the matching rules the
most specific wins (``RoutingRule.specificity``). With no rule, the nearest category up the tree
with a default lead department leads alone.
"""

from dataclasses import dataclass, field

# Dispatch's steps and forms look the serving departments up here, beside the rules that propose them.
from civicgrid.orgs.services import serving_departments as serving_departments

from .codes import ancestor_codes
from .models import Category, RoutingRule


@dataclass
class Route:
    lead: object | None
    co: list = field(default_factory=list)
    rule: RoutingRule | None = None

    @property
    def departments(self) -> list:
        return [self.lead, *self.co] if self.lead else []


class RuleBook:
    """The active rules, loaded once; bulk intake routes many cases with one book."""

    def __init__(self):
        rules = RoutingRule.objects.filter(is_active=True).select_related("category", "lead_department")
        self.rules = list(rules.prefetch_related("co_departments"))
        self._defaults: dict[str, object] = {}
        # Positions of the rules by their category's code (None: any category), so a proposal looks only at
        # the rules of the case's lineage instead of the whole book; positions keep the book's order for ties.
        self._by_category: dict[str | None, list[int]] = {}
        for position, rule in enumerate(self.rules):
            self._by_category.setdefault(rule.category.code if rule.category_id else None, []).append(position)
        self._lineages: dict[str, list[RoutingRule]] = {}
        self._co: dict[int, list] = {}

    def propose(self, category: Category, area_code: str) -> Route:
        matching = [rule for rule in self._of_lineage(category) if area_code.startswith(rule.area_prefix)]
        if matching:
            best = max(matching, key=RoutingRule.specificity)
            return Route(best.lead_department, list(self._co_departments(best)), best)
        return Route(self._default_lead(category))

    def _of_lineage(self, category: Category) -> list[RoutingRule]:
        """The rules for the category, its ancestors or any category, in the book's order; found once per
        category, as a book routes many cases of few categories."""
        if category.code not in self._lineages:
            lineage = (*ancestor_codes(category.code), category.code, None)
            positions = sorted(p for code in set(lineage) for p in self._by_category.get(code, ()))
            self._lineages[category.code] = [self.rules[p] for p in positions]
        return self._lineages[category.code]

    def _co_departments(self, rule: RoutingRule) -> list:
        """A rule naming its lead among its co-departments too proposes the lead once: 派遣 refuses it twice."""
        if rule.pk not in self._co:
            self._co[rule.pk] = [d for d in rule.co_departments.all() if d.pk != rule.lead_department_id]
        return self._co[rule.pk]

    def preload(self, categories) -> None:
        """Read the default lead of each of ``categories`` in one query, for bulk intake's many categories."""
        wanted = [c for c in categories if c.code not in self._defaults]
        codes = {code for c in wanted for code in (*ancestor_codes(c.code), c.code)}
        leads = {c.code: c.default_lead_department for c in Category.objects.filter(
            code__in=codes, default_lead_department__isnull=False).select_related("default_lead_department")}
        for category in wanted:
            nearest = max((code for code in (*ancestor_codes(category.code), category.code) if code in leads),
                          key=len, default=None)
            self._defaults[category.code] = leads[nearest] if nearest else None

    def _default_lead(self, category: Category):
        if category.code not in self._defaults:
            self._defaults[category.code] = default_lead(category)
        return self._defaults[category.code]


def default_lead(category: Category):
    """The category's default lead department, or its nearest ancestor's."""
    chain = Category.objects.filter(code__in=[*ancestor_codes(category.code), category.code],
                                    default_lead_department__isnull=False).select_related("default_lead_department")
    nearest = max(chain, key=lambda c: len(c.code), default=None)
    return nearest.default_lead_department if nearest else None


def propose(category: Category, area_code: str) -> Route:
    return RuleBook().propose(category, area_code)
