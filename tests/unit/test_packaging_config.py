"""The package declaration and the lock agree with the tree and with what we tested."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _pyproject() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_python_package_of_the_app_is_declared() -> None:
    # A package missing here is left out of an installed wheel, though tests run from the tree.
    declared = set(_pyproject()["tool"]["setuptools"]["packages"])  # type: ignore[index]
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "sspt_desktop").rglob("__init__.py")
    }
    assert found <= declared, f"not declared in pyproject.toml: {sorted(found - declared)}"


def test_the_lock_pins_every_package_with_hashes_and_never_the_broken_pyside() -> None:
    lock = (ROOT / "packaging" / "requirements.lock").read_text(encoding="utf-8")
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==([^ \\;]+)", lock, flags=re.MULTILINE))
    for name in ("pyside6-essentials", "pyside6-addons", "shiboken6"):
        assert pins.get(name) not in (None, "6.12.0"), name
    assert pins["pyside6-essentials"] == pins["pyside6-addons"] == pins["shiboken6"]
    for name in ("sqlalchemy", "sqlcipher3", "alembic", "reportlab", "keyring", "platformdirs"):
        assert name in pins, f"{name} is not pinned in the lock"
    blocks = re.split(r"^(?=[A-Za-z0-9_.-]+==)", lock, flags=re.MULTILINE)[1:]
    assert blocks and all("--hash=sha256:" in block for block in blocks)
    # The lock names no local index or folder: it installs the same everywhere.
    assert "--find-links" not in lock and "--index-url" not in lock
