"""Word lists for names, titles and attribution (lowercase unless noted)."""

from __future__ import annotations

# Words that make a capitalized run an organization's name.
ORG_WORDS = {
    "inc", "corp", "co", "ltd", "llc", "plc", "ag", "sa", "nv", "gmbh", "spa", "bv", "ab",
    "asa", "oyj", "kk", "group", "holdings", "holding", "bank", "banco", "banca", "banque", "securities", "capital",
    "league", "ratings", "partners", "council", "federation", "association", "agency", "department", "ministry",
    "office", "service", "services", "institute", "exchange", "forum", "commission",
    "observatory", "university", "foundation", "analytics", "insights", "metrics", "research",
    "logistics", "telecom", "telecoms", "air", "airlines", "airways", "steel", "mobile",
    "management", "advisory", "consulting", "data", "lending", "network", "fund", "reserve",
    "bureau", "authority", "board", "union", "committee", "organization", "organisation",
    "administration", "center", "centre", "society", "trust", "systems", "technologies",
    "technology", "motors", "robotics", "energy", "power", "media", "news", "wire", "times",
    "post", "journal", "cargo", "markets", "insurance", "mutual", "homes", "brokers",
    "entertainment", "equity", "investments", "investment", "ventures", "labs", "pharma",
    "pharmaceuticals", "industries", "international", "corporation", "company", "companies",
    "automation", "program", "programme", "railways", "railway", "rail", "shipping", "lines", "motor",
    "electric", "petroleum", "oil", "gas", "mining", "resources", "chemicals", "foods",
    "airport", "port", "ports", "court", "parliament", "senate", "congress", "police", "army",
    "ai", "software", "semiconductor", "semiconductors", "communications", "bancorp",
    "financial", "finance", "credit", "asset", "assets", "advisors", "advisers", "consultancy",
    "associates", "studios", "pictures", "records", "press", "broadcasting", "solutions",
    "statistics", "biotech", "therapeutics", "hospital", "clinic",
    "renewables", "dynamics", "solar", "wind", "bio", "health", "healthcare", "beverages",
    "brands", "retail", "stores", "mart", "aviation", "aerospace", "defense", "defence",
    "automotive", "auto", "cars", "electronics", "devices", "networks", "wireless", "broadband",
    "cable", "digital", "interactive", "games", "gaming", "hotels", "resorts", "travel",
    "freight", "marine", "transport", "metals", "materials", "cement", "construction",
    "engineering", "properties", "property", "realty", "land", "agri", "farms", "seeds",
    "textiles", "apparel", "fashion", "lithium", "platinum", "copper", "minerals", "utilities",
    "grid", "funds", "wealth", "payments", "fintech", "assurance", "re", "biosciences",
    "medical", "diagnostics", "cloud", "tech", "chips", "shipyard", "yards", "express",
    "publishing", "books", "herald", "tribune", "gazette", "banks", "foundry", "works", "mills",
    "nations", "party", "alliance", "coalition", "operation", "forces", "guard", "navy",
    "chamber", "institution", "academy", "college", "school", "hospitals", "commerce",
}  # fmt: skip
ORG_SUFFIXES = {"Inc", "Corp", "Co", "Ltd", "LLC", "PLC", "plc", "AG", "SA", "A/S", "GmbH", "NV"}
DOTTED_KEEP = {
    "Inc",
    "Corp",
    "Co",
    "Ltd",
    "Jr",
    "Sr",
    "Bros",
    "St",
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Prof",
}
INSTITUTION_WORDS = {
    "ministry", "department", "agency", "council", "federation", "association", "office",
    "institute", "bureau", "commission", "forum", "observatory", "service", "authority",
    "board", "committee", "foundation", "university", "union", "government", "parliament",
    "senate", "congress", "court", "reserve", "administration", "organization", "organisation",
    "society", "police", "army", "exchange", "program", "programme",
}  # fmt: skip

HONORIFICS = {"Dr.", "Dr", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Prof.", "Prof", "Sir",
              "Dame", "Mx.", "Lord", "Lady"}  # fmt: skip
ROLE_WORDS = {
    "chief", "executive", "officer", "financial", "operating", "technology", "technical",
    "investment", "marketing", "commercial", "economist", "president", "vice", "chairman",
    "chairwoman", "chair", "director", "managing", "minister", "secretary", "commissioner",
    "governor", "senator", "mayor", "ceo", "cfo", "coo", "cto", "cio", "head", "founder",
    "co-founder", "analyst", "spokesman", "spokeswoman", "spokesperson", "treasurer", "premier",
    "prime", "deputy", "general", "manager", "chancellor", "ambassador", "judge", "justice",
    "attorney", "representative", "adviser", "advisor", "strategist", "professor", "partner",
    "principal", "counsel", "superintendent", "inspector", "commander", "admiral", "sen",
    "rep", "gov", "gen", "lt", "col", "capt", "sgt", "supervisor", "chairperson",
    "administrator", "envoy", "lawmaker", "congressman", "congresswoman", "assemblyman",
}  # fmt: skip
# Company officers: a person with such a title and no organization works for the company.
COMPANY_ROLES = ("chief", "ceo", "cfo", "coo", "cto", "chairman", "chairwoman", "president",
                 "founder", "managing director")  # fmt: skip

