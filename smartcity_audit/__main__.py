"""Run the command line with ``python -m smartcity_audit``."""

from smartcity_audit.cli import run

run()
