"""Tracking of stored versions: extract sources and claims, diff them, write claims and flags.

The only tracker module that touches ``db/``. ``track_pending`` takes every version not yet
tracked, in published order, and stores its sources (one row per normalized name +
organization across articles), its claims and its flags, each version all or nothing: a
batch of extracted versions shares one transaction, and when any of them fails the batch is
written again one version per transaction, so only the failing version stays pending:

- a later version of an article is aligned with the previous one (``tracker.tracking.diff``):
  ``revised``, ``added`` and ``removed``;
- a first version compares each claim key with the other articles' current claims: ``changed``
  when the value differs at the precision of the less precise figure, ``new`` for a key seen
  for the first time; neither in an outlet's backfill (its first crawl that stores articles).

``retrack`` re-extracts tracked versions after a tracker upgrade, replaces their claims and
writes no flags: the articles did not change.
"""

from __future__ import annotations

import functools
import logging
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

import tracker
from db import tracking
from tracker.model import Claim, Extraction, Source
from tracker.tracking import diff, flagging
from tracker.tracking.flagging import claim_from_row

log = logging.getLogger(__name__)

Extractor = Callable[..., Extraction]

_PUNCTUATION = re.compile(r"[.,'’‘\"“”()]")
_SPACES = re.compile(r"\s+")
_CLAIM_COLUMNS = (
    "start", "end", "surface", "sentence", "value", "unit", "kind", "approximate", "subject",
    "entity", "metric", "period", "key",
)  # fmt: skip


@dataclass
class TrackResult:
    """What one tracking pass did: versions tracked, claims stored, sources linked, flags written."""

    versions: int = 0
    claims: int = 0
    sources: int = 0
    flags: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: TrackResult) -> None:
        self.versions += other.versions
        self.claims += other.claims
        self.sources += other.sources
        self.flags += other.flags
        self.errors += other.errors


@functools.lru_cache(maxsize=65_536)  # the same people and organizations recur in every batch
def normalize_name(name: str | None) -> str:
    """Matching form of a source or organization name: "The  Fed." -> "fed"."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = _SPACES.sub(" ", _PUNCTUATION.sub("", text)).strip()
    return text[4:] if text.startswith("the ") else text


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _extract(version: dict[str, Any], extract: Extractor | None) -> Extraction:
    extract = extract or tracker.extract
    # The text decides the language: a page's <html lang> is often its template's, not the story's.
    return extract(
        version["text"], published=flagging.published_date(version["published"]), language="auto"
    )


def _source_rows(extraction: Extraction) -> dict[str, dict[str, Any]]:
    """name -> sources row of every source the extraction names, claims' sources included."""
    by_name: dict[str, Source] = {source.name: source for source in extraction.sources}
    for claim in extraction.claims:
        if claim.source and claim.source not in by_name:
            by_name[claim.source] = Source(name=claim.source, kind="")
    return {
        name: {
            "name": source.name,
            "norm_name": normalize_name(source.name),
            "kind": source.kind or None,  # unknown for a name only a claim gave
            "role": source.role,
            "organization": source.organization,
            "norm_organization": normalize_name(source.organization),
        }
        for name, source in by_name.items()
    }


def _store_sources(
    conn: sqlite3.Connection, version_id: int, extraction: Extraction
) -> tuple[dict[str, int], int]:
    """Store and link the extraction's sources; returns name -> source id and the links made."""
    rows = _source_rows(extraction)
    id_of = tracking.upsert_sources(conn, list(rows.values()))
    ids = {name: id_of[(row["norm_name"], row["norm_organization"])] for name, row in rows.items()}
    tracking.link_sources(
        conn, version_id, [(ids[name], row["role"]) for name, row in rows.items()]
    )
    return ids, len(set(ids.values()))


def _claim_records(claims: Sequence[Claim], source_ids: dict[str, int]) -> list[dict[str, Any]]:
    records = []
    for claim in claims:
        # Attribute reads, not Claim.to_dict(): its deep copy was a third of the tracking time.
        record = {name: getattr(claim, name) for name in _CLAIM_COLUMNS}
        record["source_id"] = source_ids.get(claim.source) if claim.source else None
        records.append(record)
    return records


def _store_claims(
    conn: sqlite3.Connection, version_id: int, claims: Sequence[Claim], source_ids: dict[str, int]
) -> list[int]:
    return tracking.insert_claims(conn, version_id, _claim_records(claims, source_ids))


