"""Word lists the English tracker reads: number words, scales, currencies, units, titles.

Kept apart from the rules so the rules stay short and the lists can grow without touching
them. Every list is lowercase unless it says otherwise.
"""

from __future__ import annotations

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}  # fmt: skip

# Denominators of fraction words ("a third", "two-fifths").
FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
    "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8,
    "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "hundredth": 100,
}  # fmt: skip

SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "bn": 1e9, "mn": 1e6, "mln": 1e6, "bln": 1e9, "m": 1e6, "k": 1e3, "b": 1e9,
    "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5, "tn": 1e12, "trn": 1e12,
}  # fmt: skip

MULTIPLE_WORDS = {
    "twice": 2.0, "double": 2.0, "doubled": 2.0, "doubles": 2.0, "doubling": 2.0,
    "triple": 3.0, "tripled": 3.0, "triples": 3.0, "tripling": 3.0,
    "quadruple": 4.0, "quadrupled": 4.0, "quadruples": 4.0, "quadrupling": 4.0,
    "quintupled": 5.0, "halve": 0.5, "halved": 0.5, "halves": 0.5, "halving": 0.5,
}  # fmt: skip

# Words after "double"/"triple" that make it a label, not a multiple ("double-digit").
MULTIPLE_BLOCKERS = {
    "digit", "digits", "down", "check", "standard", "standards", "whammy", "dip", "role",
    "taxation", "agent", "life", "decker", "bed", "room", "play", "shift", "header", "click",
    "crown", "threat", "jeopardy", "act", "team", "duty", "take", "trouble", "dutch", "cream",
}  # fmt: skip

# Currency prefixes (symbols and codes) -> ISO 4217.
CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "hk$": "HKD", "c$": "CAD", "ca$": "CAD",
    "a$": "AUD", "au$": "AUD", "nz$": "NZD", "nt$": "TWD", "s$": "SGD", "r$": "BRL",
    "mx$": "MXN", "€": "EUR", "£": "GBP", "₹": "INR", "₩": "KRW", "rs": "INR", "rs.": "INR",
    "chf": "CHF", "₽": "RUB", "₺": "TRY", "₱": "PHP", "₦": "NGN", "฿": "THB", "rm": "MYR",
    "dh": "AED", "rp": "IDR", "$us": "USD", "$a": "AUD", "$au": "AUD", "$nz": "NZD",
    "$c": "CAD", "$hk": "HKD", "$s": "SGD", "$nt": "TWD", "¥": "JPY",
}  # fmt: skip
ISO_CODES = {
    "USD", "EUR", "GBP", "JPY", "CNY", "HKD", "CAD", "AUD", "NZD", "CHF", "INR", "KRW", "SGD",
    "TWD", "DKK", "NOK", "SEK", "BRL", "MXN", "ZAR", "RUB", "TRY", "ARS", "CLP", "COP", "PHP",
    "IDR", "THB", "MYR", "VND", "AED", "SAR", "PLN", "CZK", "HUF", "ILS", "NGN", "EGP", "PKR",
}  # fmt: skip

