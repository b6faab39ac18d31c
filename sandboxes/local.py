"""The embedded default: the worker as a local subprocess in its own process group, with rlimits."""

from __future__ import annotations

import os
import resource
import subprocess
import sys

from mlpilot.sandboxes.base import WorkerSandbox


class LocalSandbox(WorkerSandbox):
    """Runs trials in a child process: memory capped with RLIMIT_AS, threads capped, killed as a group."""

    name = "local"

    def _spawn(self, log) -> subprocess.Popen:
        memory = self.limits.memory_mb * 1024 * 1024

        def limit() -> None:  # runs in the child before exec
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

        threads = str(self.limits.cpus)
        env = {**os.environ, "OMP_NUM_THREADS": threads, "OPENBLAS_NUM_THREADS": threads,
               "MKL_NUM_THREADS": threads, "PYTHONUNBUFFERED": "1"}
        return subprocess.Popen(
            [sys.executable, "-m", "mlpilot.sandboxes.worker",
             "--data-dir", str(self.data_dir), "--out-dir", str(self.out_dir)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, env=env,
            start_new_session=True, preexec_fn=limit, cwd=self.out_dir,
        )
