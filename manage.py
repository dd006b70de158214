#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # manage.py is the developer's and the demo's entry point; production serves through
    # config.wsgi, which has no such default and requires CIVICGRID_SECRET_KEY.
    os.environ.setdefault("CIVICGRID_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
