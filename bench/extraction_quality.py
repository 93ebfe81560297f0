"""Extraction quality of crawler.extract beside bare trafilatura and htmldate, same run.

- body word F1 (bag of casefolded words, CJK by character, mean over pages) on
  ../shared/corpus/fundus-pages and the article-extraction-benchmark, ours vs trafilatura's
  default mode, with the count of pages where ours is below 0.5 while trafilatura is above 0.9;
- title exact, author set exact, date same day and page language on fundus-pages, ours vs
  trafilatura's metadata (language: trafilatura gives none, so ``<html lang>`` stands in);
- body text on ../shared/corpus/article-extraction-benchmark: token-shingle precision,
  recall and F1 as that benchmark defines them (\\w+ tokens, 4-token shingles, per-page
  P and R averaged over pages, F1 of the averages);
- publication dates on ../shared/corpus/htmldate-pages (ours vs htmldate.find_date);
- titles, authors and dates on ../shared/corpus/trafilatura-pages (ours vs
  trafilatura.extract_metadata), and body with/without snippets (trafilatura's own metric).

Usage: python bench/extraction_quality.py [--limit N]   (needs ../shared; exits 0 with a
note when it is absent)
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpus"
TOKEN = re.compile(r"\w+")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
WORD = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")


def word_f1(predicted: str, truth: str) -> float:
    """Bag-of-words F1 of two texts (casefolded words; CJK one character a word)."""
    pred = Counter(WORD.findall((predicted or "").casefold()))
    gold = Counter(WORD.findall((truth or "").casefold()))
    if not pred and not gold:
        return 1.0
    overlap = sum((pred & gold).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(pred.values()), overlap / sum(gold.values())
    return 2 * p * r / (p + r)


def print_word_f1(corpus: str, mine: list[float], bare: list[float], names: list[str]) -> None:
    worse = [n for n, m, b in zip(names, mine, bare, strict=True) if m < 0.5 and b > 0.9]
    low = sum(m < 0.5 for m in mine), sum(b < 0.5 for b in bare)
    ours_mean, bare_mean = sum(mine) / len(mine), sum(bare) / len(bare)
    print(f"body word F1, {corpus} ({len(names)} pages)")
    print(f"  claimwatch         mean={ours_mean:.3f}  pages < 0.5: {low[0]}")
    print(f"  bare trafilatura   mean={bare_mean:.3f}  pages < 0.5: {low[1]}")
    print(f"  ratio {ours_mean / max(bare_mean, 1e-9):.3f} (target > 1.0); "
          f"pages < 0.5 where trafilatura > 0.9: {len(worse)} (target 0) {' '.join(worse[:5])}")  # fmt: skip


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < 4:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def body_scores(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """(predicted, truth) texts -> the benchmark's precision, recall, F1."""
    precisions, recalls = [], []
    for predicted, truth in pairs:
        pred, gold = shingles(predicted), shingles(truth)
        tp = sum((pred & gold).values())
        fp = sum(pred.values()) - tp
        fn = sum(gold.values()) - tp
        if fp == 0 and fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def read_page(relative: str) -> bytes:
    return gzip.open(CORPUS / relative).read()


def ours(html: bytes, url: str | None = None) -> Any:
    from crawler.extract import ExtractionError, extract_article

    try:
        return extract_article(html, url=url)
    except ExtractionError:
        return None


def timed(label: str, seconds: dict[str, float], func: Callable[..., Any], *args: Any) -> Any:
    started = time.perf_counter()
    value = func(*args)
    seconds[label] = seconds.get(label, 0.0) + time.perf_counter() - started
    return value


def bench_body(limit: int | None) -> None:
    import trafilatura

    folder = CORPUS / "article-extraction-benchmark"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit]
    seconds: dict[str, float] = {}
    mine, bare = [], []
    mine_f1, bare_f1 = [], []
    for page_id in ids:
        html = (folder / "html" / f"{page_id}.html.gz").read_bytes()
        html = gzip.decompress(html)
        expected = truth[page_id]["articleBody"]
        article = timed("ours", seconds, ours, html, truth[page_id]["url"])
        mine.append((article.text if article else "", expected))
        text = timed("trafilatura", seconds, trafilatura.extract, html) or ""
        bare.append((text, expected))
        mine_f1.append(word_f1(mine[-1][0], expected))
        bare_f1.append(word_f1(text, expected))
    print_word_f1("article-extraction-benchmark", mine_f1, bare_f1, ids)
    print(f"body shingles, article-extraction-benchmark ({len(ids)} pages)")
    for label, pairs in (("claimwatch", mine), ("bare trafilatura", bare)):
        s = body_scores(pairs)
        print(f"  {label:18s} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}")
    ratio = body_scores(mine)["f1"] / max(body_scores(bare)["f1"], 1e-9)
    print(f"  F1 ratio claimwatch / trafilatura = {ratio:.3f} (target >= 1.0); "
          f"time {seconds['ours']:.1f}s vs {seconds['trafilatura']:.1f}s")  # fmt: skip


def bench_dates(limit: int | None) -> None:
    from htmldate import find_date

    dates = json.loads((CORPUS / "htmldate-pages" / "dates.json").read_text(encoding="utf-8"))
    names = sorted(name for name, entry in dates.items() if entry.get("date"))[:limit]
    right = Counter()
    for name in names:
        entry = dates[name]
        html = read_page(entry["html"])
        url = (entry.get("urls") or [None])[0]
        article = ours(html, url)
        right["claimwatch"] += bool(article and (article.published or "")[:10] == entry["date"])
        try:
            found = find_date(html, url=url)
        except (ValueError, TypeError):
            found = None
        right["htmldate"] += found == entry["date"]
    print(f"publication date, htmldate-pages ({len(names)} dated pages)")
    for label in ("claimwatch", "htmldate"):
        print(f"  {label:18s} accuracy={right[label] / len(names):.3f}")
    print(
        f"  accuracy ratio claimwatch / htmldate = {right['claimwatch'] / max(right['htmldate'], 1):.3f} (target >= 1.0)"
    )


