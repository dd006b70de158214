"""The patrols app's models, one module per part: ``patrols.py`` holds zones, lines, points, teams, shifts,
check-ins and routes (巡逻防控); ``posts.py`` the response posts and the reach of each area (快反处置圈)."""

from .patrols import CheckIn, Incident, Line, Member, Point, Route, RoutePoint, Shift, Team, Zone
from .posts import AreaReach, PostSpeed, ResponsePost

__all__ = ["AreaReach", "CheckIn", "Incident", "Line", "Member", "Point", "PostSpeed", "ResponsePost", "Route",
           "RoutePoint", "Shift", "Team", "Zone"]
