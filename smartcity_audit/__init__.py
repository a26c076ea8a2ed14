"""Audit folders of DOCX/PDF evidence against smart-city evaluation rubrics."""

__version__ = "0.1.0"
