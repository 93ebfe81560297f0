"""The tracker: article text -> named sources and numeric claims.

``tracker.extract(text, published=..., language=...)`` is the entry point used by
``claimwatch extract`` and by ``tracker.tracking.ingest``. The core modules are pure text
processing with no I/O; ``tracker/tracking/ingest.py`` is the only bridge to ``db/``.

Layout, by stage: ``en/`` and ``zh/`` hold each language's stages (sentences -> numbers ->
names -> attribution -> claims with their keys); ``tracking/`` reads stored versions, diffs
them and raises flags; beside them sit the shared records (``model``), English number words
(``lexicon``), script detection (``language``) and the entry point (``extraction``).
"""

from tracker.extraction import extract
from tracker.model import Claim, Extraction, Source

__all__ = ["Claim", "Extraction", "Source", "extract"]
