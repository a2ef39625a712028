"""The project's one atomic write in Python (the notebook executors, the grader, the bench's
Python peers): a temporary file in the same folder, then a rename, so a crash leaves the old
file or none, never half of one. The JavaScript side has its own, also one:
tools/common/write-file-atomically.mjs."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, 0o666 & ~current_umask())  # mkstemp makes it private (0600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
