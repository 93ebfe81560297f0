"""The commented example ``claimwatch.toml`` that ``claimwatch init`` writes."""

EXAMPLE_CONFIG = """\
# claimwatch configuration. Every key is optional except each outlet's name.
# Reference: README.md, section "Configuration".

[database]
path = "claimwatch.db"          # relative paths are relative to this file

[crawl]
user_agent = "claimwatch/0.1 (+https://example.org/contact)"
obey_robots = true              # obey robots.txt
delay = 1.0                     # seconds between requests to one site
concurrency_per_site = 2        # parallel requests per site
max_page_bytes = 10_000_000     # skip pages larger than this
allow_private = false           # allow private and loopback addresses (tests, intranets)
timeout = 30.0                  # seconds before a request times out
max_pages = 0                   # stop an outlet's crawl after this many pages (0: no limit)
recheck_days = 14               # re-fetch articles younger than this on every scheduled run

# One [[outlets]] table per news site or feed.
[[outlets]]
name = "example-wire"
feeds = ["https://news.example.org/rss.xml"]
sitemaps = ["https://news.example.org/sitemap.xml"]
sections = ["https://news.example.org/world/"]
article_pattern = "/\\\\d{4}/\\\\d{2}/"   # regex on the URL path of article links in sections
language = "auto"               # or "en", "zh"
every = "1h"                    # scheduled by `claimwatch schedule run`

[digest]
every = "mon 07:00"             # weekday and time of the weekly digest
output = "digests/"             # folder for digest files
formats = ["html", "md"]        # any of md, html, json, csv, atom
email = []                      # recipients of the digest (uses [notify.smtp])

[notify]
webhook = ""                    # POST new flags as JSON to this URL
email = []                      # recipients of flag mails
smtp = { host = "localhost", port = 25 }

[schedule]
crawl_timeout = "30m"           # kill a scheduled crawl after this long
misfire_grace = "10m"           # run a missed job if it is at most this late

[distributed]
redis = ""                      # e.g. "redis://127.0.0.1:6379/0" for distributed crawls
"""
