"""Scheduled work: crawls in subprocesses on a timetable, the weekly digest, flag delivery.

``scheduler`` (job store, daemon, lock), ``jobs`` (what a job does), ``triggers``
(crontab and intervals), ``notify`` (log, webhook and email delivery of flags).
"""
