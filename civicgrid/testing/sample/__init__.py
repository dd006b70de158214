"""A kind of matter from outside ``cases``, installed only for the test suite (``CIVICGRID_EXTRA_APPS``).

安全检查 (a safety inspection) with its side record and one step, 评定等级, registered the way
``docs/extending.md`` says: the tests check that it shows on the case page, works through the JSON API,
appears on the timeline and in Open311, and stays inside scope, with nothing in ``cases`` edited for it.
"""
