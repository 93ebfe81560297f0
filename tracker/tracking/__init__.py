"""Tracking of stored versions: extraction of untracked versions (ingest), alignment and
comparison of claims (diff) and the flags they raise (flagging). The only bridge to ``db/``."""
