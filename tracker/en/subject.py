"""Best-effort subject of a claim: entity, metric, period, and the normalized claim key.

The key (entity | metric | unit | period) must come out the same when two articles state
the same figure in other words, and differ for another period or entity, so every part is
normalized: lowercase, company suffixes dropped, plural nouns made singular, relative periods
("last year", "the fourth quarter") resolved against the article's date.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tracker.en.metrics import canonical_metric

MARKET_WORDS = {"share", "stock", "index", "future", "yield", "bond", "currency", "peso", "real",
                "lira", "rand", "rupee", "won", "yen", "euro", "dollar", "gold", "silver", "oil",
                "crude", "brent", "copper", "wheat", "soybean", "corn", "bitcoin", "benchmark"}  # fmt: skip
COMPANY_SUFFIX = re.compile(
    r"\s+(?:Inc|Corp|Co|Ltd|LLC|plc|PLC|AG|SA|NV|GmbH|A/S|Group|Holdings)\.?$"
)
STOP = {"the", "a", "an", "its", "their", "his", "her", "our", "of", "this", "that", "these",
        "those", "to", "from", "by", "on", "in", "at", "for", "and", "with", "about", "some",
        "total", "record", "new", "average", "roughly", "nearly", "annual", "yearly", "quarterly",
        "full-year", "monthly", "overall", "combined"}  # fmt: skip
STOP_AFTER = {"of", "in", "on", "at", "for", "to", "from", "by", "a", "an", "the", "and", "or",
              "but", "with", "last", "this", "next", "than", "per", "each", "that", "which",
              "over", "under", "through", "across", "into", "during", "since", "before",
              "after", "among", "within", "were", "was", "are", "is", "had", "have", "has",
              "will", "would", "could", "so", "as", "who", "worth", "between",
              "being", "without", "via", "can", "may", "might", "must", "should", "now"}  # fmt: skip
APPROXIMATE_WORDS = {"about", "roughly", "nearly", "around", "almost", "some", "approximately"}
SPEND_VERBS = {"spent", "spend", "spending", "invested", "invest", "investing", "paid", "pay"}
# What was spent on, when it already names the spending: "in capital expenditures", not a cost.
SPENDING_NOUNS = {"expenditure", "expenditures", "spending", "investment", "investments",
                  "capex", "cost", "costs", "outlay", "outlays", "budget", "budgets"}  # fmt: skip
# "reached a record high of $630 million": the level, not the thing measured, is before "of".
LEVEL_WORDS = {"high", "low", "peak", "total", "level", "record", "maximum", "minimum", "tally"}
# Common nouns of measured things, which open sentences capitalized ("Exports to India
# climbed 9%"): kept in a metric, where other capitalized words are names, not metrics.
METRIC_HEADS = {"revenue", "revenues", "sales", "profit", "profits", "earnings", "income",
                "exports", "imports", "output", "production", "inflation", "unemployment",
                "employment", "growth", "demand", "supply", "spending", "investment", "funding",
                "prices", "price", "shares", "stocks", "deliveries", "orders", "shipments",
                "traffic", "volumes", "volume", "costs", "losses", "loss", "debt", "deficit",
                "fares", "surplus", "wages", "rents", "turnover", "margins", "margin",
                "bookings", "subscribers", "users", "visitors", "arrivals", "consumption",
                "capacity", "emissions", "enrolment", "enrollment", "attendance"}  # fmt: skip
# After a count: words before the thing counted, and verbs that end its noun phrase.
COUNT_OPENERS = {"more", "fewer", "extra", "other", "additional"}
COUNT_VERBS = {"fell", "rose", "grew", "covers", "cover", "share", "spending", "spend", "said",
               "says", "found", "find", "lost", "made", "took", "paid", "got", "hold", "holds",
               "expect", "expects", "want", "wants", "work", "works", "live", "lives", "use",
               "uses", "face", "faces", "say", "saw", "see", "sees", "own", "owns"}  # fmt: skip
# A change named as a noun, then what changed: "a 27% jump in net profit (to Rs 1,240 crore)".
_CHANGE_NOUNS = r"(?:jump|rise|increase|fall|drop|decline|gain|growth|slump|surge|climb|dip)s?"
_CHANGED_NP = r"((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)"
CHANGE_IN = re.compile(rf"\s+{_CHANGE_NOUNS}\s+in\s+{_CHANGED_NP}\b")
CHANGE_IN_TO = re.compile(rf"\b{_CHANGE_NOUNS}\s+in\s+{_CHANGED_NP}\s+to\s+\Z")
# Words that measure whatever follows "of": "the value of exports" is not just a value.
MEASURE_WORDS = {"value", "number", "price", "prices", "share", "rate", "level", "volume",
                 "amount", "cost", "costs", "index", "proportion", "percentage", "total"}  # fmt: skip
CHANGE_VERB = re.compile(
    r"\b(?:rose|fell|climbed|dropped|increased|decreased|grew|jumped|slipped|slid|reached|"
    r"firmed|weakened|strengthened|rallied|tumbled|sank|advanced|retreated|made\s+up|"
    r"represented|risen|fallen|grown|shrunk|sunk|"
    r"totaled|totalled|was|were|is|are|stood\s+at|came\s+to|accounted\s+for|declined|gained|"
    r"plunged|surged|dipped|will\s+be|would\s+be|averaged|hit|ended|stood|amounted\s+to|"
    r"climbed|fell|slumped|soared|shrank|expanded|widened|narrowed|eased|edged|reach|"
    r"(?<!of )(?<!the )(?<!a )total|closed|finished|traded|"
    r"rise|fall|grow|climb|drop|decline|be|"
    r"revised(?:\s+(?:up|down|upward|downward|higher|lower))?(?=\s+to\b))\b"  # "revised down to 5.4%"
)
DETERMINERS = {"its", "their", "the", "a", "an", "his", "her", "our", "this", "that"}
AUXILIARIES = {"have", "has", "had", "been", "is", "was", "were", "are", "will", "would", "also",
               "now", "still", "already"}  # fmt: skip
# "Fares are set to rise": words of when, not of what.
FUTURE_WORDS = {"set", "expected", "likely", "due", "poised", "forecast", "projected", "seen",
                "going", "about"}  # fmt: skip
# A relative clause or a name in commas between the subject and its verb: "Youth
# unemployment, which covers people aged 16 to 24, dropped"; "sales of its drug, Relvana, had".
INSERTED_CLAUSE = re.compile(
    r",\s*(?:(?:which|who)\b[^,]*|[A-Z][^,]*|(?:the|a|an)\s[^,]*),\s*(?:had|has|have)?\s*$"
)
CLAUSE_START = re.compile(  # "said on Thursday it expects its fuel bill to reach": "fuel bill"
    r"[,;:—–]|\s-\s|\b(?:that|while|and|but|as|which|who|said|says|told|it|he|she|they|expects?|"
    r"expected|estimates?|estimated|forecasts?|predicts?|sees)\b"
)
PREPOSITION_TAIL = re.compile(
    r"\s+(?:in|for|during|at|on|from|since|by|over|through|across|so\s+far|this|last|next)\b.*$"
)
NP_AFTER_PREP = re.compile(r"\s+(?:on|in|for)\s+((?:[a-z][\w-]*\s*){1,3})")


LABEL_NUMBER = re.compile(r"\d+-[a-z]+")  # "30-year", "10-year": part of a name
POSSESSIVE_S = re.compile(r"['’]s\b|['’]")
LEADING_VERB = re.compile(
    r"^(?:(?:[a-z]+ed|has|had|have|is|was|were|are|its|their|a|an|the|posted|booked|"
    r"expects?|said|sees?|made|paid|spent|won|lost|set)\s+)+"
)


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("uses") and word[-5] not in "aeiou":
        return word[:-2]  # "buses", "bonuses", "viruses"; not "causes", "houses"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=4096)  # entities and metrics repeat within and across articles
def normalize(phrase: str | None) -> str:
    """Lowercase, drop determiners and punctuation, singular nouns: a stable key part."""
    if not phrase:
        return ""
    words = re.findall(r"[\w-]+", POSSESSIVE_S.sub("", phrase.lower()))
    return " ".join(_singular(w) for w in words if w not in STOP)


def entity_name(name: str | None) -> str | None:
    if not name:
        return None
    return COMPANY_SUFFIX.sub("", name).strip() or name


def metric_of(sentence: str, start: int, end: int, kind: str) -> str | None:
    """The thing measured: "net income" (of C$412 million), "homes" (4.2 million homes).

    Tried in order: the noun after a count, what a change named as a noun was in ("a 27%
    jump in net profit"), what money was spent on, the noun phrase before "of", and the
    subject of the verb before the figure ("fuel costs in 2024 came to").
    """
    if kind == "count":
        counted = _counted(sentence, end)
        if counted is not None:
            return counted or None
    changed_in = _changed_in(sentence, start, end)
    if changed_in:
        return changed_in
    before = sentence[max(0, start - 60) : start].split()
    if any(word in SPEND_VERBS for word in before[-3:]):
        spent_on = _spent_on(sentence, end)
        if spent_on:
            return spent_on
    while before and before[-1] in APPROXIMATE_WORDS:
        before.pop()
    if len(before) >= 2 and before[-1] == "of" and before[-2] not in LEVEL_WORDS:
        of_phrase = _of_phrase(before)
        if of_phrase:
            return LEADING_VERB.sub("", of_phrase) or None  # "net income of C$412 million"
    return _verb_subject(sentence, start)


def _counted(sentence: str, end: int) -> str | None:
    """ "4.2 million homes": homes; "" for a time ("310,000 twelve months earlier"); None
    when no lowercase noun follows."""
    words = re.findall(r"[A-Za-z][\w-]*|[^\w\s]", sentence[end : end + 60])
    while words and words[0].lower() in COUNT_OPENERS:
        words.pop(0)  # "1,500 more satellites"
    picked: list[str] = []
    for word in words:
        if not word[0].isalpha() or word.lower() in STOP_AFTER or word[0].isupper():
            break
        if picked and (word.lower() in COUNT_VERBS or word.endswith(("ed", "ly"))):
            break  # "four largest mines fell", "analysts surveyed", "people directly"
        picked.append(word.lower())
        if len(picked) == 3:
            break
    if picked and picked[-1] in ("earlier", "ago", "later"):
        return ""
    return " ".join(picked) if picked else None


def _changed_in(sentence: str, start: int, end: int) -> str | None:
    """ "a 27% jump in quarterly net profit (to Rs 1,240 crore)": net profit, up to the first
    preposition ("a 5% drop in traffic for the same period": traffic)."""
    changed = CHANGE_IN.match(sentence, end) or CHANGE_IN_TO.search(sentence, 0, start)
    if changed is None:
        return None
    phrase = changed.group(1).split()
    cut = next((i for i, w in enumerate(phrase) if w in STOP_AFTER), len(phrase))
    words = [w for w in phrase[:cut] if w not in STOP]
    return " ".join(words[-3:]) or None


def _spent_on(sentence: str, end: int) -> str | None:
    """ "spent €612 million on jet fuel": fuel cost; "invested ... in capital expenditures"."""
    after = NP_AFTER_PREP.match(sentence, end)
    nouns = [w for w in after.group(1).split() if w not in STOP_AFTER] if after else []
    if nouns and nouns[-1] in SPENDING_NOUNS:
        return " ".join(nouns)
    return f"{nouns[-1]} cost" if nouns else None


def _of_phrase(before: list[str]) -> str | None:
    """Up to three lowercase words before "of" ("net income of"), no preposition among them
    ("at a cost of": cost)."""
    words: list[str] = []
    for word in reversed(before[-4:-1]):
        if not re.fullmatch(r"[a-z][\w-]*", word) or word in STOP_AFTER:
            break
        words.insert(0, word)
    return " ".join(words) or None


def _verb_subject(sentence: str, start: int) -> str | None:
    """The subject of the change verb before the figure: "fuel costs in 2024 came to"."""
    verbs = list(CHANGE_VERB.finditer(sentence, max(0, start - 120), start))
    if not verbs:
        return None
    verb = verbs[-1]
    subject = INSERTED_CLAUSE.sub(" ", sentence[max(0, verb.start() - 120) : verb.start()])
    clause = PREPOSITION_TAIL.sub("", CLAUSE_START.split(subject)[-1])  # "fuel costs in 2024"
    words = [w.lower() if w.lower() in METRIC_HEADS else w for w in clause.split()]
    opening = verb.start() - 120 <= 0 and sentence[: verb.start()].strip().startswith(
        clause.strip()
    )
    if opening and words and re.fullmatch(r"[A-Z][a-z-]+", words[0]) and len(words) > 1 \
            and words[1][:1].islower():  # fmt: skip
        words[0] = words[0].lower()  # "Comparable sales rose": the sentence's first word
    words = [w for w in words if w[0].isalpha() and w[0].islower() and "'" not in w
             and "’" not in w or LABEL_NUMBER.fullmatch(w)]  # fmt: skip
    while words and words[-1] in AUXILIARIES | FUTURE_WORDS | {"to", "of", "there"}:
        words.pop()  # "Shares of [Daesan] rose", "Fares are set to rise", "lists there had grown"
    while words and words[0] in STOP_AFTER:
        words.pop(0)  # "[Only 71%] of patients were"
    if "of" in words:  # "sales of its flagship drug": sales; "the value of exports": kept whole
        head, tail = words[: words.index("of")], words[words.index("of") + 1 :]
        if head and head[-1] not in MEASURE_WORDS and set(tail) - DETERMINERS:
            words = head
        elif head and head[-1] in MEASURE_WORDS:
            # "the average retail price of a new vehicle sold locally": what is priced
            tail = [w for w in tail if w not in DETERMINERS]
            cut = next((i for i, w in enumerate(tail) if i and (w.endswith(("ed", "ly"))
                        or w in ("sold", "bought", "paid", "made"))), len(tail))  # fmt: skip
            tail = tail[:cut][:3]
            head = head[next((i + 1 for i in range(len(head) - 1, -1, -1)
                              if head[i] in DETERMINERS), 0):]  # fmt: skip
            if tail:
                return " ".join(head[-3:] + ["of"] + tail)
    for index in range(len(words) - 1, -1, -1):
        if words[index] in DETERMINERS:  # "expects its fuel bill to reach" -> "fuel bill"
            words = words[index + 1 :]
            break
    if len(words) >= 4 and (LABEL_NUMBER.fullmatch(words[-4]) or words[-3] == "of"):
        return " ".join(words[-4:])  # "30-year fixed mortgage rate", "share of transit traffic"
    return " ".join(words[-3:]) or None


def claim_key(entity: str | None, metric: str | None, unit: str, period: str | None) -> str:
    """entity|metric|unit|period, each normalized, the metric in one form for its synonyms
    ("jobless rate" and "unemployment rate" give one key)."""
    return "|".join((normalize(entity), canonical_metric(normalize(metric)), unit, period or ""))
