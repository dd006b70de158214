"""Who keeps households and visits them, and how often each head is expected to visit by default."""

from civicgrid.orgs.choices import GRID_ROLES, HEAD_ROLES, Role

# Those who answer for households: the grid's staff and the five heads (五级五长). They register households
# under the units their node reaches, visit them, and may see a head of household's number in full.
KEEPERS = frozenset({*GRID_ROLES, *HEAD_ROLES})
# The roles an administrator sets a visit period for, from the widest node down (the page's order).
PERIOD_ROLES = (Role.PRECINCT_HEAD, Role.COMMUNITY_HEAD, Role.GRID_HEAD, Role.GRID_WORKER, Role.BUILDING_HEAD,
                Role.FLOOR_HEAD)
# Days between visits until an administrator says otherwise: heads close to the households visit more often.
DEFAULT_PERIODS = {Role.PRECINCT_HEAD: 90, Role.COMMUNITY_HEAD: 90, Role.GRID_HEAD: 60, Role.GRID_WORKER: 30,
                   Role.BUILDING_HEAD: 30, Role.FLOOR_HEAD: 30}
# The period of anyone else who reads the figures (a centre's staff, a leader): the building head's, the head
# who answers for households directly.
FIGURES_ROLE = Role.BUILDING_HEAD
