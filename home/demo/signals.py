"""The demo's extension point: `load_demo` builds the site's own pages, then sends `demo_loaded` so
that each app adds its demo content (e-services, fees, attractions). Receivers run in the order of
INSTALLED_APPS, so an app's content can build on an earlier app's."""

from django.dispatch import Signal

#: Sent with `home_page` (the Thai home page) and `stdout` (where to report, or None).
demo_loaded = Signal()

#: Sent by `load_demo --demo-admin` (development only) with `password` (the demo's published one),
#: `port` and `stdout`, so that apps add demo staff of their own (an office's administrator).
demo_staff_wanted = Signal()
