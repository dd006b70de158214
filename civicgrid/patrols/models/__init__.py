from .posts import AreaReach, PostSpeed, ResponsePost

__all__ = ["AreaReach", "PostSpeed", "ResponsePost"]
