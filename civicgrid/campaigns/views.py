"""Campaign pages: the list, the form (administrators and centre staff), and a campaign's progress per area.

Campaigns outside the user's scope answer 404. Creating one goes through ``services.create``, which checks who
may and what makes a campaign; a refusal is shown on the form with nothing saved.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from civicgrid.cases import registry
from civicgrid.cases.forms.staff import first_error
from civicgrid.geo.models import Area

from . import services
from .forms import CampaignForm
from .models import Campaign

TAGGED_SHOWN = 50


@login_required
def index(request):
    user = request.user
    campaigns = Campaign.objects.visible_to(user).select_related("area")
    organiser = any(services.may_organise(user, area.code) for area in user.scope.home())
    return render(request, "campaigns/index.html", {"campaigns": campaigns, "organiser": organiser})


@login_required
@require_http_methods(["GET", "POST"])
def new(request):
    """新建专项行动 at the organising area chosen (the user's top area by default), targets for its children."""
    area = _organising_area(request)
    options = {"area": area, "target_areas": list(area.children.order_by("code")) or [area]}
    form = CampaignForm(request.POST or None, **options)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.create(request.user, form.draft())
        except services.CampaignError as error:
            for name, message in error.errors.items():
                form.add_error(name if name in form.fields else None, message)
            if not error.errors:
                form.add_error(None, error.message)
        else:
            messages.success(request, _("已创建专项行动“%(name)s”。") % {"name": campaign.name})
            return redirect("campaigns:detail", pk=campaign.pk)
    if form.errors:
        messages.error(request, first_error(form) or form.non_field_errors()[0])
    return render(request, "campaigns/new.html", {"form": form, "area": area,
                                                  "areas": _organising_choices(request.user)})


def _organising_area(request) -> Area:
    user = request.user
    code = request.GET.get("area") or next((a.code for a in user.scope.home()), "")
    area = Area.objects.restrict(user).filter(code=code[:21]).first()
    if area is None or not services.may_organise(user, area.code):
        raise Http404
    return area


def _organising_choices(user) -> list[Area]:
    roots = user.scope.home()
    return [area for root in roots for area in [root, *root.children.order_by("code")]
            if services.may_organise(user, area.code)]


@login_required
def detail(request, pk):
    campaign = Campaign.objects.visible_to(request.user).filter(pk=pk).select_related("area") \
        .prefetch_related("categories").first()
    if campaign is None:
        raise Http404
    targets = services.targets_seen(campaign, request.user)
    tagged = services.tagged(campaign, targets).select_related("category", "area")[:TAGGED_SHOWN]
    context = {"campaign": campaign, "rows": services.progress(campaign, targets), "tagged": tagged,
               "kinds": [label for code, label in registry.kind_choices() if code in campaign.kinds]}
    return render(request, "campaigns/detail.html", context)
