"""gunicorn settings for running civicgrid in production: ``gunicorn --config config/gunicorn.py``.

Bind it to loopback behind a reverse proxy (nginx, Caddy) that serves TLS; ``--bind`` on the command
line (or ``GUNICORN_CMD_ARGS``, which gunicorn reads itself) overrides anything here. The number of
worker processes comes from ``WEB_CONCURRENCY`` (gunicorn's own convention), by default two per core (at
least two, so one restarting never leaves none); each has ``threads`` threads, so a worker whose request
waits on the database answers another meanwhile, and connections from the proxy are kept alive (sync
workers close each one after its answer). Processes rather than threads, because Python runs one thread of a
process at a time: with eight threads a worker, a thread back from the database waited for the others, perhaps
still holding its county's case-number row. bench/api.py on 2 cores, three runs each in turn (session 12):
4 × 2 filed 349, 359 and 400 requests/s, 2 × 8 filed 285, 288 and 372.
"""

import os

from civicgrid.core.env import env_int

wsgi_app = "config.wsgi:application"
bind = ["127.0.0.1:8000"]
workers = env_int("WEB_CONCURRENCY", max(2, 2 * (os.cpu_count() or 1)))
worker_class = "gthread"
threads = 2
# Keep-alive between the proxy and gunicorn saves a TCP handshake per request.
keepalive = 5
timeout = 60
graceful_timeout = 30
# Replace a worker after this many requests (with jitter, so they do not all restart at once): a leak
# in a library then costs memory for a while, not for ever.
max_requests = 10_000
max_requests_jitter = 1_000
# The proxy logs requests; gunicorn logs errors only, to stderr.
accesslog = None
errorlog = "-"
loglevel = "warning"
