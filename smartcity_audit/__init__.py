"""Audit folders of DOCX/PDF evidence against smart-city evaluation rubrics."""

__version__ = "0.1.0"

# The cyclic garbage collector's thresholds for the command and its workers. A scan builds
# hundreds of thousands of small, long-lived objects and hardly any reference cycles; at the
# default (700) the collector kept walking them all, a quarter of a 10,000-document rescan.
GC_THRESHOLD = (10_000, 10, 10)
