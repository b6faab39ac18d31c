"""One process at a time in a run directory: an advisory lock, held while a run (or its resume) works there.

``flock`` locks belong to the open file, so the system releases them when the holder dies, even by SIGKILL:
a killed run can always be resumed, and a live one is never written to twice.
"""

from __future__ import annotations

import fcntl
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mlpilot.errors import MlpilotError

LOCK_FILE = "run.lock"


@contextmanager
def run_lock(run_dir: Path) -> Iterator[None]:
    """Hold ``run_dir``'s lock; a one-line error naming the holder when another process has it."""
    path = Path(run_dir) / LOCK_FILE
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise MlpilotError(f"{run_dir} is in use by {holder}: wait for that run to end (or stop it), "
                               "then retry") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()} on {socket.gethostname()}")
        handle.flush()
        yield