def _norm(value: Any) -> str:
    return " ".join(str(value or "").split()).casefold()


def _snippets(text: str, entry: dict[str, Any]) -> Counter:
    squashed = " ".join((text or "").split())
    counts = Counter()
    for snippet in entry.get("with") or []:
        counts["tp" if " ".join(snippet.split()) in squashed else "fn"] += 1
    for snippet in entry.get("without") or []:
        counts["fp" if " ".join(snippet.split()) in squashed else "tn"] += 1
    return counts


def bench_metadata(limit: int | None) -> None:
    import trafilatura

    meta = json.loads((CORPUS / "trafilatura-pages" / "metadata.json").read_text(encoding="utf-8"))
    names = sorted(meta)[:limit]
    right: Counter = Counter()
    totals: Counter = Counter()
    body = {"claimwatch": Counter(), "bare trafilatura": Counter()}
    for name in names:
        entry = meta[name]
        html = read_page(entry["html"])
        article = ours(html, entry.get("url"))
        document = trafilatura.bare_extraction(html, url=entry.get("url"), with_metadata=True)
        bare = document.as_dict() if document is not None else {}
        body["claimwatch"] += _snippets(article.text if article else "", entry)
        body["bare trafilatura"] += _snippets(bare.get("text") or "", entry)
        for field in ("title", "author", "date"):
            gold = entry.get(field)
            if not gold or (field == "date" and not entry.get("date_well_formed")):
                continue
            totals[field] += 1
            if article is not None:
                mine = {
                    "title": article.title,
                    "author": "; ".join(article.authors),
                    "date": (article.published or "")[:10],
                }[field]
                right[("claimwatch", field)] += _norm(mine) == _norm(gold)
            right[("bare trafilatura", field)] += _norm(bare.get(field)) == _norm(gold)
    print(f"metadata, trafilatura-pages ({len(names)} pages)")
    for label in ("claimwatch", "bare trafilatura"):
        parts = [
            f"{field}={right[(label, field)] / max(totals[field], 1):.3f}"
            for field in ("title", "author", "date")
        ]
        c = body[label]
        p = c["tp"] / max(c["tp"] + c["fp"], 1)
        r = c["tp"] / max(c["tp"] + c["fn"], 1)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {label:18s} {' '.join(parts)}  body snippets F1={f1:.3f}")


def _same_names(mine: list[str], gold: list[str]) -> bool:
    return {_norm(n) for n in mine} == {_norm(n) for n in gold}


def bench_fundus(limit: int | None) -> None:
    import trafilatura

    folder = CORPUS / "fundus-pages"
    pages = json.loads((folder / "expected.json").read_text(encoding="utf-8"))[:limit]
    right: Counter = Counter()
    mine_f1, bare_f1 = [], []
    english = Counter()
    for page in pages:
        html = read_page(f"fundus-pages/{page['html']}")
        article = ours(html, page["url"])
        document = trafilatura.bare_extraction(html, url=page["url"], with_metadata=True)
        bare = document.as_dict() if document is not None else {}
        declared = re.search(rb"<html[^>]*\slang=[\"']?([a-zA-Z]{2,3})", html[:5000], re.I)
        bare["language"] = declared.group(1).decode().lower() if declared else None
        bare["authors"] = [a for a in (bare.get("author") or "").split("; ") if a]
        mine_f1.append(word_f1(article.text if article else "", page["body"]))
        bare_f1.append(word_f1(bare.get("text") or "", page["body"]))
        en = "en" if page["language"] == "en" else "other"
        english[en] += 1
        for label, got in (("claimwatch", article and article.to_dict()), ("trafilatura", bare)):
            got = got or {}
            right[(label, "title")] += " ".join((got.get("title") or "").split()) == " ".join(
                page["title"].split()
            )
            same = _same_names(got.get("authors") or [], page["authors"])
            right[(label, "authors")] += same
            right[(label, f"authors {en}")] += same
            day = got.get("published") if label == "claimwatch" else got.get("date")
            right[(label, "date")] += (day or "")[:10] == page["published"][:10]
            right[(label, "language")] += got.get("language") == page["language"]
    names = [page["id"] for page in pages]
    print_word_f1("fundus-pages", mine_f1, bare_f1, names)
    print(f"metadata, fundus-pages ({len(pages)} pages, {english['en']} English)")
    for label in ("claimwatch", "trafilatura"):
        shares = {
            field: right[(label, field)]
            / max(english[field.split()[-1]] if " " in field else len(pages), 1)
            for field in ("title", "authors", "authors en", "authors other", "date", "language")
        }
        print(
            f"  {label:18s} "
            + " ".join(f"{k.replace(' ', '_')}={v:.3f}" for k, v in shares.items())
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="pages per corpus (default: all)")
    parser.add_argument(
        "--only", choices=["fundus", "body", "dates", "metadata"], help="one corpus only"
    )
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} not present (the team's shared corpora)")
        return
    warnings.filterwarnings("ignore")
    started = time.perf_counter()
    benches = (
        ("fundus", bench_fundus),
        ("body", bench_body),
        ("dates", bench_dates),
        ("metadata", bench_metadata),
    )
    for name, bench in benches:
        if args.only in (None, name):
            bench(args.limit)
    print(f"total {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main()
