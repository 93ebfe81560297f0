"""CLI commands, one module each; registered in claimwatch/cli.py."""
