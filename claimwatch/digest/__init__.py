"""Digests: what changed in a window of time, as md, html (with charts), json, csv or atom.

``build_digest`` queries the database into a :class:`Digest`; ``render`` turns it into
one format; ``write_scheduled_digests`` is the weekly job the scheduler runs.
"""

from claimwatch.digest.data import Digest, build_digest, check_filters
from claimwatch.digest.render import FORMATS, render
from claimwatch.digest.scheduled import (
    DigestDeliveryError,
    write_digest_files,
    write_scheduled_digests,
)
from claimwatch.digest.window import Window, choose_window, iso_week, last_full_week, parse_week

__all__ = [
    "FORMATS",
    "Digest",
    "DigestDeliveryError",
    "Window",
    "build_digest",
    "check_filters",
    "iso_week",
    "choose_window",
    "last_full_week",
    "parse_week",
    "render",
    "write_digest_files",
    "write_scheduled_digests",
]