# Capitalized words that never start a name (sentence openers, weekdays, months, adjectives).
STOP_CAPS = {
    "the", "a", "an", "in", "on", "at", "for", "but", "and", "or", "according", "as", "after",
    "if", "when", "while", "this", "that", "these", "those", "its", "his", "her", "their",
    "our", "some", "many", "most", "all", "other", "rival", "rivals", "low-cost", "globally",
    "worldwide", "domestic", "even", "only", "also", "among", "despite", "since", "with",
    "without", "by", "from", "to", "of", "about", "under", "over", "no", "not", "it", "he",
    "she", "they", "we", "i", "you", "there", "here", "what", "why", "how", "who", "which",
    "where", "meanwhile", "however", "still", "yet", "so", "then", "now", "last", "next",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
    "each", "every", "both", "because", "although", "though", "until", "unless", "whether",
    "during", "before", "through", "against", "between", "once", "instead",
    "such", "any", "more", "less", "much", "few", "several", "statement", "original", "data",
    "shares", "analysts", "investors", "economists", "officials", "bankers", "traders",
    "executives", "experts", "critics", "residents", "workers", "farmers", "researchers",
    "industry", "reinsurers", "unions", "carriers", "builders", "buyers", "exporters",
    "imports", "exports", "orders", "funding", "prices", "sales", "revenue", "profit",
}  # fmt: skip
CONNECTOR_WORDS = {"of", "and", "for", "de", "del", "da", "du", "van", "von", "der", "den",
                   "la", "le", "al", "bin", "&", "y"}  # fmt: skip
ATTRIBUTIVE_SUFFIXES = ("-based", "-listed", "-owned", "-headquartered", "-backed", "-run",
                        "-born", "-registered", "-controlled")  # fmt: skip
