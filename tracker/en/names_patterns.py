"""Regular expressions that find English names, their appositions and their roles, and the
contexts that make a name an organization ("economists at Morgan Stanley")."""

from __future__ import annotations

import re

from tracker.en import names_lexicon as nl

_UPPER = "A-ZÀ-ÖØ-Þ"
TOKEN = rf"(?:A/S|(?:[{_UPPER}]\.){{2,}}|[{_UPPER}](?:[\w&-]|['’](?=[^\W\d_]{{2}}))*\.?)"
CONNECTOR = r"(?:of|and|for|de|del|da|do|dos|das|di|du|des|van|von|der|den|la|le|al|bin|&|y)"
# "Banco Central de la Republica Argentina": up to two connectors between capitalized words
# "Ministry of Trade, Industry and Energy": a public body named by a list of fields
LISTED_BODY = (
    r"(?:The[ ])?(?:Ministry|Department|Committee|Commission|Council|Office|Bureau|Agency|Institute|"
    rf"Federation|Association|Secretary|Minister)[ ]of[ ]{TOKEN}(?:,[ ]{TOKEN})+,?[ ]and[ ]{TOKEN}"
)
NAME = re.compile(rf"(?<![\w&])(?:{LISTED_BODY}|{TOKEN}(?:[ ](?:{CONNECTOR}[ ]){{0,2}}{TOKEN})*)")
ACRONYM_IN_BRACKETS = re.compile(r"\s*\(")  # between a name and "(ACRONYM)"
UNIT_AFTER_DIGIT = re.compile(r"\d\s?\Z")
CONTRACTION = re.compile(r"['’](?:ve|re|ll|d|m)$|n['’]t$", re.I)
POSSESSIVE = re.compile(r"['’]s?(?!\w)")
DESCRIPTOR_BEFORE = re.compile(r"([A-Za-z][a-z-]*),?[ ]\Z")  # "grid operator, Red Electrica"
APPOSITION = re.compile(
    r",\s+(?:an?\s+|the\s+)?(?P<body>[^,;\"“”()]{2,160}?)(?=,|\.\s|\.?$|;|\s+(?:who|which|that)\b)"
)
ROLE_SPLIT = re.compile(
    r"^(?P<role>.+?)\s+(?:at|of|with|for|from)\s+(?P<org>(?:the\s+)?(?:[\w-]+\s+){0,3}?[A-ZÀ-Þ].*)$"
)
ORG_NAME = re.compile(r"[A-ZÀ-Þ][\w&.'’/-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-ZÀ-Þ][\w&.'’/-]*)*")
TRAILING_PLACE = re.compile(r"\s+in\s+[A-ZÀ-Þ][\w.-]*(?:\s+[A-ZÀ-Þ][\w.-]*)*$|\s+covering\s.*$")


ORG_CONTEXT_BEFORE = re.compile(
    r"\b(?i:analysts?|economists?|strategists?|researchers?|traders?|bankers?)\s+(?:at|from|with)\s+\Z"
)
ORG_CONTEXT_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:analysts|economists|strategists)\b"
    r"|\s+(?:said|says|wrote|writes|noted)\s+in\s+an?\s+(?:[\w-]+\s+){0,2}note\b"
)


def split_role(body: str) -> tuple[str | None, str | None]:
    """ "telecoms analyst at Granby Securities" -> ("telecoms analyst", "Granby Securities")."""
    body = TRAILING_PLACE.sub("", body.strip())
    possessive = re.match(r"^(?P<org>.+?)['’]s\s+(?P<role>[a-z][\w -]*)$", body)
    if possessive:
        return possessive.group("role"), possessive.group("org")
    match = None
    for preposition in ("at", "with", "for", "of", "from"):
        for candidate in re.finditer(rf"\s+{preposition}\s+", body):
            rest = body[candidate.end() :]
            if re.match(
                r"(?:the\s+)?(?:[\w-]+\s+){0,3}?[A-ZÀ-Þ]|the\s+(?:[\w-]+\s+)?[a-z]+$", rest
            ):
                match = candidate
        if match is not None:
            break
    if match is None:
        return body, None
    org = body[match.end() :]
    for named in ORG_NAME.finditer(org):
        if not named.group().lower().endswith(nl.ATTRIBUTIVE_SUFFIXES):
            return body[: match.start()], named.group()
    return body[: match.start()], org
