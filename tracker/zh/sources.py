"""Who a Chinese sentence attributes its figures to.

Finds attribution cues in a sentence and the source each names:
speech verbs (X表示 / 指出 / 称 / 说 / 认为 / 透露 / 介绍 / 预计 ...), optionally after a
setting (X在报告中指出, X在接受本报记者采访时表示, X对记者说); 据X统计 / 报道 / 测算;
X(发布的)数据显示; 记者从X获悉; 援引X的话. Appositions give role and organization
(瑞银证券分析师熊伟). 他 / 她 continue the last person; 该公司 / 该局 / 该机构 and a bare
数据显示 / 报告显示 continue the last organization. An article keeps one ``Attribution``
so names, aliases (（以下简称“华岳新能源”）) and continuations carry across sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from tracker.model import Source
from tracker.zh.cues import (
    ACCORDING,
    ACCORDING_END,
    ADVERBS,
    ALIAS,
    BARE_NAME,
    CLAUSE_BOUNDARY,
    COMMON_ALIASES,
    COMMON_FULL_NAMES,
    DATA_SHOWS,
    DATA_SHOWS_CHARS,
    DATE_TIME,
    DESCRIBED_NAME,
    FAMILIAR,
    GENERIC_DATA,
    HONORIFIC,
    INDEFINITE,
    ITS,
    KIN,
    LEADING,
    LEARNED_FROM,
    MEDIUM_NAME,
    MEDIUM_REPORT,
    OWN_COMPANY,
    PAIR,
    PARENTHESES,
    PERSON_CUE,
    PERSON_DESCRIPTOR,
    PRONOUN,
    PUBLISHED,
    QUOTING,
    REPORT,
    ROLE_SPEAKS,
    SAME_ORG,
    SAME_ORG_PART,
    SIGNATURE,
    SPEECH,
    STATING_VERBS,
    TITLE_END,
    UNNAMED_OFFICIAL,
    clause_end,
    clause_words,
    is_speech,
    named_before,
    speaker_words,
    trim_publisher,
)
from tracker.zh.names import (
    clean_org,
    is_generic,
    looks_like_person,
    org_like,
    organization_of_unnamed,
    split_apposition,
)

DESCRIBED_PERSON = re.compile(
    r"^(.{0,8}?(?:教师|老师|工人|农民|村民|居民|市民|学生|司机|医生|护士|职工|员工|店主|业主|家长|"
    r"患者|律师|网友|游客|乘客|志愿者|快递员|外卖员))([\u4e00-\u9fff]{2,3})$"
)
QUOTE_INTRO = re.compile(r"[是讲说称道][“\"「]")
Resolver = Callable[[], "Source | None"]


@dataclass
class Attribution:
    """Sources of one article, in order of first mention, and what continues them."""

    sources: dict[str, Source] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    last_person: Source | None = None
    last_org: Source | None = None
    last_medium: Source | None = None
    last_any: Source | None = None

    def cues(self, text: str, start: int, end: int) -> list[tuple[int, Source]]:
        """(position, source) of every attribution in the sentence text[start:end]."""
        sentence = text[start:end]
        self._learn_aliases(sentence)
        found: list[tuple[int, Source]] = []
        covered_until = -1
        # Resolved in order of position, so 他 in a later clause continues an earlier one.
        person_spoke = False
        for position, stop, resolve in sorted(self._scan(sentence), key=lambda h: (h[0], -h[1])):
            if position < covered_until:
                continue
            args = getattr(resolve, "args", ())
            if person_spoke and args and args[0] in OWN_COMPANY:
                continue  # 李斌表示，公司预计…: the company's outlook is what he said
            covered_until = max(covered_until, stop)
            source = resolve()
            if source is not None:
                found.append((start + position, source))
                person_spoke = person_spoke or source.kind == "person"
        return found

    def _scan(self, sentence: str) -> list[tuple[int, int, Resolver]]:
        hits: list[tuple[int, int, Resolver]] = []
        # Each pattern needs a character of its own; most sentences have none of them.
        quoting = QUOTING.finditer(sentence) if "援引" in sentence else ()
        according = ACCORDING.finditer(sentence) if "据" in sentence or "照" in sentence else ()
        learned = LEARNED_FROM.finditer(sentence) if "从" in sentence or "看来" in sentence else ()
        published = PUBLISHED.finditer(sentence) if "布" in sentence else ()
        for match in quoting:
            hits.append(
                (match.start(), match.end(), partial(self._named, match.group(1), org_first=True))
            )
        for match in according:
            stop = clause_end(sentence, match.end())
            clause = TITLE_END.sub("", sentence[match.end() : stop])
            words = ACCORDING_END.sub("", clause)
            if words == clause and match.group().endswith("照"):
                continue  # 按照计划: no data, no source
            org_first = not PERSON_CUE.search(clause[len(words) :])
            words = trim_publisher(DATE_TIME.sub("", ADVERBS.sub("", words)).rstrip("的"))
            if len(words) >= 2:
                hits.append((match.start(), stop, partial(self._named, words, org_first=org_first)))
            else:
                hits.append((match.start(), stop, _nobody))
        for match in learned:
            # 记者从X获悉 names an organization; 在X看来 more often a person.
            words, org_first = (match.group(1), True) if match.group(1) else (match.group(2), False)
            if words.endswith(("中", "里", "上")):
                continue  # 从一份举报信中了解到: a document, not who published it
            resolve = partial(self._named, words, org_first=org_first)
            hits.append((match.start(), match.end(), resolve))
        shows = DATA_SHOWS.finditer(sentence) if DATA_SHOWS_CHARS.search(sentence) else ()
        for match in shows:
            words = trim_publisher(speaker_words(sentence, match.start()))
            if GENERIC_DATA.match(words) or SAME_ORG.match(words):
                hits.append((match.start(), match.end(), self._latest_org))
            else:
                hits.append(
                    (match.start(), match.end(), partial(self._named, words, org_first=True))
                )
        for match in published:
            words = trim_publisher(speaker_words(sentence, match.start()))
            named = bool(words) and BARE_NAME.fullmatch(words) is not None and not is_generic(words)
            if words and org_like(words) or words in self.aliases or named:
                hits.append(
                    (match.start(), match.end(), partial(self._named, words, org_first=True))
                )
        reports = MEDIUM_REPORT.finditer(sentence) if "发表" in sentence or "刊" in sentence else ()
        for match in reports:
            words = speaker_words(sentence, match.start())
            if "》" in words or MEDIUM_NAME.search(words):
                hits.append((match.start(), match.end(), partial(self._medium, words)))
        for match in SPEECH.finditer(sentence):
            if is_speech(sentence, match):
                words = trim_publisher(speaker_words(sentence, match.start()))
                if not words:
                    words = named_before(sentence, match.start())
                hits.append(
                    (match.start(), match.end(), partial(self._speaker, words, match.group()))
                )
        return hits

    def signed(self, line: str) -> Source | None:
        """The person a heading line "（机构）新闻发言人 姓名" names, registered; else None."""
        if len(line) > SIGNATURE or CLAUSE_BOUNDARY.search(line):
            return None
        apposition = split_apposition(line.replace(" ", "").replace("\u3000", ""))
        if apposition is None or not ROLE_SPEAKS.search(apposition[1] or ""):
            return None
        name, role, organization = apposition
        return self._add(Source(name, "person", role, self._organization(organization)))

    def _latest_org(self) -> Source | None:
        return self.last_org

    def _medium(self, words: str) -> Source | None:
        source = self._named(words, org_first=True)
        if source is not None and source.kind == "organization":
            self.last_medium = source
        return source

    def _learn_aliases(self, sentence: str) -> None:
        for match in COMMON_FULL_NAMES.finditer(sentence):  # 央行 after 中国人民银行
            for short, full in COMMON_ALIASES.items():
                if full == match.group() and short not in self.aliases:
                    self.aliases[short] = full
        for match in ALIAS.finditer(sentence):
            full = clean_org(clause_words(sentence, match.start()))
            if full and match.group(1) != full:
                self.aliases[match.group(1)] = full

    def _speaker(self, words: str, verb: str) -> Source | None:
        if not DESCRIBED_NAME.match(words):
            words = PARENTHESES.sub("", words)  # 他（小刚）说, 小丽（化名）称
        words = words.strip('“”"「」 ')
        if not words:
            return self.last_medium if verb.startswith("报道") else None
        if verb == "报道":
            # 《日本经济新闻》近日报道，: only a titled medium reports so
            return self._medium(words) if "》" in words else None
        if "“" in words or '"' in words:
            return None  # words of a quotation, not a speaker
        if PRONOUN.match(words):
            return self.last_person
        if words == ITS:
            return self.last_any
        if REPORT.match(words):
            return self.last_medium
        if words.endswith("地") or words.endswith("得"):
            return None  # 一字一顿地说: a manner, the speaker is further back
        if INDEFINITE.match(words):
            return None  # 某头部房企高管对记者说: someone the text does not name
        source = self._named(words, org_first=False)
        if source is None and verb in STATING_VERBS and BARE_NAME.fullmatch(words):
            if not is_generic(words):
                source = self._add(Source(self.aliases.get(words, words), "organization"))
        return source

    def _named(self, words: str, *, org_first: bool) -> Source | None:
        """The source ``words`` name, registered; None for descriptions and unknown pronouns."""
        described = DESCRIBED_NAME.match(words)
        if described:
            words = described.group(2) + described.group(1)  # 张伟（瑞银证券分析师）
        words = LEADING.sub("", PARENTHESES.sub("", ALIAS.sub("", words))).strip(" ，,、")
        words = HONORIFIC.sub("", words) if len(words) > 3 else words
        pair = PAIR.fullmatch(words)
        if pair and org_like(pair.group(1)) and org_like(pair.group(2)):
            self._add(Source(pair.group(2), "organization"))  # 上交所和深交所数据显示: both
            words = pair.group(1)
        if not words or "记者" in words or words.startswith("本报") or INDEFINITE.match(words):
            return None
        if QUOTE_INTRO.search(words):
            return None  # 据他讲是“……”: a quotation, not a name in quotes
        if "、" in words and not org_first:
            people = [part for part in words.split("、") if part]
            if len(people) > 1 and all(KIN.match(p) or looks_like_person(p) for p in people):
                for person in people[1:]:
                    self._add(Source(person, "person"))  # 小花奶奶、小刚奶奶说: both speak
                words = people[0]
        words = PERSON_DESCRIPTOR.sub("", words)
        described = DESCRIBED_PERSON.match(words)
        if described and looks_like_person(described.group(2)):
            # 退休教师王建国: a description, then the person's name.
            return self._add(Source(described.group(2), "person", described.group(1)))
        if KIN.match(words) or FAMILIAR.match(words):
            return self._add(Source(words, "person"))
        if "的" in words[1:-1] and not org_first:
            after = words[words.rindex("的") + 1 :]
            if looks_like_person(after) or after in self.sources:
                words = after  # 带领公司上市的吴亚军: the name after a description
        same = SAME_ORG.match(words)
        if same or words == "公司":
            return self._same_org(same.group(1) if same else "公司")
        if PRONOUN.match(words):
            return self.last_person
        apposition = split_apposition(words)
        if apposition:
            name, role, organization = apposition
            return self._add(Source(name, "person", role, self._organization(organization)))
        if words in self.sources:
            return self._add(self.sources[words])
        known = self._known_person(words)
        if known is not None:
            return self._add(known)
        official = UNNAMED_OFFICIAL.match(words)
        unnamed = official.group(1) if official else organization_of_unnamed(words)
        if official or unnamed:
            # 该行有关负责人称, 国家统计局局长表示: an unnamed official speaks for the organization.
            return self._named(unnamed, org_first=True) if unnamed else None
        cleaned = clean_org(words)
        if is_generic(cleaned) or len(cleaned) < 2 or len(cleaned) > 30:
            return None
        if not org_first and looks_like_person(cleaned):
            return self._add(Source(cleaned, "person"))
        cleaned = self.aliases.get(cleaned, cleaned)
        if cleaned in self.sources:
            return self._add(self.sources[cleaned])
        if org_first or org_like(cleaned) or cleaned in self.aliases.values():
            return self._add(Source(cleaned, "organization"))
        return None

    def _known_person(self, words: str) -> Source | None:
        """米勒 after 克里斯·米勒: a transliterated surname alone names the person met before."""
        for source in reversed(list(self.sources.values())):
            if source.kind == "person" and "·" in source.name and source.name.endswith("·" + words):
                return source
        return None

    def _organization(self, words: str | None) -> str | None:
        if not words:
            return None
        same = SAME_ORG.match(words)
        if same or words == "公司":
            found = self._same_org(same.group(1) if same else "公司")
            return found.name if found else None
        part = SAME_ORG_PART.match(words)
        if part:
            found = self._same_org(part.group(1))
            return found.name + part.group(2) if found else part.group(2)
        if words in self.aliases:
            return self.aliases[words]
        # 腾讯总裁 after 腾讯控股 was named: the short form of a known organization.
        for source in reversed(list(self.sources.values())):
            if source.kind == "organization" and len(words) >= 2 and source.name.startswith(words):
                return source.name
        return words

    def _same_org(self, suffix: str) -> Source | None:
        """该局 / 该公司: the latest organization named so, else the latest one at all."""
        orgs = [s for s in self.sources.values() if s.kind == "organization"]
        for source in reversed(orgs):
            if source.name.endswith(suffix):
                return source
        if suffix in ("公司", "集团", "企业") and self.aliases:
            full = list(self.aliases.values())[-1]
            return self.sources.get(full) or self._add(Source(full, "organization"))
        return self.last_org

    def _add(self, source: Source) -> Source:
        known = self.sources.get(source.name)
        if known is not None and (known.role or known.organization or known.kind != source.kind):
            source = known
        self.sources[source.name] = source
        self.last_any = source
        if source.kind == "person":
            self.last_person = source
        else:
            self.last_org = source
        return source


def _nobody() -> Source | None:
    return None