# Capitalized runs that are not people or organizations.
NOT_NAMES = {
    "chinese", "american", "european", "british", "french", "german", "japanese", "danish",
    "swedish", "norwegian", "czech", "dutch", "italian", "spanish", "indian", "korean",
    "canadian", "australian", "russian", "brazilian", "mexican", "argentine", "irish",
    "portuguese", "swiss", "finnish", "polish", "turkish", "nordic", "asian", "african",
    "western", "eastern", "northern", "southern", "central", "globally", "worldwide",
    "u.s.", "u.k.", "us", "uk", "eu", "ai", "gdp", "ceo", "cfo", "ipo", "covid", "covid-19",
    "tv", "it", "stem", "i", "ok", "q1", "q2", "q3", "q4", "h1", "h2", "fy", "rmb", "usd", "eur",
    "gbp", "jpy", "cny", "hkd", "inr", "krw", "rs", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip

ORG_DESCRIPTORS = {
    "firm", "company", "group", "provider", "consultancy", "agency", "exchange", "operator",
    "carrier", "airline", "maker", "bank", "insurer", "developer", "start-up", "startup",
    "publisher", "body", "lender", "retailer", "regulator", "broker", "brokerage", "fund",
    "producer", "supplier", "giant", "conglomerate", "utility", "automaker", "carmaker",
    "chipmaker", "platform", "outlet", "newspaper", "website", "institute", "university",
    "association", "council", "union", "ministry", "department", "tracker", "researcher",
    "manufacturer", "subsidiary", "unit", "rival", "builder", "lobby", "watchdog",
}  # fmt: skip
# "shipbroker", "drugmaker", "carmaker": compounds of an organization word.
ORG_DESCRIPTORS |= {
    "miner", "refiner", "steelmaker", "drugmaker", "planemaker", "shipper", "shipbuilder",
    "brewer", "grocer", "telco", "wholesaler", "distributor", "processor", "reinsurer",
    "manufacturer", "exporter", "importer", "chain", "studio", "lab", "club", "league",
    "rival", "seller", "buyer", "acquirer", "bidder", "retailer", "insurer",
}  # fmt: skip
# Descriptors that open a sentence before a company's name ("Rival Norvale's drug").
OPENING_DESCRIPTORS = {"rival", "brokerage", "lender", "carmaker", "automaker", "chipmaker",
                       "drugmaker", "miner", "refiner", "insurer", "retailer", "carrier"}  # fmt: skip
ORG_DESCRIPTOR_ENDINGS = ("broker", "maker", "owner", "company", "firm", "bank", "agency",
                          "provider", "operator", "producer", "insurer", "lender", "builder")  # fmt: skip
PERSON_DESCRIPTORS = {
    "analyst", "economist", "farmer", "executive", "spokesman", "spokeswoman", "spokesperson",
    "official", "minister", "director", "founder", "researcher", "professor", "author",
    "lawmaker", "senator", "investor", "trader", "strategist", "consultant", "chairman",
    "scientist", "engineer", "resident", "worker", "historian", "banker",
    "lawyer", "owner", "expert", "manager", "commissioner", "governor", "secretary", "mayor",
}  # fmt: skip

# Generic noun phrases that refer back to a named organization ("the company said").
COMPANY_HEADS = {
    "company", "firm", "group", "carrier", "airline", "bank", "lender", "insurer", "publisher",
    "retailer", "operator", "maker", "producer", "consultancy", "automaker", "carmaker",
    "developer", "utility", "builder", "miner", "steelmaker", "chipmaker", "brokerage",
    "conglomerate", "startup", "start-up", "platform", "network", "business", "manufacturer",
    "supplier", "provider", "giant", "reinsurer", "drugmaker", "planemaker", "shipbuilder",
    "exporter", "importer", "chain", "brewer", "refiner", "telco", "grocer", "investor",
    "owner", "lab", "studio", "shipowner", "broker", "shipbroker", "shipper", "trader",
    "distributor", "wholesaler", "processor", "exchange operator", "rival", "buyer", "seller",
    "acquirer", "bidder", "club", "institution",
}  # fmt: skip
INSTITUTION_HEADS = {
    "exchange", "department", "ministry", "agency", "council", "federation", "association",
    "office", "institute", "bureau", "commission", "regulator", "union", "body", "forum",
    "observatory", "service", "authority", "board", "committee", "foundation", "university",
    "watchdog", "tank", "lobby", "panel", "tribunal", "treasury", "legislature", "assembly",
    "league", "chamber", "government", "fund",
}  # fmt: skip
# Roles of people who speak for a government ("the government expects" after the treasurer).
GOVERNMENT_ROLES = ("treasurer", "minister", "secretary", "chancellor", "premier", "president",
                    "spokesman", "spokeswoman", "spokesperson")  # fmt: skip
_SUPERVISOR = {"regulatory", "regulation", "regulator", "commission", "authority", "supervision",
               "supervisory", "agency", "office", "ombudsman", "inspectorate"}  # fmt: skip
_BANK = {"bank", "banco", "banque", "banca", "bancorp", "reserve", "bankshares"}
# Words in an organization's name that a role-like generic noun fits ("the regulator" ->
# "Federal Energy Regulatory Commission", "the lender" -> "Capeland Bank").
HEAD_FITS = {
    "regulator": _SUPERVISOR, "watchdog": _SUPERVISOR | {"quality", "standards", "competition"},
    "agency": {"agency", "administration", "office", "bureau", "service", "commission",
               "authority", "institute", "statistics", "inspectorate", "ratings"},
    "bank": _BANK, "lender": _BANK | {"credit", "finance", "financial", "savings", "mortgage"},
    "institution": _BANK | {"institute", "institution", "fund", "university"},
    "insurer": {"insurance", "assurance", "re", "reinsurance", "mutual", "life"},
    "reinsurer": {"re", "reinsurance"},
    "carrier": {"airlines", "airways", "air", "airline", "shipping", "lines", "telecom",
                "mobile", "cargo", "express", "maritime"},
    "airline": {"airlines", "airways", "air", "aviation"},
    "exchange": {"exchange", "bourse", "stock"}, "ministry": {"ministry", "department"},
    "department": {"ministry", "department"}, "council": {"council"},
    "federation": {"federation"}, "association": {"association", "federation"},
    "league": {"league", "liga", "ligue", "serie", "bundesliga", "eredivisie"},
    "club": {"city", "united", "fc", "rovers", "athletic", "wanderers", "town", "county",
             "albion", "hotspur", "rangers", "real", "sporting", "olympique", "club"}, "authority": {"authority", "authorities"},
    "commission": {"commission"}, "bureau": {"bureau"}, "treasury": {"treasury"},
    "group": {"group", "holdings", "opec", "opec+", "consortium", "alliance", "association",
              "federation", "council"},
    "utility": {"power", "energy", "electric", "utilities", "gas", "water"},
    "brokerage": {"securities", "brokerage", "capital", "equities"},
    "port": {"port", "harbour", "harbor"},
    "office": {"statistics", "statistical", "bureau"},
    "body": {"association", "council", "federation", "board", "institute", "organisation",
             "organization", "authority", "commission", "agency", "union", "chamber"},
}  # fmt: skip
REPORT_NOUNS = {
    "report", "reports", "data", "figures", "statistics", "estimates", "estimate", "survey",
    "study", "ranking", "rankings", "analysis", "calculations", "count", "forecast",
    "forecasts", "index", "research", "tally", "numbers", "findings", "projections", "poll",
    "statement", "filing", "release", "note", "minutes", "review", "announcement",
}  # fmt: skip
PEOPLE_GROUPS = {"analysts", "researchers", "economists", "experts", "officials", "scientists",
                 "strategists", "executives", "spokespeople", "staff", "spokesman",
                 "spokeswoman", "spokesperson", "official", "representative", "executive",
                 "analyst", "economist", "strategist", "researcher", "management"}  # fmt: skip
