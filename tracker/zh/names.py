"""Chinese names of people and organizations in attribution phrases.

Turns the words in front of a speech verb ("长江之星证券电力设备行业首席分析师赵琳",
"该局副局长周明远", "在线旅游平台“游途网”") into a Source: the person's name, role and
organization, or the organization's name. Pronouns and 该公司-style references are left
to the caller (tracker.zh.sources), which knows the article so far.
"""

from __future__ import annotations

import re

ROLE_WORDS = (
    "董事长 副董事长 总经理 副总经理 总裁 副总裁 执行总裁 首席执行官 "
    "首席财务官 首席技术官 首席信息官 首席投资官 首席经济学家 经济学家 "
    "首席分析师 高级分析师 分析师 首席策略师 策略师 高级研究员 副研究员 研究员 "
    "研究主管 副教授 教授 讲师 博士 副院长 院长 副所长 所长 副局长 局长 "
    "署长 副署长 社长 台长 关长 总干事 执行董事 董事总经理 首席代表 副司长 "
    "司长 副处长 处长 科长 副厅长 厅长 副部长 部长 副主任 主任 副秘书长 "
    "秘书长 副会长 会长 副理事长 理事长 副主席 主席 副书记 书记 副市长 市长 "
    "副省长 省长 县长 区长 镇长 新闻发言人 发言人 负责人 联合创始人 创始人 "
    "合伙人 总监 经理 副行长 行长 董事会秘书 董秘 董事 监事 总工程师 工程师 "
    "专家 学者 顾问 主管 副校长 校长 总编辑 主编 大使 委员 总理 总经济师 "
    "作者 历史学家 科学家 厂长 店长 馆长 站长 队长 团长 律师 医师 医生 教练 "
    "交易员 总统 首相 国务卿 州长 议员 副总 统计师 经济师 会计师 规划师 分析人士 业内人士 CEO CFO CTO COO"
).split()
# Words that narrow a role: 财务总监, 大中华区总裁, 资深分析师.
ROLE_MODIFIERS = (
    r"(?:财务|技术|销售|市场|研发|运营|执行|常务|高级|资深|独立|行政|产品|投资|战略|人力资源|公关|"
    r"法务|品牌|首席|(?:大中华|中国|亚太|全球|华东|华南|华北|华中|西南)区)*"
)
ROLE = re.compile(
    ROLE_MODIFIERS + "(?:" + "|".join(sorted(ROLE_WORDS, key=len, reverse=True)) + ")"
)
ORG_SUFFIXES = (
    "有限责任公司 股份有限公司 有限公司 公司 集团 银行 证券 基金会 基金 保险 大学 学院 研究院 研究所 "
    "研究中心 中心 委员会 办公室 管理局 统计局 局 委 厅 署 部 协会 学会 联合会 商会 组织 机构 "
    "平台 网 通讯社 社 日报 时报 晚报 报 电视台 台 影业 科技 控股 资本 投资 咨询 智库 政府 "
    "省 法院 检察院 医院 交易所 联盟 实验室 事务所 财经 院 所 处 办 馆 站 厂"
).split()
ORG_SUFFIX_ANYWHERE = re.compile("|".join(sorted(ORG_SUFFIXES, key=len, reverse=True)))
ORG_ENDINGS = tuple(ORG_SUFFIXES)
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦"
    "俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房"
    "滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟"
    "应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "司徒", "夏侯")
HAN_NAME_LONG = re.compile(r"[\u4e00-\u9fff]{2,6}")
FOREIGN_NAME = re.compile(
    r"[\u4e00-\u9fff]{1,8}(?:[·•][\u4e00-\u9fff]{1,8})*[·•][\u4e00-\u9fff]{1,5}"
)
LATIN_NAME = re.compile(r"[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-.]+){0,3}")
QUOTED = re.compile(r"[“「『\"]([^”」』\"]{1,30})[”」』\"]")
# Common nouns ending a descriptor in front of a name: 出品方青禾影业, 市场研究机构“储能视界”.
DESCRIPTOR = re.compile(
    r"^.*?(?:出品方|发行方|主办方|承办方|投资方|制片方|官方|卖方|买方|母公司|旗下)"
    # 市场研究机构艾瑞咨询, 在线旅游平台游途网: a kind of organization before its name.
    r"|^(?:知名|权威|国际|第三方|独立)?(?:市场研究|行业研究|市场调研|研究|调研|咨询|数据|评级|"
    r"分析|在线旅游|在线票务|票务|旅游|电商|招聘|财经|投资)(?:机构|公司|平台|网站|媒体)"
    r"(?=[\u4e00-\u9fffA-Za-z]{2})"
)
LATIN_AFTER_DESCRIPTOR = re.compile(
    r"(?:机构|平台|公司|网站|媒体|咨询公司|研究公司)\s*([A-Za-z][\w&.\- ]*)$"
)
OFFICIAL_QUALIFIERS = re.compile(r"(?:有关|相关|新闻)+$")
# Heads whose title repeats the unit they lead, written once in "商务部长", "教育局长".
HEAD_OF = frozenset("部长 局长 厅长 司长 处长 院长 所长 行长 校长 社长 台长 馆长 站长 署长".split())
MEDIUM = re.compile(
    r"网站|网|官网|杂志|周刊|电视台|频道|客户端|公众号|报|记者|社论|评论员文章|文章"
)
WORK = re.compile(r"》(?:一书|一文|一片|一剧|书|节目)?$")
GENERIC = re.compile(
    r"(?:人士|人员|负责人|网友|市民|消费者|投资者|专家|记者|官员|者|人们|大家|业内|方面|各方|有关部门|"
    r"市场|机构|行业|外界|舆论|官方|报告|数据|分析|研究|调查|统计|消息|文件|公告|通知|声明|人|们|文章|报道|作者|笔者|本文|"
    r"医生|护士|老师|教师|学生|家长|村民|工人|员工|居民|群众|民众|患者|病人|家属|家人|家|孩子|上面|下面)$"
)
LATIN_ORG_WORDS = re.compile(
    r"\b(?:Inc|Corp|Co|Ltd|LLC|Group|Bank|Capital|Research|Partners|Securities|Institute|"
    r"University|Association|Agency|Fund|Holdings|Analytics|Intelligence|Insights)\b\.?"
)


