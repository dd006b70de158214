"""The patrols app's models, one module per part: ``patrols.py`` holds zones, lines, points, teams, shifts,
check-ins and routes (巡逻防控)."""

from .patrols import CheckIn, Incident, Line, Member, Point, Route, RoutePoint, Shift, Team, Zone

__all__ = ["CheckIn", "Incident", "Line", "Member", "Point", "Route", "RoutePoint", "Shift", "Team", "Zone"]
