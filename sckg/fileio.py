"""Writing files safely: every output goes to a temporary file beside the target, then replaces it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import DataError


def write_atomic(path: Path | str, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` atomically (a reader sees the old file or the new one, never half of it)."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; outputs get the usual permissions
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise DataError(f"{path}: cannot be written ({exc.strerror or exc})") from None
    return path
