from django.urls import path

from .views import staff

app_name = "cases"
urlpatterns = [
    path("", staff.queue, name="queue"),
    path("new/", staff.new_case, name="new"),
    path("bulk/", staff.bulk, name="bulk"),
    path("inbox/", staff.inbox, name="inbox"),
    path("approvals/", staff.approvals, name="approvals"),
    path("approvals/<int:pk>/decide/", staff.decide, name="decide"),
    path("<str:number>/", staff.detail, name="detail"),
    path("<str:number>/act/", staff.act, name="act"),
    path("<str:number>/files/<int:pk>/", staff.attachment, name="attachment"),
]