def _key_flags(
    db: sqlite_utils.Database,
    version: dict[str, Any],
    new: Sequence[Claim],
    new_ids: list[int],
    run_id: int | None,
    now: str,
) -> list[dict]:
    """changed / new for a first version, by claim key against the other articles."""
    by_key: dict[str, list[int]] = {}
    for index, claim in enumerate(new):
        if claim.key:
            by_key.setdefault(claim.key, []).append(index)
    first = tracking.newest_key_versions(db, list(by_key), exclude_article_id=version["article_id"])
    newest_of: dict[str, dict[str, Any] | None] = {}
    for key, other in first.items():
        if not new[by_key[key][0]].period or not new[by_key[key][0]].entity:
            continue  # a figure without a period or entity is never "changed": too coarse a key
        if other is None or flagging.is_later(version["published"], other["published"]):
            newest_of[key] = other
            continue
        # An older article found late is history, not an update of a newer one: look further.
        newest_of[key] = next(
            (
                later
                for later in tracking.key_versions(
                    db, key, exclude_article_id=version["article_id"]
                )
                if flagging.is_later(version["published"], later["published"])
            ),
            None,
        )
    latest_of = tracking.claims_with_keys(
        db, [(other["version_id"], key) for key, other in newest_of.items() if other is not None]
    )
    flags = []
    for key, indexes in by_key.items():
        if first[key] is None:
            if not version["backfill"]:
                claim = new[indexes[0]]
                flags.append(
                    flagging.flag_record(
                        "new", version, run_id, now,
                        claim_id=new_ids[indexes[0]], new_value=claim.value, unit=claim.unit,
                        source=claim.source, new_sentence=claim.sentence, key=key,
                    )
                )  # fmt: skip
            continue
        newest = newest_of.get(key)
        if newest is None or version["backfill"]:
            continue  # a backfill (an archive at once) flags nothing about other articles
        latest = latest_of[(newest["version_id"], key)]
        change = diff.cross_article_change(
            [claim_from_row(row) for row in latest], [new[index] for index in indexes]
        )
        if change is None:
            continue
        before, after = change  # the first claim on each side
        row = latest[0]
        flags.append(
            flagging.flag_record(
                "changed", version, run_id, now,
                claim_id=new_ids[indexes[0]],
                previous_claim_id=row["id"], previous_article_id=row["article_id"],
                old_value=before.value, new_value=after.value, unit=after.unit,
                source=after.source or before.source, old_sentence=before.sentence,
                new_sentence=after.sentence, key=key,
            )
        )  # fmt: skip
    return flags


Extracted = list[tuple[dict[str, Any], Extraction]]


def _flags_and_mark(
    db: sqlite_utils.Database,
    conn: sqlite3.Connection,
    version: dict[str, Any],
    claims: Sequence[Claim],
    claim_ids: list[int],
    run_id: int | None,
) -> list[dict]:
    """Flags of a version whose claims are stored, then mark it tracked: the lookups see
    only versions tracked before it, so versions must pass through here in tracking order."""
    now = _now()
    previous = tracking.previous_version_id(db, version["article_id"], version["number"])
    if previous is not None:
        old_rows = tracking.version_claims(db, previous)
        flags = flagging.edit_flags(version, old_rows, claims, claim_ids, run_id, now)
    else:
        flags = _key_flags(db, version, claims, claim_ids, run_id, now)
    tracking.mark_tracked(conn, version["id"], now)
    return flags


def _store_version(
    db: sqlite_utils.Database,
    conn: sqlite3.Connection,
    version: dict[str, Any],
    extraction: Extraction,
    run_id: int | None,
) -> TrackResult:
    """Write one extracted version's sources, claims, flags and tracked_at (inside a transaction)."""
    version_id = version["id"]
    if tracking.is_tracked(db, version_id):  # tracked by a concurrent run meanwhile
        return TrackResult()
    source_ids, linked = _store_sources(conn, version_id, extraction)
    claim_ids = _store_claims(conn, version_id, extraction.claims, source_ids)
    flags = _flags_and_mark(db, conn, version, extraction.claims, claim_ids, run_id)
    tracking.insert_flags(conn, flags)
    return TrackResult(versions=1, claims=len(claim_ids), sources=linked, flags=len(flags))


