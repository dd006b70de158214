"""我的令牌: staff make personal API tokens for their own scripts, see when each was last used, and revoke them.

A new token is shown once, on the page that made it; only its digest is kept.
"""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import keys
from .forms import TokenForm
from .models import PersonalToken


@never_cache
@login_required
def token_list(request):
    form, raw = TokenForm(request.POST or None), None
    if request.method == "POST" and form.is_valid():
        days = form.cleaned_data["days"]
        expires_at = timezone.now() + timedelta(days=days) if days else None
        _token, raw = keys.create_token(request.user, form.cleaned_data["name"], expires_at=expires_at)
        form = TokenForm()
    tokens = PersonalToken.objects.filter(staff=request.user)
    return render(request, "api/tokens.html", {"form": form, "tokens": tokens, "new_key": raw, "now": timezone.now()})


@login_required
@require_POST
def revoke_token(request, pk):
    token = get_object_or_404(PersonalToken, pk=pk, staff=request.user, revoked_at__isnull=True)
    keys.revoke(token)
    messages.success(request, _("令牌“%(name)s”已吊销，使用它的程序将无法再访问。") % {"name": token.name})
    return redirect("api:tokens")
