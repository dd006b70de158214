"""我的通知: a staff member's in-app notices, unread first; opening one marks it read and goes to its case."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import Notice
from .services import mark_read

PER_PAGE = 25


@login_required
def notice_list(request):
    unread = ExpressionWrapper(Q(read_at__isnull=True), output_field=BooleanField())
    notices = Notice.objects.filter(recipient=request.user).select_related("case") \
        .annotate(unread=unread).order_by("-unread", "-created_at", "-pk")
    page = Paginator(notices, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page})


@login_required
@require_POST
def open_notice(request, pk):
    """Marked read as it is opened (a POST, since it changes something), then on to its case."""
    notice = get_object_or_404(Notice.objects.select_related("case"), pk=pk, recipient=request.user)
    mark_read(request.user, [notice.pk])
    if notice.case_id:
        return redirect("cases:detail", number=notice.case.number)
    return redirect("notifications:list")


@login_required
@require_POST
def read_all(request):
    count = mark_read(request.user)
    messages.success(request, _("已将 %(n)d 条通知标为已读。") % {"n": count})
    return redirect("notifications:list")
