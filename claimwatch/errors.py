"""Exceptions the CLI turns into exit codes (library layers raise their own typed errors)."""


class WorkFailed(Exception):
    """Some of the work failed (pages, files); printed as one line, exit status 1."""


class UsageError(Exception):
    """A user mistake the library cannot recover from; printed as one line, exit status 2."""
