"""Writing files safely: every output goes to a temporary file beside the target, then replaces
it."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import DataError
from .words import error_message


def write_atomic(path: Path | str, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` atomically (a reader sees the old file or the new one, never half
    of it).

    Only a regular file or a new path is written: a FIFO, a device, a socket or a symbolic link
    (e.g. to ``/proc/self/fd/1``) is refused rather than replaced by a regular file.
    """
    return write_all({Path(path): data})[0]


def write_all(files: Mapping[Path, str | bytes]) -> list[Path]:
    """Write several files all or nothing: each goes to a temporary file beside its target first,
    and only when every one is written are they moved into place (so a failure leaves none of them
    half-written)."""
    for path in files:
        check_writable(path)
    temporary: list[tuple[str, Path]] = []
    current = Path()
    try:
        umask = os.umask(0)
        os.umask(umask)
        for current, data in files.items():
            current.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(
                prefix=f".{current.name}.", suffix=".tmp", dir=current.parent
            )
            temporary.append((tmp, current))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; outputs get the usual permissions
        for tmp, current in temporary:
            os.replace(tmp, current)
    except OSError as exc:
        raise DataError(
            error_message("error.unwritable", path=current, reason=exc.strerror or exc)
        ) from None
    finally:
        for tmp, _ in temporary:
            Path(tmp).unlink(missing_ok=True)
    return list(files)


_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def check_writable(path: Path | str) -> None:
    """Refuse an output path that exists and is not a regular file (:class:`DataError` saying what
    it is)."""
    path = Path(path)
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DataError(
            error_message("error.unwritable", path=path, reason=exc.strerror or exc)
        ) from None
    if stat.S_ISLNK(mode):
        raise DataError(error_message("error.symlink", path=path, target=os.readlink(path)))
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "a special file")
        raise DataError(f"{path}: not a regular file ({kind}); sckg writes only regular files.")


def check_outputs(*paths: Path | str) -> None:
    """Check, before any work is done, that each path can be written: a regular file or a new path
    in a folder that exists (or can be made) and is writable. A command writing several files calls
    this first, so it fails before writing the first one."""
    for path in map(Path, paths):
        check_writable(path)
        folder = path.absolute().parent
        while not folder.exists():
            folder = folder.parent
        if not folder.is_dir():
            reason = error_message("error.not_folder", folder=folder)
            raise DataError(error_message("error.unwritable", path=path, reason=reason))
        if not os.access(folder, os.W_OK | os.X_OK):
            reason = error_message("error.no_permission", folder=folder)
            raise DataError(error_message("error.unwritable", path=path, reason=reason))
