"""Who or what a Chinese figure is about: the entity of its claim key.

The article's candidate names are its sources (organizations, people, their employers and
short names), places (a two-character name before 县 / 市 / 省, a country), names of
organizations with a telling suffix (……集团, ……大学, ……协会), familiar names that recur
(小花) and transliterated names (肯巴-沃克). A figure is about the
nearest of them before it in its sentence, leaving out a name that only introduces a
speaker (王明表示); failing that, about what the figure before it in the paragraph was
about; failing that, about the article's topic, the candidate it names most often.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tracker.model import Source

COUNTRIES = (
    "中国 美国 日本 英国 德国 法国 韩国 俄罗斯 印度 意大利 加拿大 澳大利亚 巴西 西班牙 荷兰 瑞士 "
    "瑞典 挪威 新加坡 越南 泰国 马来西亚 印尼 印度尼西亚 菲律宾 土耳其 伊朗 以色列 沙特 埃及 南非 "
    "墨西哥 阿根廷 乌克兰 波兰 新西兰 朝鲜 欧盟 欧洲 东盟 非洲 全球 香港 澳门 台湾"
).split()
PLACE = re.compile(
    r"([^\W\d列了的在是和与对把被从向将于为由及等到省市县区全各本该我这那每][^\W\d城股楼超上门都全本该我各"
    r"一二三四五六七八九十两几每的了是在和与对被把为"
    r"])(?:县|市|省)(?![长委政场级民值面内外区])"
)
ORG = re.compile(
    r"([\u4e00-\u9fffA-Za-z0-9]{2,8}?(?:集团|公司|银行|大学|中学|小学|学院|研究院|研究所|协会|"
    r"委员会|医院|交易所|联盟|大奖|年会|政府|法院|基金会|论坛|峰会|博览会|运动会|组委会))"
)
# Words a name does not start with: 带领龙湖集团 is 龙湖集团.
NOT_NAME_START = re.compile(
    r"^(?:[的了在是和与对把被从向将于为由及等带领通过根据据来自今年去年目前其这该一各本][\u4e00-\u9fff]?)+"
)
FAMILIAR = re.compile(
    r"[小老阿][^\W\d师人板家时学区组姨子公婆总大小年伙鼠虎将乡式字们于](?=[^\u4e00-\u9fff]|[说称的在和与也都却是被把])"
)
# Characters of the standard transliteration of foreign names (肯巴-沃克, 迈克尔-乔丹).
PHONETIC = (
    "阿埃艾安昂奥巴拜班邦保贝本比彼宾波伯布查达戴丹道德迪蒂丁东杜多厄恩法范菲费芬丰弗福盖甘冈戈格古哈海汉"
    "豪赫亨胡霍基吉加贾杰金卡凯坎康柯科克肯库拉莱兰朗劳勒雷里利连林琳隆卢鲁伦罗洛马迈麦曼梅门蒙米莫默穆纳"
    "奈南内尼纽努诺欧帕派潘佩皮普齐奇乔切琼萨塞桑瑟森沙莎尚舍施什史斯松苏索塔泰坦汤唐特提汀图托瓦万威韦维"
    "温沃乌西希锡谢辛休雅亚扬耶伊因英尤约詹泽扎佐尔姆茨兹夫娜娅丝"
)
PHONETIC_TAIL = re.compile(f"[{PHONETIC}]{{1,4}}$")
PHONETIC_HEAD = re.compile(f"[{PHONETIC}]{{1,4}}")
NAME_CHAR = r"[^\W\d是的对和与在了以为向把被从将对跟同及等让给比]"
TRANSLITERATED = re.compile(rf"{NAME_CHAR}{{1,5}}[-·•]{NAME_CHAR}{{1,5}}")
SPEAKS_NEXT = re.compile(
    r"[^，。；：！？]{0,40}?(?:表示|指出|认为|介绍|透露|强调|预计|称|说|告诉|分析|预测|宣布|坦言)"
)
LEGAL_FORM = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|股份公司|集团公司|集团|公司)$")
HAN_HEAD = re.compile(r"[\u4e00-\u9fff]{2}")
OWNER = re.compile(r"^(?:其|该|这些|这|本|全[国省市县区])(?:的)?")
TIME_WORDS = re.compile(
    r"^(?:(?:[0-9]{4}年)?(?:上半年|下半年|前三季度|全年|[一二三四1-4]季度|[0-9]{1,2}月(?:份)?)|今年|去年|目前|当前|近年来)"
)
# An owner phrase that is a clause, not a noun: 补贴之后的, 目前刚开始时的, 能购买到的.
NOT_OWNER = re.compile(r"[之后时到过了着在是将会能被把给对向“”\"年]|以来|以上|以下|目前|条件")
# 神舟九号, 雪龙2号: a named craft; 5G手机: a product the article keeps naming.
CRAFT = re.compile(
    r"[^\W\d月日第周期号层楼门栋路街院室]{2}(?:[一二三四五六七八九十]{1,3}|\d{1,3})号"
)
PRODUCT = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{1,6}[\u4e00-\u9fff]{2}")
PRODUCT_MENTIONS = 4
HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")
TITLES = (
    "校长",
    "老师",
    "教授",
    "医生",
    "先生",
    "女士",
    "局长",
    "书记",
    "市长",
    "县长",
    "院长",
    "董事长",
)
# Fewest mentions that make a candidate the article's topic.
TOPIC_MENTIONS = 3


def candidates(text: str, sources: Iterable[Source], aliases: dict[str, str]) -> dict[str, str]:
    """Surface form -> entity name for every candidate of the article."""
    found: dict[str, str] = {}
    for source in sources:
        found.setdefault(source.name, source.name)
        if source.organization:
            found.setdefault(source.organization, source.organization)
    for source in sources:  # 陈校长 for 陈立群
        if source.kind == "person" and HAN_NAME.fullmatch(source.name):
            for title in TITLES:
                found.setdefault(source.name[0] + title, source.name)
    for short, full in aliases.items():
        found.setdefault(short, full)
    for country in COUNTRIES:
        if country in text:
            found.setdefault(country, country)
    if "中国" in text and "台湾" not in text:
        found.setdefault("全国", "中国")  # 全国 in a story about (mainland) China
    for match in PLACE.finditer(text):
        found.setdefault(match.group(1), match.group(1))  # 东莞 for 东莞市, 东莞企业
    for match in ORG.finditer(text):
        name = NOT_NAME_START.sub("", match.group(1))
        if len(name) >= 4:
            found.setdefault(name, name)
    for pattern in (CRAFT, PRODUCT):
        for match in pattern.finditer(text):
            if text.count(match.group()) >= PRODUCT_MENTIONS or pattern is CRAFT:
                found.setdefault(match.group(), match.group())
    for match in FAMILIAR.finditer(text):
        found.setdefault(match.group(), match.group())
    for match in TRANSLITERATED.finditer(text):
        # 沃克 for 肯巴-沃克: the name runs as far as characters of transliteration do.
        left, right = re.split("[-·•]", match.group(), maxsplit=1)
        given = PHONETIC_TAIL.search(left)
        surname = PHONETIC_HEAD.match(right)
        if given and surname:
            full = f"{given.group()}{match.group()[len(left)]}{surname.group()}"
            found.setdefault(full, full)
            found.setdefault(surname.group(), full)
    # The short form of an organization (龙湖 for 龙湖集团) names it too.
    for name in list(found.values()):
        core = LEGAL_FORM.sub("", name)
        if 2 <= len(core) < len(name):
            found.setdefault(core, name)
            # 远舟 for 远舟科技有限公司: a two-character head the text uses on its own.
            head = core[:2]
            if len(core) >= 4 and HAN_HEAD.match(head) and text.count(head) > text.count(core):
                found.setdefault(head, name)
    return {surface: name for surface, name in found.items() if len(surface) >= 2}


def topic(text: str, names: dict[str, str]) -> str | None:
    """The candidate the article names most often (all its surface forms counted)."""
    counts: dict[str, int] = {}
    for surface, name in names.items():
        # 中国 inside 中国人文地理学术年会 is a mention of the meeting, not of China.
        inside = sum(text.count(other) for other in names if surface in other and other != surface)
        counts[name] = counts.get(name, 0) + max(0, text.count(surface) - inside)
    best = max(counts.items(), key=lambda item: item[1], default=None)
    return best[0] if best and best[1] >= TOPIC_MENTIONS else None


def entity_before(sentence: str, offset: int, names: dict[str, str]) -> str | None:
    """The candidate named nearest before ``offset`` in the sentence; a speaker (王明表示)
    only when the sentence names nothing else (刘明坦言，3000元要养活六口人)."""
    best: tuple[int, int, str] | None = None
    speaker: tuple[int, int, str] | None = None
    head = sentence[:offset]
    for surface, name in names.items():
        position = head.rfind(surface)
        if position >= 0 and SPEAKS_NEXT.match(sentence, position + len(surface)):
            spoken = (position + len(surface), len(surface), name)
            speaker = spoken if speaker is None or spoken[:2] > speaker[:2] else speaker
        while position >= 0 and SPEAKS_NEXT.match(sentence, position + len(surface)):
            position = head.rfind(surface, 0, position)
        if position < 0:
            continue
        end = position + len(surface)
        if best is None or (end, len(surface)) > (best[0], best[1]):
            best = (end, len(surface), name)
    chosen = best or speaker
    return chosen[2] if chosen else None


def without_entity(metric: str | None, names: dict[str, str]) -> str | None:
    """'龙湖的营业支出' -> '营业支出': the metric without the entity named at its start, a
    time word and, after an owner's 的, without the owner."""
    if not metric:
        return metric
    trimmed = OWNER.sub("", metric)
    for surface in sorted(names, key=len, reverse=True):
        if trimmed.startswith(surface) and len(trimmed) > len(surface) + 1:
            trimmed = trimmed[len(surface) :].lstrip("的 ")
            break
    trimmed = TIME_WORDS.sub("", trimmed)
    # 5G手机的电量 / 设计业和制造业的增长率: the head after the last 的 is what is measured.
    owner = trimmed.rfind("的")
    if 0 < owner < len(trimmed) - 2 and " " not in trimmed[owner:]:
        trimmed = trimmed[owner + 1 :]
    return trimmed or metric


def owner_of(metric: str | None) -> str | None:
    """'5G手机的使用时长' -> '5G手机': whose the measured thing is, when the metric says."""
    if not metric or " " in metric:
        return None
    words = TIME_WORDS.sub("", OWNER.sub("", metric))
    owner = words.rfind("的")
    if owner < 2 or owner >= len(words) - 2:
        return None
    words = words[:owner]
    return None if NOT_OWNER.search(words) else words
