"""English stages: sentences (text), numbers, names, attribution (cues, coref, sources) and
claim assembly with subject and key (subject, claims)."""
