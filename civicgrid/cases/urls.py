from django.urls import path

from . import converters  # noqa: F401  (registers <case:…>)
from .views import reveal, staff

app_name = "cases"
urlpatterns = [
    path("", staff.queue, name="queue"),
    path("new/", staff.new_case, name="new"),
    path("bulk/", staff.bulk, name="bulk"),
    path("inbox/", staff.inbox, name="inbox"),
    path("mine/", staff.mine, name="mine"),
    path("approvals/", staff.approvals, name="approvals"),
    path("approvals/<int:pk>/decide/", staff.decide, name="decide"),
    path("<case:number>/", staff.detail, name="detail"),
    path("<case:number>/act/", staff.act, name="act"),
    path("<case:number>/reveal/", reveal.reveal_number, name="reveal"),
    path("<case:number>/files/<int:pk>/", staff.attachment, name="attachment"),
]
