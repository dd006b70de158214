"""django-tasks-db, the database queue of background work, under a name administrators can read.

The package names itself "Tasks Database Backend" in a plain string no catalog can translate; this
configuration gives it a translated one. Its model's English labels are translated into Chinese in
``locale/zh_Hans`` (the only strings that catalog holds), and ``core.admin`` shows its records with
translated columns.
"""

from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class TasksConfig(TasksAppConfig):
    verbose_name = _("后台任务")
