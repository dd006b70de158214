from django.conf import settings


def site(request):
    """Values every page needs: the map's base layer and the user's roles for the menu."""
    return {
        "tile_url": settings.CIVICGRID_TILE_URL,
        "tile_attribution": settings.CIVICGRID_TILE_ATTRIBUTION,
    }
