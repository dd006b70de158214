from django.conf import settings


def site(request):
    """What every page's map needs: the configured base layer, if any."""
    return {
        "tile_url": settings.CIVICGRID_TILE_URL,
        "tile_attribution": settings.CIVICGRID_TILE_ATTRIBUTION,
    }
