"""The crawler: Scrapy spiders, HTML -> Article extraction, and the pipeline that stores versions."""
