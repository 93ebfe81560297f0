"""Chinese stages: sentences (text), numerals and figures (numerals, units, numbers), names,
attribution (sources), subject and claim assembly (subject, claims); traditional characters are
read through their simplified forms (traditional)."""