def _store_batch(
    db: sqlite_utils.Database, conn: sqlite3.Connection, batch: Extracted, run_id: int | None
) -> TrackResult:
    """Write extracted versions inside one transaction, storing what :func:`_store_version`
    stores one by one (the same ids, rows and flags), each kind of row for all versions in a
    few statements: sources, links, claims; then flags version by version in order."""
    tracked = tracking.tracked_among(db, [version["id"] for version, _ in batch])
    batch = [(version, found) for version, found in batch if version["id"] not in tracked]
    rows_of = [_source_rows(extraction) for _, extraction in batch]
    unique_rows: dict[tuple, dict[str, Any]] = {}  # the first row of each, as one by one
    for rows in rows_of:
        for row in rows.values():
            unique_rows.setdefault(
                (row["norm_name"], row["norm_organization"], row["kind"], row["role"]), row
            )
    id_of = tracking.upsert_sources(conn, list(unique_rows.values()))
    names_to_ids = [
        {name: id_of[(row["norm_name"], row["norm_organization"])] for name, row in rows.items()}
        for rows in rows_of
    ]
    tracking.link_many(
        conn,
        [
            (version["id"], ids[name], row["role"])
            for (version, _), rows, ids in zip(batch, rows_of, names_to_ids, strict=True)
            for name, row in rows.items()
        ],
    )
    all_ids = tracking.insert_claims_of(
        conn,
        [
            (version["id"], record)
            for (version, extraction), ids in zip(batch, names_to_ids, strict=True)
            for record in _claim_records(extraction.claims, ids)
        ],
    )
    result, flags, at = TrackResult(), [], 0
    for (version, extraction), ids in zip(batch, names_to_ids, strict=True):
        claim_ids = all_ids[at : at + len(extraction.claims)]
        at += len(claim_ids)
        found = _flags_and_mark(db, conn, version, extraction.claims, claim_ids, run_id)
        flags += found
        result.add(
            TrackResult(
                versions=1, claims=len(claim_ids), sources=len(set(ids.values())), flags=len(found)
            )
        )
    tracking.insert_flags(conn, flags)
    return result


def track_version(
    db: sqlite_utils.Database,
    version_id: int,
    *,
    run_id: int | None = None,
    extract: Extractor | None = None,
) -> TrackResult:
    """Track one version in one transaction; a version already tracked is left as it is."""
    version = tracking.load_version(db, version_id)
    if version is None or version["tracked_at"] is not None:
        return TrackResult()
    extraction = _extract(version, extract)
    with tracking.transaction(db) as conn:
        return _store_version(db, conn, version, extraction, run_id)


WriteOne = Callable[[sqlite3.Connection, dict[str, Any], Extraction], TrackResult]


def _all_or_each(
    db: sqlite_utils.Database,
    batch: Extracted,
    write_one: WriteOne,
    what: str,
    write_all: Callable[[sqlite3.Connection, Extracted], TrackResult] | None = None,
) -> TrackResult:
    """Write extracted versions in one transaction (``write_all``, else ``write_one`` for
    each); when any fails, the whole transaction rolls back and each version is written again
    in its own, so every version stays atomic and only a failing one is reported."""
    if len(batch) > 1:
        try:
            with tracking.transaction(db) as conn:
                if write_all is not None:
                    return write_all(conn, batch)
                result = TrackResult()
                for version, extraction in batch:
                    result.add(write_one(conn, version, extraction))
                return result
        except Exception:  # found again below, version by version
            log.info("%s a batch of %d versions failed; each on its own now", what, len(batch))
    result = TrackResult()
    for version, extraction in batch:
        try:
            with tracking.transaction(db) as conn:
                result.add(write_one(conn, version, extraction))
        except Exception as error:  # one bad version must not stop the others
            log.exception("%s version %s failed", what, version["id"])
            result.errors.append(f"version {version['id']}: {error}")
    return result


def _write_batch(db: sqlite_utils.Database, batch: Extracted, run_id: int | None) -> TrackResult:
    """Track extracted versions, all in one transaction or, after a failure, one by one."""
    return _all_or_each(
        db,
        batch,
        lambda conn, version, extraction: _store_version(db, conn, version, extraction, run_id),
        "tracking",
        write_all=lambda conn, batch: _store_batch(db, conn, batch, run_id),
    )


# Versions extracted, then written in one transaction once they hold this many claims (or
# versions): each commit rewrites every claim index page it touched, and at a million claims
# a commit touches most pages of each index whatever its size, so fewer, larger commits
# write far less (bench/db_scale.py). The extracted batch is held in memory meanwhile.
BATCH_CLAIMS = 100_000
BATCH_VERSIONS = 10_000
_LOAD_VERSIONS = 200  # versions read from the database at a time


