"""The bundled sample news site (``site/``) and the loopback server ``claimwatch demo`` crawls."""
