"""Lines of page furniture that body extraction lets through, in the languages we crawl.

"Read more: ..." and "Lesen Sie auch" teasers of other stories, newsletter and app
promotions, share and follow prompts, "Advertisement" labels. Only short lines are judged
(a long paragraph that mentions a newsletter is article text), and a teaser prefix must be
followed by a colon, a dash or nothing but a headline-like rest.
"""

from __future__ import annotations

import re

_TEASER = re.compile(
    r"^(?:read more|read also|also read|more reading|see also|related(?: articles?| stories| coverage)?|"
    r"recommended(?: reading)?|more on this(?: story)?|more from|watch|listen|"
    r"lesen sie (?:auch|mehr|hier)|lest auch|mehr zum thema|auch interessant|weiterlesen|"
    r"das könnte sie (?:auch )?interessieren|"
    r"lire aussi|à lire aussi|a lire aussi|lea también|lee también|leer más|te puede interesar|"
    r"leggi anche|lees ook|les også|læs også|läs (?:också|även)|czytaj (?:też|także)|"
    r"相关(?:阅读|新闻|报道)|延伸阅读|延伸閱讀|推荐阅读|关联阅读|更多(?:新闻|报道))"
    r"\s*(?:[:：|»›>\-–—]|$)",
    re.IGNORECASE,
)
_PROMO = re.compile(
    r"(?:sign up (?:for|to)|subscribe (?:to|now|for|here)|newsletter|"
    r"follow us on|download (?:the|our) app|get the app|click here to|tap here to|"
    r"share this (?:article|story)|share on (?:facebook|twitter|x\b)|"
    r"jetzt abonnieren|newsletter abonnieren|hier anmelden|folgen sie uns|"
    r"abonnez-vous|inscrivez-vous|suscríbete|iscriviti|"
    r"订阅|關注我們|关注我们|扫码|下载客户端)",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|anzeige|werbung|publicité|"
    r"publicidad|pubblicità|annonse|reklame|广告|廣告|scroll to continue(?: with content)?|"
    r"story continues below(?: advertisement)?|article continues below)\.?$",
    re.IGNORECASE,
)


def is_boilerplate(line: str) -> bool:
    """True for a line of page furniture (see the module docstring)."""
    text = line.strip()
    if not text:
        return True
    if _LABEL.match(text):
        return True
    if len(text) > 250:
        return False
    if _TEASER.match(text):
        return True
    return len(text) < 160 and bool(_PROMO.search(text))


def drop_boilerplate(text: str) -> str:
    """``text`` without its boilerplate lines (lines separated by newlines)."""
    return "\n".join(line for line in text.splitlines() if not is_boilerplate(line))
