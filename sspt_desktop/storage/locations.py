"""Where SSPT Desktop keeps its files: platformdirs by default, or one folder for everything.

Every file the app writes is under ``data_dir``, so ``--data-dir`` gives a portable install and
tests a throwaway folder, and nothing about students is written anywhere else.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from sspt_desktop.storage.errors import DataFolderReadOnly

APP_NAME = "SSPT Desktop"
APP_AUTHOR = "SSPT Desktop"


@dataclass(frozen=True, slots=True)
class DataLocations:
    """The files of one SSPT record, all below ``data_dir``."""

    data_dir: Path

    @classmethod
    def default(cls) -> DataLocations:
        return cls(Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False)))

    @property
    def database(self) -> Path:
        return self.data_dir / "sspt.db"

    @property
    def key_envelope(self) -> Path:
        return self.data_dir / "key.json"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "sspt.lock"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    def prepare(self) -> None:
        """Create the folder if needed and prove it is writable, before anything is typed."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            fd, probe = tempfile.mkstemp(prefix=".write-test-", dir=self.data_dir)
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            raise DataFolderReadOnly(
                f"SSPT Desktop cannot write to its data folder ({self.data_dir}): "
                f"{exc.strerror or exc}. Nothing was changed. Choose a folder you can write to "
                "(--data-dir) or ask IT to fix the folder's permissions."
            ) from None