def looks_like_person(name: str, *, after_role: bool = False) -> bool:
    """A Chinese, transliterated or Latin personal name (after a role word, any short name)."""
    if FOREIGN_NAME.fullmatch(name):
        return True
    if LATIN_NAME.fullmatch(name):
        return " " in name and not LATIN_ORG_WORDS.search(name)
    if not HAN_NAME_LONG.fullmatch(name) or ORG_SUFFIX_ANYWHERE.search(name[-2:]):
        return False
    if after_role:
        return len(name) <= 6  # 格奥尔基耶娃: transliterations run long
    if name.startswith(COMPOUND_SURNAMES):
        return len(name) <= 4
    return name[0] in SURNAMES and len(name) <= 3


def clean_org(words: str) -> str:
    """Drop descriptors and titles in front of an organization's name."""
    words = words.strip(" ，,、的")
    quoted = QUOTED.search(words)
    if quoted:
        return quoted.group(1).strip()
    if "》" in words:
        after_title = words[words.rindex("》") + 1 :]
        title = words[words.rfind("《") + 1 : words.rindex("》")]
        # 英国《金融时报》网站: the medium is named by its title.
        words = title if not after_title.strip() or MEDIUM.fullmatch(after_title) else after_title
    words = DESCRIPTOR.sub("", words)
    latin = LATIN_AFTER_DESCRIPTOR.search(words)
    if latin:
        return latin.group(1).strip()
    return words.strip(" ，,、的")


def split_apposition(words: str) -> tuple[str, str | None, str | None] | None:
    """'瑞银证券分析师熊伟' -> ('熊伟', '分析师', '瑞银证券'); None when no role word precedes a name.

    The organization is the text before the role, up to the last organization suffix
    (证券, 大学, 局, 公司...): what follows that suffix belongs to the role
    ('电力设备行业首席分析师').
    """
    roles = list(ROLE.finditer(words))
    if not roles:
        return None
    name = words[roles[-1].end() :].strip(" ：:")
    before_role = words[: roles[-1].start()]
    if not name and len(roles) == 1 and looks_like_person(before_role):
        return before_role, roles[0].group(), None  # 张伟教授: the role after the name
    if not name or not looks_like_person(name, after_role=True):
        return None
    prefix = words[: roles[0].start()]
    role_start = roles[0].start()
    suffixes = list(ORG_SUFFIX_ANYWHERE.finditer(prefix))
    if suffixes and suffixes[-1].end() < len(prefix):
        role_start = suffixes[-1].end()
        prefix = prefix[:role_start]
    role = words[role_start : roles[-1].end()].strip(" 、的")
    head = roles[0].group()
    if (
        prefix
        and head in HEAD_OF
        and not prefix.endswith(head[0])
        and role_start == roles[0].start()
    ):
        prefix += head[0]  # 美国商务部长: the head of 美国商务部
    # 《芯片战争》一书作者: a work, not an organization.
    organization = None if WORK.search(prefix) else clean_org(prefix) or None
    return name, role or None, organization


def is_generic(words: str) -> bool:
    """'业内人士', '有关负责人', '专家': a description, not a name."""
    return bool(GENERIC.search(words))


def org_like(words: str) -> bool:
    """Ends with an organization suffix (局, 公司, 平台, 大学...) or a Latin org word."""
    return words.endswith(ORG_ENDINGS) or bool(LATIN_ORG_WORDS.search(words))


def organization_of_unnamed(words: str) -> str | None:
    """'国家统计局局长' / '该行有关负责人' -> the organization part, when no name follows the role."""
    roles = list(ROLE.finditer(words))
    if not roles or words[roles[-1].end() :].strip():
        return None
    prefix = words[: roles[0].start()]
    return OFFICIAL_QUALIFIERS.sub("", prefix) or None