def track_pending(
    db: sqlite_utils.Database,
    *,
    run_id: int | None = None,
    extract: Extractor | None = None,
    batch_versions: int = BATCH_VERSIONS,
    batch_claims: int = BATCH_CLAIMS,
) -> TrackResult:
    """Track every version not yet tracked; a version that fails is reported and stays pending.

    Versions are extracted outside any transaction (so the write lock is not held while the
    tracker reads text) until ``batch_claims`` claims or ``batch_versions`` versions are
    waiting, then written together in one transaction, each version all or nothing.
    """
    tracking.prepare_writes(db)
    result = TrackResult()
    pending = tracking.pending_version_ids(db)
    batch: Extracted = []
    claims = 0
    try:
        for at in range(0, len(pending), _LOAD_VERSIONS):
            for version in tracking.load_versions(db, pending[at : at + _LOAD_VERSIONS]):
                if version["tracked_at"] is not None:
                    continue
                try:
                    extraction = _extract(version, extract)
                except Exception as error:  # one bad version must not stop the others
                    log.exception("tracking version %s failed", version["id"])
                    result.errors.append(f"version {version['id']}: {error}")
                    continue
                batch.append((version, extraction))
                claims += len(extraction.claims)
                if len(batch) >= batch_versions or claims >= batch_claims:
                    result.add(_write_batch(db, batch, run_id))
                    batch, claims = [], 0
        if batch:
            result.add(_write_batch(db, batch, run_id))
    finally:
        tracking.finish_writes(db)
    return result


def _replace_claims(
    db: sqlite_utils.Database,
    conn: sqlite3.Connection,
    version: dict[str, Any],
    extraction: Extraction,
) -> TrackResult:
    """Replace a tracked version's claims and sources by a new extraction (in a transaction).

    Flags that pointed at the old claims are moved to the re-extracted claims that state the
    same figure, so the history of what changed survives a tracker upgrade; a flag left with
    no claim at all is dropped.
    """
    version_id = version["id"]
    old_rows = tracking.version_claims(db, version_id)
    tracking.unlink_sources(conn, version_id)
    source_ids, linked = _store_sources(conn, version_id, extraction)
    claim_ids = _store_claims(conn, version_id, extraction.claims, source_ids)
    old = [claim_from_row(row) for row in old_rows]
    moves = [(old_rows[i]["id"], claim_ids[j]) for i, j in diff.align(old, extraction.claims)]
    tracking.replace_claim_links(conn, moves)
    gone = [row["id"] for row in old_rows]
    orphaned = tracking.flags_on_claims(conn, gone)  # the flags not moved above
    tracking.delete_claims(conn, gone)
    # A flag about figures the upgraded tracker no longer sees as claims was a false alarm.
    dropped = tracking.delete_flags_without_claims(conn, orphaned)
    tracking.mark_tracked(conn, version_id, _now())
    if dropped:
        log.info(
            "version %s: %d flags on figures that are no claims any more dropped",
            version_id,
            dropped,
        )
    return TrackResult(versions=1, claims=len(claim_ids), sources=linked)


def retrack_version(
    db: sqlite_utils.Database, version_id: int, *, extract: Extractor | None = None
) -> TrackResult:
    """Re-extract one tracked version and replace its claims and sources; writes no flags."""
    version = tracking.load_version(db, version_id)
    if version is None:
        return TrackResult()
    extraction = _extract(version, extract)
    with tracking.transaction(db) as conn:
        return _replace_claims(db, conn, version, extraction)


RETRACK_BATCH = 500  # versions re-extracted, then replaced in one transaction


def _retrack_batch(db: sqlite_utils.Database, batch: Extracted) -> TrackResult:
    """Replace the claims of extracted versions in one transaction or, after a failure, one
    by one, so only a failing version keeps its old claims."""
    return _all_or_each(
        db,
        batch,
        lambda conn, version, extraction: _replace_claims(db, conn, version, extraction),
        "retracking",
    )


def retrack(
    db: sqlite_utils.Database,
    *,
    since: str | None = None,
    outlet: str | None = None,
    extract: Extractor | None = None,
) -> TrackResult:
    """Re-run the tracker over tracked versions fetched since ``since`` (ISO), of ``outlet``.

    Versions are re-extracted RETRACK_BATCH at a time outside any transaction, then their
    claims replaced in one transaction, each version all or nothing; writes no flags.
    """
    result = TrackResult()
    version_ids = tracking.tracked_version_ids(db, since=since, outlet=outlet)
    tracking.prepare_writes(db)
    try:
        for at in range(0, len(version_ids), RETRACK_BATCH):
            batch: Extracted = []
            for version in tracking.load_versions(db, version_ids[at : at + RETRACK_BATCH]):
                try:
                    batch.append((version, _extract(version, extract)))
                except Exception as error:  # one bad version must not stop the others
                    log.exception("retracking version %s failed", version["id"])
                    result.errors.append(f"version {version['id']}: {error}")
            result.add(_retrack_batch(db, batch))
        if result.versions:
            with tracking.transaction(db) as conn:
                tracking.delete_orphan_sources(conn)
    finally:
        tracking.finish_writes(db)
    return result
