"""The tracker: article text -> named sources and numeric claims.

``tracker.extract(text, published=..., language=...)`` is the entry point used by
``claimwatch extract`` and by ``tracker.ingest``. The core modules are pure text
processing with no I/O; ``tracker/ingest.py`` is the only bridge to ``db/``.
"""

from tracker.extraction import extract
from tracker.model import Claim, Extraction, Source

__all__ = ["Claim", "Extraction", "Source", "extract"]
