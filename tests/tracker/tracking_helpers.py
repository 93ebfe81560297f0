"""Helpers for tracking tests: untracked versions written with sqlite-utils, and a tiny extractor.

The extractor reads only sentences shaped "<Source> said <Entity> <metric> in <year> was
[about ]<number>[ million]." so tests of tracking control exactly which claims and keys exist,
independent of the real tracker's rules.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import sqlite_utils

from tracker.model import Claim, Extraction, Source

_FIGURE = re.compile(
    r"(?P<source>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*) said (?P<entity>[A-Z]\w*) (?P<metric>[a-z]+) "
    r"in (?P<period>\d{4}) was (?P<about>about )?(?P<surface>\d[\d,]*(?:\.\d+)?(?: million)?)"
)


def toy_extract(text: str, *, published: str | None = None, language: str = "auto") -> Extraction:
    sources: dict[str, Source] = {}
    claims = []
    for match in _FIGURE.finditer(text):
        sentence_start = text.rfind("\n", 0, match.start()) + 1
        dot = text.rfind(". ", sentence_start, match.start())
        sentence_start = dot + 2 if dot >= 0 else sentence_start
        end_dot = text.find(".", match.end())
        sentence = text[sentence_start : end_dot + 1 if end_dot >= 0 else len(text)]
        surface = match["surface"]
        number = float(surface.split()[0].replace(",", ""))
        value = number * 1e6 if surface.endswith("million") else number
        entity, metric, period = match["entity"], match["metric"], match["period"]
        sources.setdefault(match["source"], Source(match["source"], "person", "analyst", entity))
        claims.append(
            Claim(
                start=match.start("surface"),
                end=match.end("surface"),
                surface=surface,
                sentence=sentence,
                value=value,
                unit="count",
                kind="count",
                approximate=bool(match["about"]),
                source=match["source"],
                subject=f"{entity} {metric}",
                entity=entity,
                metric=metric,
                period=period,
                key=f"{entity.lower()}|{metric}|count|{period}",
                sentence_start=sentence_start,
            )
        )
    return Extraction(text=text, language="en", sources=list(sources.values()), claims=claims)


@dataclass
class Site:
    """Writes outlets, runs, articles and untracked versions as the crawler would."""

    db: sqlite_utils.Database
    outlet: str = "wire"

    def run(self, *, backfill: bool = False, started_at: str = "2025-12-01T08:00:00+00:00") -> int:
        self.db["outlets"].insert(
            {"name": self.outlet, "first_crawled_at": started_at}, ignore=True
        )
        row = {
            "outlet": self.outlet,
            "started_at": started_at,
            "status": "ok",
            "backfill": int(backfill),
        }
        return int(self.db["runs"].insert(row).last_pk)

    def publish(
        self,
        url: str,
        text: str,
        *,
        run_id: int | None = None,
        published: str = "2025-12-01",
        fetched_at: str = "2025-12-01T08:00:00+00:00",
    ) -> int:
        """Store ``text`` as the next version of the article at ``url``; returns the version id."""
        articles = list(self.db["articles"].rows_where("url = ?", [url]))
        if articles:
            article_id = articles[0]["id"]
        else:
            article_id = (
                self.db["articles"]
                .insert(
                    {
                        "url": url,
                        "outlet": self.outlet,
                        "title": url.rsplit("/", 1)[-1],
                        "published": published,
                        "language": "en",
                        "first_seen": fetched_at,
                        "last_seen": fetched_at,
                    }
                )
                .last_pk
            )
        numbers = [
            row["number"] for row in self.db["versions"].rows_where("article_id = ?", [article_id])
        ]
        return int(
            self.db["versions"]
            .insert(
                {
                    "article_id": article_id,
                    "number": max(numbers, default=0) + 1,
                    "content_hash": hashlib.sha256(text.encode()).hexdigest(),
                    "text": text,
                    "fetched_at": fetched_at,
                    "run_id": run_id,
                }
            )
            .last_pk
        )
