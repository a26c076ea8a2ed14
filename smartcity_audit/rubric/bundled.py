"""Find the rubrics shipped with the package."""

from __future__ import annotations

from pathlib import Path

DEFAULT_RUBRIC = "gm100sc"


def bundled_dir() -> Path:
    """Return the folder of bundled rubrics.

    An installed wheel carries them as package data; a source checkout (and an editable
    install) reads the repository's top-level ``rubrics/`` folder.
    """
    package = Path(__file__).resolve().parent.parent
    packaged = package / "_bundled_rubrics"
    return packaged if packaged.is_dir() else package.parent / "rubrics"


def bundled_names() -> list[str]:
    """Return the names of the bundled rubrics, sorted."""
    folder = bundled_dir()
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []


def bundled_path(name: str) -> Path | None:
    """Return the file of a bundled rubric, or ``None`` when there is none of that name."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        return None
    path = bundled_dir() / f"{name}.yaml"
    return path if path.is_file() else None
