"""The words of Chinese attribution: cue patterns and the speaker words before a cue.

Patterns for speech verbs, 据X统计, X数据显示, settings (在……上, 接受……采访时, 对记者),
adverbs and dates that sit between a speaker and the verb, and the helpers that cut the
speaker's words out of a clause. tracker.zh.sources resolves those words to sources.
"""

from __future__ import annotations

import re

from tracker.zh.names import looks_like_person

BOUNDARY = "，。；：！？,;:!?\n"
CLAUSE_BOUNDARY = re.compile(r"[，。；：！？,;:!?\n]")
CLAUSE_TAIL = re.compile(r"[^，。；：！？,;:!?\n]*$")
CLAUSE_WINDOW = 64
ACCORDING = re.compile(r"(?<![数证依占票单收论盘])(?:根据|据)|按照|依照")
ACCORDING_END = re.compile(
    r"(?:(?:发布|公布|披露|提供|发表|援引)(?:了)?的?)?(?:的)?(?:最新|初步|不完全|抽样)?"
    r"(?:统计|测算|报道|数据|显示|调查|估算|估计|预测|分析|披露|消息|公告|监测|公布|称|表示|"
    r"介绍|透露|报告|研究|调研|结果|监测|发布|援引|指出|测算结果|了解|悉|说|传)+$"
)
TITLE_END = re.compile(r"(?:发布|公布|发表)?的?《[^》]{1,40}》(?:中|里)?(?:显示|指出|称)?$")
DESCRIBED_NAME = re.compile(r"^([^（）]{2,8})（([^（）]{2,20}(?:师|长|员|授|家|人|裁|监|理|事))）$")
PARENTHESES = re.compile(r"（[^（）]{0,20}）|\([^()]{0,20}\)")
PUBLISHER_VERB = re.compile(r"(?:发布|公布|披露|发表)")
# 国家统计局官网, 央行微信公众号: the organization speaks through its own channel.
OWN_CHANNEL = re.compile(r"的?(?:官方网站|官网|官方微博|微信公众号|公众号|网站)$")
DATA_VERB_TAIL = re.compile(r"(?:监测|统计|调查|测算|抽样|跟踪)$")
PERSON_CUE = re.compile(r"(?:介绍|透露|表示|称|说|指出)$")
DATA_SHOWS = re.compile(
    r"(?:(?:发布|公布|披露|发表)(?:了)?的?)?(?:最新|该|这份)?"
    r"(?:统计数据|调查结果|研究报告|监测数据|数据|报告|统计|调查|研究|测算|监测|公告|财报|年报|半年报|季报|报表|白皮书|研报"
    r"|《[^》\n]{1,40}》)"
    r"(?:同时|也|还|则|进一步)?(?:显示|表明|指出|称|说)"
)
PAIR = re.compile(r"(.{2,20}?)[和与及](.{2,20})")
OWN_COMPANY = frozenset("公司 该公司 本公司 集团 该集团 企业".split())
DATA_SHOWS_CHARS = re.compile(r"[示明指称说]")  # a sentence without these has no 数据显示
LEARNED_FROM = re.compile(
    r"从([^，。；：！？]{2,30}?)(?:获悉|了解到|得知)|在([^，。；：！？]{2,30}?)看来"
)
QUOTING = re.compile(r"援引([^，。；：！？]{2,30}?)(?:的话|说|称|表示|指出)")
PUBLISHED = re.compile(
    r"(?:发布|公布)(?:了)?[^，。；：！？]{0,20}?"
    r"(?:报告|数据|公告|财报|年报|半年报|季报|白皮书|业绩|营收|收入|销量|销售额)"
)
ALIAS = re.compile(r"（(?:以下)?(?:简称|下称)[“\"「]([^”\"」]{1,15})[”\"」]）")
SPEECH = re.compile(
    r"(?:分析指出|分析称|解释称|回应称|补充说|解读(?:称|说|指出)?|表示|指出|认为|透露|介绍|预计|强调|坦言|提醒|提到|"
    r"估计|预测|直言|判断|披露|证实|声称|警告|写道|承认|测算|估算|建议|报道(?=称|说))(?:说|称|道)?"
    r"|报道(?=[，：])"
    r"|告诉(?:本报|本台)?(?:记者|笔者)|称|说道|说|宣布|坦承|公布(?=[，：])|分析(?=[，：])"
)
# Short names the press uses for bodies named in full elsewhere in the article.
COMMON_ALIASES = {
    "央行": "中国人民银行", "人民银行": "中国人民银行", "人行": "中国人民银行",
    "统计局": "国家统计局", "发改委": "国家发展和改革委员会", "国家发改委": "国家发展和改革委员会",
    "证监会": "中国证券监督管理委员会", "金融监管总局": "国家金融监督管理总局",
    "医保局": "国家医疗保障局", "国家医保局": "国家医疗保障局", "外汇局": "国家外汇管理局",
}  # fmt: skip
COMMON_FULL_NAMES = re.compile(
    "|".join(sorted(set(COMMON_ALIASES.values()), key=len, reverse=True))
)
# Verbs whose subject is a speaker, so an unknown short name before them is an organization
# (阿里巴巴表示); 预计 / 认为 also follow things ("全年营收预计").
STATING_VERBS = frozenset(
    "表示 指出 称 说 透露 介绍 强调 坦言 披露 声称 回应称 宣布 分析 坦承".split()
)
BARE_NAME = re.compile(r"[^\s的了在将是为和与对把被从向这那其该我你也都就而但等其会要能已]{2,12}")
NOT_SPEECH_BEFORE = {
    "说": "据听小解游演学传劝虽再就或比怎不来话如以所想实果",
    "称": "简名堪号自职统昵俗尊著被对声宣之",
    "认为": "被",
}
NOT_SPEECH_AFTER = {"说": "明法服出不得", "称": "为作号之"}
SETTING = re.compile(
    r"(?:(?:在|于)[^，。；]{0,30}?(?:上|中|时|期间|之际|里)"
    r"|(?:在)?接受[^，。；]{0,20}?采访(?:时)?"
    r"|(?:对|向|告诉)[^，。；]{0,10}?(?:记者|笔者)"
    r"|(?:对|向)(?:媒体|外界|本报|新华社|中新社)"
    r"|(?:对|向)[^，。；对向]{1,12}?(?:新闻|报|社|网|台|频道|媒体)"
    r")$"
)
DATE_TIME = re.compile(
    r"(?:[0-9０-９]{1,4}年)?(?:[0-9０-９]{1,2}月)?(?:[0-9０-９]{1,2}日)?(?:晚间|早间|上午|下午|晚|凌晨|中午)?$"
)
ADVERBS = re.compile(
    r"(?:也|还|同时|进一步|此前|日前|近日|随后|接着|则|更|均|都|亦|再次|特别|明确|曾|已|当天|最新|并|就|"
    r"几年前|多年前|数年前|近年来|近期|最近|早前|早些时候|上周|本周|上月|本月|昨天|昨日|今天|今日|同日|"
    r"(?:上|下|本)?(?:周|星期)[一二三四五六日天]|当面|公开|分析|研究|经测算|测算|综合)$"
)
LEADING = re.compile(
    r"^(?:而|但|不过|此外|对此|另外|同时|其中|另据|另|并|则|来自|按照|依据|根据|正如|如"
    r"|在?(?:早前|此前|日前|近日|随后|当天|同日)"
    r"|(?:[0-9０-９]{1,4}年)?[0-9０-９]{1,2}月[0-9０-９]{1,2}日"
    r"|[\u4e00-\u9fff]{0,4}?(?:市调|研究|咨询|调研|评级|数据|第三方)机构)"  # 市调机构集邦科技
)
UNNAMED_OFFICIAL = re.compile(
    r"^(.*?)的?(?:有关|相关)?(?:新闻)?(?:负责人|发言人|官员|人士|研究人员|工作人员|专家|学者|分析师)$"
)
# 一家代工厂负责人, 某券商分析师: someone the text does not name.
INDEFINITE = re.compile(
    r"^(?:一家|一位|一名|一个|一些|一项|一份|一篇|多项|某|多家|多位|部分|有的|不少|其他|多名|数家|几家)"
)
# 新华社北京3月8日电 / 本报讯（记者 林晓雯）: the dateline before the first sentence.
DATELINE = re.compile(r"^(?:[^，。；：\s]{0,16}?\d{1,2}日电|本报讯)\s*(?:（[^）]{0,20}）)?\s*")
HONORIFIC = re.compile(r"(?:先生|女士|同志)$")
PRONOUN = re.compile(r"^(?:他|她)$")
# 其还表示: whoever the text spoke of last, person or organization.
ITS = "其"
# How someone said it, between the speaker and 称 / 说: 哭诉称, 威胁称, 回忆说.
MANNER = re.compile(
    r"(?:哭诉|控诉|威胁|回忆|解释|回应|补充|感慨|表态|重申|宣称|抱怨|笑称|笑着|坦承|承认|证实|爆料|"
    r"反驳|质疑|呼吁|介绍|透露|强调|开始|继续|一再|反复|多次)$"
)
# 报道称 / 文章指出 / 报道中提到: the report of the medium named last.
REPORT = re.compile(
    r"^(?:该|这篇|这份|上述)?(?:报道|文章|报导|该文)(?:中|里)?(?:还|也|则|进一步)?$"
)
# 《纽约时报》网站在10月1日发表题为……的报道: a medium and its report.
MEDIUM_REPORT = re.compile(
    r"(?:发表|刊登|刊发|刊载)(?:了)?(?:《[^》]{0,60}》|[^，。；！？《]){0,60}?(?:报道|文章|社论|评论)"
)
MEDIUM_NAME = re.compile(r"(?:报|社|网|台|新闻|时报|日报|周刊|杂志|通讯)$")
# 小花母亲, 王某的妻子: a person named by kinship to someone named.
KIN = re.compile(
    r"^(?![其他她该这那])[\u4e00-\u9fff]{1,4}?的?(?:母亲|父亲|妈妈|爸爸|奶奶|爷爷|外婆|外公|姥姥|姥爷|妻子|丈夫|儿子|女儿|"
    r"哥哥|姐姐|弟弟|妹妹)$"
)
# 学生小丽, 村民王大成: who the person is, before the name.
PERSON_DESCRIPTOR = re.compile(
    r"^(?:学生|老师|村民|市民|网友|工人|患者|家长|居民|医生|护士|司机|农民|业主|游客|乘客|顾客|店主|摊主)"
    r"(?=[\u4e00-\u9fff]{2,3}$)"
)
# Longest heading line that signs a statement, and the roles that make statements.
SIGNATURE = 40
ROLE_SPEAKS = re.compile(r"发言人|主席|部长|局长|主任|市长|省长|总统|总理|大使|负责人|董事长|总裁")
# 小丽, 老王, 阿强: a familiar name.
FAMILIAR = re.compile(r"^[小老阿][\u4e00-\u9fff]$")
SAME_ORG_WORDS = (
    "公司|机构|局|厅|行|院|所|部门|平台|集团|企业|协会|中心|网站|银行|委员会|组织|大学|部|委|报告"
)
SAME_ORG = re.compile(rf"^(?:该|这家|此|其)({SAME_ORG_WORDS})$")
# 该厅种植业管理处: a part of the organization named before.
SAME_ORG_PART = re.compile(rf"^(?:该|这家|此)({SAME_ORG_WORDS})(.+)$")
GENERIC_DATA = re.compile(r"^(?:该|这份|这一|同时|此外|另外|最新|其|有关)?$")


