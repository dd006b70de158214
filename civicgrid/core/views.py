from django.http import HttpResponse


def health(request):
    """Whether the process answers at all: no database, no session, for load balancers and the API bench."""
    return HttpResponse("ok", content_type="text/plain")