# Currency words after a number. None means "decided by the article's country".
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rmb": "CNY", "won": "KRW", "rupee": "INR", "rupees": "INR", "peso": None, "pesos": None,
    "krone": None, "kroner": None, "krona": "SEK", "kronor": "SEK", "franc": "CHF",
    "francs": "CHF", "rand": "ZAR", "reais": "BRL", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "lira": "TRY", "ringgit": "MYR", "baht": "THB",
    "rupiah": "IDR", "dirham": "AED", "dirhams": "AED", "riyal": "SAR", "riyals": "SAR",
    "naira": "NGN", "zloty": "PLN", "zlotys": "PLN", "forint": "HUF", "forints": "HUF",
    "koruna": "CZK", "korunas": "CZK", "shekel": "ILS", "shekels": "ILS", "cents": "USD",
    "pence": "GBP", "penny": "GBP",
    "cent": "USD", "crowns": None, "crown": None, "shilling": None, "shillings": None, "sol": "PEN", "soles": "PEN", "rupiahs": "IDR", "hryvnia": "UAH", "dong": "VND",
}  # fmt: skip
# Adjectives that choose the currency of an ambiguous word ("Danish kroner").
CURRENCY_ADJECTIVES = {
    ("u.s.", "dollar"): "USD", ("us", "dollar"): "USD", ("canadian", "dollar"): "CAD",
    ("australian", "dollar"): "AUD", ("hong kong", "dollar"): "HKD",
    ("singapore", "dollar"): "SGD", ("new taiwan", "dollar"): "TWD", ("taiwan", "dollar"): "TWD",
    ("new zealand", "dollar"): "NZD", ("danish", "krone"): "DKK", ("norwegian", "krone"): "NOK",
    ("swedish", "krona"): "SEK", ("mexican", "peso"): "MXN", ("argentine", "peso"): "ARS",
    ("argentinian", "peso"): "ARS", ("chilean", "peso"): "CLP", ("colombian", "peso"): "COP",
    ("philippine", "peso"): "PHP", ("swiss", "franc"): "CHF", ("south korean", "won"): "KRW",
    ("indian", "rupee"): "INR", ("pakistani", "rupee"): "PKR", ("brazilian", "real"): "BRL",
    ("chinese", "yuan"): "CNY", ("chinese", "renminbi"): "CNY", ("japanese", "yen"): "JPY",
    ("korean", "won"): "KRW", ("south african", "rand"): "ZAR", ("russian", "rouble"): "RUB",
    ("russian", "ruble"): "RUB", ("turkish", "lira"): "TRY", ("british", "pound"): "GBP",
    ("egyptian", "pound"): "EGP", ("hong kong", "dollars"): "HKD", ("us", "dollars"): "USD",
    ("indonesian", "rupiah"): "IDR", ("thai", "baht"): "THB", ("malaysian", "ringgit"): "MYR",
    ("saudi", "riyal"): "SAR", ("nigerian", "naira"): "NGN", ("polish", "zloty"): "PLN",
    ("kenyan", "shilling"): "KES", ("ugandan", "shilling"): "UGX",
    ("tanzanian", "shilling"): "TZS", ("danish", "crown"): "DKK", ("swedish", "crown"): "SEK",
    ("norwegian", "crown"): "NOK", ("czech", "crown"): "CZK", ("czech", "koruna"): "CZK",
    ("swedish", "kronor"): "SEK", ("norwegian", "kroner"): "NOK", ("danish", "kroner"): "DKK",
    ("vietnamese", "dong"): "VND", ("israeli", "shekel"): "ILS", ("ukrainian", "hryvnia"): "UAH",
    ("hungarian", "forint"): "HUF", ("peruvian", "sol"): "PEN",
}  # fmt: skip
# Country cues for currency words that several countries share (first cue in the text wins).
COUNTRY_CURRENCY = {
    "peso": [("argentin", "ARS"), ("buenos aires", "ARS"), ("mexic", "MXN"), ("chile", "CLP"),
             ("colombia", "COP"), ("philippin", "PHP"), ("manila", "PHP")],
    "shilling": [("kenya", "KES"), ("nairobi", "KES"), ("uganda", "UGX"), ("kampala", "UGX"),
                 ("tanzania", "TZS"), ("dar es salaam", "TZS"), ("somali", "SOS")],
    "krone": [("denmark", "DKK"), ("danish", "DKK"), ("copenhagen", "DKK"), ("norw", "NOK"),
              ("oslo", "NOK"), ("swed", "SEK"), ("stockholm", "SEK"), ("czech", "CZK"),
              ("prague", "CZK"), ("iceland", "ISK")],
}  # fmt: skip
DEFAULT_AMBIGUOUS = {"peso": "MXN", "krone": "DKK", "shilling": "KES"}
# Words that make ¥ yuan or yen.
CHINA_CUES = ("china", "chinese", "yuan", "beijing", "renminbi", "shanghai", "shenzhen",
              "guangzhou", "hangzhou")  # fmt: skip
JAPAN_CUES = ("japan", "yen", "tokyo", "osaka", "kyoto", "nikkei")
# "R900 million" is rand only in a South African story.
RAND_CUES = ("south africa", "johannesburg", "pretoria", "cape town", " rand", "durban")

