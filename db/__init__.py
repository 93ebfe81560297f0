"""The database layer: SQLite schema and migrations, writes and queries. Every SQL statement lives here."""
