"""The HTTP plumbing every machine interface and every app's router shares, below all the apps.

``principal`` (who is calling and what they may see), ``grants`` (what a client application may be granted),
``errors`` (the error body and the handlers), ``shared`` (input and schema types), ``pagination`` (cursors),
``idempotency`` (Idempotency-Key), ``ratelimit`` and ``middleware`` (limits per address and per key),
``client`` (the client's address behind trusted proxies, for every limit and the access log), ``throttle``
(counters in the shared cache for the limits of the pages people use),
``interfaces`` (each interface's own format for refusals) and ``routers`` (the registry of the JSON API's
routers, filled by each app's ``AppConfig.ready()`` and read by ``civicgrid.api.api``).

Nothing here imports an app above core: apps hand in what only they know (their routers, the refusals of
their services, their interface's format) through the registries.
"""