# Physical units after a number -> symbol. Multi-word forms first where it matters.
QUANTITY_UNITS = {
    "gigawatts": "GW", "gigawatt": "GW", "gw": "GW", "megawatts": "MW", "megawatt": "MW",
    "mw": "MW", "kilowatts": "kW", "kilowatt": "kW", "kw": "kW", "terawatt-hours": "TWh",
    "terawatt-hour": "TWh", "terawatt hours": "TWh", "twh": "TWh", "gigawatt-hours": "GWh",
    "gigawatt-hour": "GWh", "gigawatt hours": "GWh", "gwh": "GWh", "megawatt-hours": "MWh",
    "megawatt-hour": "MWh", "megawatt hours": "MWh", "mwh": "MWh", "kilowatt-hours": "kWh",
    "kilowatt-hour": "kWh", "kilowatt hours": "kWh", "kwh": "kWh", "tonnes": "t", "tonne": "t",
    "tons": "t", "ton": "t", "metric tons": "t", "metric tonnes": "t", "kilograms": "kg",
    "kilogram": "kg", "kg": "kg", "kilometres": "km", "kilometre": "km", "kilometers": "km",
    "kilometer": "km", "km": "km", "square kilometres": "km2", "square kilometers": "km2",
    "square kilometre": "km2", "square kilometer": "km2", "sq km": "km2", "km2": "km2",
    "square metres": "m2", "square meters": "m2", "square feet": "ft2", "square miles": "mi2",
    "miles": "mi", "mile": "mi", "hectares": "ha", "hectare": "ha", "acres": "acre",
    "barrels": "bbl", "barrel": "bbl", "bpd": "bbl", "cubic metres": "m3", "cubic meters": "m3",
    "litres": "L", "liters": "L", "gallons": "gal", "bushels": "bu", "teu": "TEU", "teus": "TEU",
    "twenty-foot equivalent units": "TEU", "twenty-foot equivalent unit": "TEU",
    "20-foot equivalent units": "TEU", "20-foot equivalent unit": "TEU",
    "gigabytes": "GB", "terabytes": "TB", "degrees celsius": "°C", "°c": "°C", "°f": "°F",
    "degrees fahrenheit": "°F", "degrees centigrade": "°C", "celsius": "°C", "fahrenheit": "°F",
    "ounces": "oz", "ounce": "oz", "troy ounces": "oz", "oz": "oz", "carats": "ct",
    "inch": "in", "inches": "in", "foot": "ft", "feet": "ft", "yards": "yd", "yard": "yd",
    "litre": "L", "liter": "L", "horsepower": "hp", "hp": "hp", "mph": "mph", "km/h": "km/h",
    "miles per hour": "mph", "kilometres per hour": "km/h", "kilometers per hour": "km/h",
    "metres": "m", "meters": "m", "centimetres": "cm", "centimeters": "cm", "millimetres": "mm",
    "millimeters": "mm", "microns": "µm", "micron": "µm", "micrometres": "µm",
    "micrometers": "µm", "grams": "g", "gram": "g", "milligrams": "mg", "milligram": "mg",
    "micrograms": "µg", "microgram": "µg", "kph": "km/h", "frames per second": "fps", "fps": "fps",
    "lbs": "lb", "cubic feet": "ft3", "cubic foot": "ft3", "square metre": "m2", "square meter": "m2",
}  # fmt: skip

TIME_UNITS = {
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
    "minute", "minutes", "second", "seconds", "decade", "decades", "century", "centuries",
    "night", "nights", "quarter", "quarters", "year-old", "season", "seasons",
}  # fmt: skip

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip

# Lowercase words before a number that make it a label ("page 5", "route 66").
LABEL_WORDS = {
    "page", "pages", "section", "article", "chapter", "paragraph", "clause", "item", "rule",
    "room", "gate", "platform", "route", "highway", "interstate", "flight", "version", "model",
    "phase", "level", "tier", "stage", "category", "class", "grade", "type", "series", "line",
    "no", "no.", "nos", "number", "terminal", "pier", "berth", "unit", "block", "lot", "row",
    "seat", "track", "exit", "bus", "game", "week", "day", "act", "title", "schedule",
}  # fmt: skip

# Capitalized words that may stand before a number without making it a label.
CAPITAL_NON_LABELS = {
    "about", "around", "nearly", "almost", "roughly", "some", "only", "just", "over", "under",
    "more", "less", "fewer", "up", "to", "from", "by", "and", "or", "the", "of", "in", "on",
    "at", "with", "for", "as", "than", "all", "another", "but", "while", "after",
    "before", "since", "until", "between", "among", "approximately", "an", "a", "least", "its", "their", "his", "her", "our", "these", "those", "this", "that",
    "top", "below", "above", "within", "each", "every",
}  # fmt: skip

APPROXIMATORS = (
    "about", "around", "roughly", "nearly", "almost", "approximately", "some", "over", "under",
    "more than", "less than", "fewer than", "up to", "as much as", "as many as", "at least",
    "close to", "upwards of", "just over", "just under", "an estimated", "estimated", "below",
    "above", "nearly", "almost", "as little as", "as few as", "at most", "in excess of",
    "north of", "well over", "well above", "well below", "circa", "approx.", "some",
)  # fmt: skip

SUPERLATIVE_EXTRA = {"best", "worst", "most", "least", "biggest", "largest", "busiest"}
RANK_VERBS = (
    "rank", "ranks", "ranked", "ranking", "came", "comes", "come", "coming", "placed", "place",
    "places", "placing", "finished", "finishes", "finish", "stood", "stands", "rated", "sits",
    "sat", "sitting", "lies", "lying",
)  # fmt: skip
RANK_AFTER = ("among", "place", "position", "spot", "in the world", "worldwide", "globally",
              "overall", "on the list", "in the ranking", "in the rankings")  # fmt: skip