def trim_publisher(words: str) -> str:
    """'中国人民银行当天公布的金融' -> '中国人民银行': the name ends before 发布 / 公布."""
    verb = PUBLISHER_VERB.search(words, 2)
    if verb:
        words = words[: verb.start()]
    words = OWN_CHANNEL.sub("", words) if len(words) > 4 else words
    words = DATA_VERB_TAIL.sub("", words) if len(words) > 4 else words  # 中指研究院监测数据
    return DATE_TIME.sub("", ADVERBS.sub("", words)).strip()


def clause_end(sentence: str, index: int) -> int:
    """Where the clause from ``index`` ends, looking at most CLAUSE_WINDOW characters ahead."""
    boundary = CLAUSE_BOUNDARY.search(sentence, index, index + CLAUSE_WINDOW)
    return boundary.start() if boundary else min(len(sentence), index + CLAUSE_WINDOW)


# A space between Chinese words is a lost line break (a heading run into the text).
SPACED = re.compile(r"[\u4e00-\u9fff0-9%）)]\s+(?=[\u4e00-\u9fff][^\s]*$)")


def clause_words(sentence: str, stop: int) -> str:
    """The words of the clause that ends at ``stop`` (from the last clause boundary).

    Names, roles and settings before a verb fit in CLAUSE_WINDOW characters; a longer
    stretch without a boundary names nobody, which also keeps every cue's cost bounded.
    """
    begin = max(0, stop - CLAUSE_WINDOW)
    tail = CLAUSE_TAIL.search(sentence, begin, stop)
    start = tail.start() if tail else stop
    if start == begin and begin > 0 and sentence[begin - 1] not in BOUNDARY:
        return ""
    words = DATELINE.sub("", sentence[start:stop])
    if "”" in words and "“" not in words[: words.index("”")]:
        words = words[words.index("”") + 1 :]
    gap = SPACED.search(words.strip())
    return words.strip()[gap.end() :] if gap else words.strip()


