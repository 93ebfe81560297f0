"""Spiders: one generic outlet spider driven by the [[outlets]] of claimwatch.toml."""