def speaker_words(sentence: str, stop: int) -> str:
    """The words naming whoever speaks at ``stop``, without setting and adverbs."""
    words = ALIAS.sub("", clause_words(sentence, stop))
    setting = words.find("在", 2)
    if setting > 0:
        words = words[:setting]
    for _ in range(3):
        trimmed = DATE_TIME.sub("", ADVERBS.sub("", SETTING.sub("", words))).strip()
        if trimmed == words:
            break
        words = trimmed
    words = LEADING.sub("", words).strip()
    words = MANNER.sub("", words) if len(words) > 3 else words
    if len(words) > 3 and words.endswith("方面"):
        words = words[:-2]  # 亚马逊中国方面表示
    return DATE_TIME.sub("", ADVERBS.sub("", words)).strip()


def named_before(sentence: str, stop: int) -> str:
    """带领公司上市的吴亚军，在会上表示: the person named in the clause before the verb's own."""
    tail = CLAUSE_TAIL.search(sentence, max(0, stop - CLAUSE_WINDOW), stop)
    boundary = tail.start() if tail else 0
    if boundary == 0 or sentence[boundary - 1] not in "，,":
        return ""
    words = clause_words(sentence, boundary - 1)
    name = words[words.rfind("的") + 1 :]
    return name if looks_like_person(name) else ""


def is_speech(sentence: str, match: re.Match[str]) -> bool:
    verb = match.group()
    before = sentence[match.start() - 1 : match.start()]
    after = sentence[match.end() : match.end() + 1]
    if before and before in NOT_SPEECH_BEFORE.get(verb, ""):
        return False
    return not (after and after in NOT_SPEECH_AFTER.get(verb, ""))
