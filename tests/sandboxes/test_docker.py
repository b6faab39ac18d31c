"""The Docker sandbox with the real engine: the sandbox contract, then the walls.

Each wall test sends a CV trial whose generated feature code does the hostile thing, checks the trial
comes back FAIL/TIMEOUT with a clear reason, that the host is untouched, and that the same sandbox runs
the next normal trial.
"""

from __future__ import annotations

import ipaddress
import pickle
import socket
import uuid

import numpy as np
import pandas as pd
import pytest
from engine import containers, host_address

from mlpilot.errors import MlpilotError
from mlpilot.sandboxes import trial_output
from mlpilot.agent.engineer import with_columns
from mlpilot.sandboxes.docker import DockerSandbox
from mlpilot.sandboxes.feature_code import apply_feature_code, feature_sandbox
from mlpilot.sandboxes.image import docker_client
from mlpilot.sandboxes.testing import SandboxContract, evil, variant
from mlpilot.tools.model_io import load_model


@pytest.mark.docker
class TestDockerSandbox(SandboxContract):
    def make(self, data_dir, out_dir, limits):
        return DockerSandbox(data_dir, out_dir, limits)

    def test_container_is_locked_down(self, sandbox):
        host = docker_client().containers.get(sandbox._container).attrs["HostConfig"]
        assert host["NetworkMode"] == "none" and host["ReadonlyRootfs"] is True
        assert host["CapDrop"] == ["ALL"] and "no-new-privileges" in host["SecurityOpt"]
        assert host["Memory"] == self.limits.memory_mb << 20 and host["MemorySwap"] == host["Memory"]
        assert host["PidsLimit"] == self.limits.pids and host["NanoCpus"] == self.limits.cpus * 10**9
        assert host["Tmpfs"] == {"/tmp": f"rw,nosuid,nodev,noexec,size={self.limits.tmpfs_mb}m"}
        modes = {bind.split(":")[1]: bind.split(":")[2] for bind in host["Binds"]}
        assert modes == {"/data": "ro", "/out": "rw", "/opt/mlpilot/mlpilot": "ro"}
        user = docker_client().containers.get(sandbox._container).attrs["Config"]["User"]
        assert not user.startswith("0")

    def test_cannot_read_a_host_secret(self, sandbox, job, tmp_path):
        secret = tmp_path / "host-secret.txt"
        token = uuid.uuid4().hex
        secret.write_text(token)
        code = evil(f"""
            import os
            token = {token[::-1]!r}[::-1]
            found = []
            for path in [{str(secret)!r}, '/proc/1/root' + {str(secret)!r}]:
                try:
                    found.append(open(path).read())
                except OSError:
                    pass
            for top in ['/data', '/out', '/opt', '/tmp', '/etc', '/root', '/home', '/mnt', '/srv', '/var', '/run']:
                for folder, _, names in os.walk(top):
                    for name in names:
                        try:
                            with open(os.path.join(folder, name), 'rb') as f:
                                if token.encode() in f.read(1 << 20):
                                    found.append(os.path.join(folder, name))
                        except OSError:
                            pass
            raise PermissionError(f'found {{found}}')
        """)
        outcome = sandbox.run(variant(job, "secret", code), timeout_s=60)
        assert outcome.status == "FAIL" and outcome.reason == "PermissionError: found []"
        self.assert_still_works(sandbox, job)

    def test_cannot_reach_the_host_or_the_outside(self, sandbox, job):
        server = socket.create_server(("0.0.0.0", 0))
        port = server.getsockname()[1]
        subnet = docker_client().networks.get("bridge").attrs["IPAM"]["Config"][0]["Subnet"]
        gateway = str(ipaddress.ip_network(subnet)[1])  # the host, as bridged containers see it
        targets = [("127.0.0.1", port), (gateway, port), (host_address(), port), ("1.1.1.1", 443), ("pypi.org", 443)]
        code = evil(f"""
            import socket
            results = []
            for host, port in {targets!r}:
                try:
                    socket.create_connection((host, port), timeout=3).sendall(b'leak')
                    results.append(host + ' connected')
                except OSError as err:
                    results.append(host + ' ' + type(err).__name__)
            raise ConnectionError('; '.join(results))
        """)
        outcome = sandbox.run(variant(job, "net", code), timeout_s=60)
        assert outcome.status == "FAIL" and outcome.reason.startswith("ConnectionError: ")
        assert "connected" not in outcome.reason and all(f"{host} " in outcome.reason for host, _ in targets)
        server.settimeout(0.5)
        with pytest.raises(TimeoutError):
            server.accept()  # nothing reached the server...
        with socket.create_connection(("127.0.0.1", port)):
            server.accept()[0].close()  # ...which was listening all along
        server.close()
        self.assert_still_works(sandbox, job)

    def test_fork_bomb_is_contained(self, sandbox, job):
        first = sandbox._container
        outcome = sandbox.run(variant(job, "forks", evil("import os\nwhile True:\n    os.fork()")), timeout_s=60)
        assert outcome.status == "FAIL" and "Resource temporarily unavailable" in outcome.reason
        sandbox.warm_up()
        running = [c.name for c in containers(**{"mlpilot.run": sandbox.run_id})]
        assert running == [sandbox._container] != [first]  # the container and its forks are gone
        self.assert_still_works(sandbox, job)

    def test_memory_past_the_limit_is_contained(self, sandbox, job):
        code = evil("blocks = []\nwhile True:\n    blocks.append(b'x' * (64 << 20))")
        outcome = sandbox.run(variant(job, "memory", code), timeout_s=60)
        assert outcome.status == "FAIL" and "out of memory" in outcome.reason
        self.assert_still_works(sandbox, job)

    def test_loop_forever_is_killed_and_removed(self, sandbox, job):
        first = sandbox._container
        outcome = sandbox.run(variant(job, "loop", evil("while True:\n    pass")), timeout_s=4)
        assert outcome.status == "TIMEOUT"
        sandbox.warm_up()
        replacement = [c.name for c in containers(**{"mlpilot.run": sandbox.run_id})]
        assert replacement == [sandbox._container] and sandbox._container != first
        self.assert_still_works(sandbox, job)

    def test_cannot_write_outside_the_output_mount(self, sandbox, job, tmp_path):
        planted = tmp_path / "planted.txt"
        targets = ["/evil", "/etc/evil", "/data/evil", "/data/train.parquet", "/opt/mlpilot/mlpilot/evil.py",
                   "/opt/venv/lib/python3.11/site-packages/sitecustomize.py", str(planted),
                   "/proc/sys/kernel/hostname", "/sys/fs/cgroup/evil"]
        code = evil(f"""
            wrote = []
            for path in {targets!r}:
                try:
                    with open(path, 'w') as f:
                        f.write('x')
                    wrote.append(path)
                except OSError:
                    pass
            with open('/out/trials/allowed.txt', 'w') as f:
                f.write('ok')
            raise PermissionError(f'wrote {{wrote}}')
        """)
        before = {p.name: p.stat().st_mtime for p in (tmp_path / "data").iterdir()}
        outcome = sandbox.run(variant(job, "write", code), timeout_s=60)
        assert outcome.status == "FAIL" and outcome.reason == "PermissionError: wrote []"
        assert (tmp_path / "out" / "trials" / "allowed.txt").read_text() == "ok"  # the code did run
        assert not planted.exists() and {p.name: p.stat().st_mtime for p in (tmp_path / "data").iterdir()} == before
        self.assert_still_works(sandbox, job)

    def test_filling_scratch_space_is_contained(self, sandbox, job):
        code = evil("""
            import os
            sizes = []
            for path in ['/tmp/fill', '/dev/shm/fill']:
                fd, mb = os.open(path, os.O_WRONLY | os.O_CREAT), 0
                try:
                    while True:
                        os.write(fd, b'0' * (1 << 20))
                        mb += 1
                except OSError as err:
                    sizes.append(f'{path} full at {mb} MB ({err.strerror})')
            raise OSError('; '.join(sizes))
        """)
        outcome = sandbox.run(variant(job, "fill", code), timeout_s=60)
        assert outcome.status == "FAIL", outcome.reason
        written = [int(part.split(" full at ")[1].split()[0]) for part in outcome.reason.split("; ")]
        assert written[0] <= self.limits.tmpfs_mb and written[1] <= 64, outcome.reason
        assert outcome.reason.count("No space left on device") == 2
        self.assert_still_works(sandbox, job)

    def test_malicious_model_files_are_refused(self, sandbox, job, tmp_path):
        marker = tmp_path / "pwned"
        code = evil(f"""
            import os, pickle
            import numpy as np
            import skops.io as sio
            from sklearn.preprocessing import FunctionTransformer

            class Payload:
                def __reduce__(self):
                    return (os.system, ('touch ' + {str(marker)!r},))

            out = '/out/final'
            os.makedirs(out, exist_ok=True)
            with open(out + '/model.pkl', 'wb') as f:
                pickle.dump(Payload(), f)
            with open(out + '/pickled.skops', 'wb') as f:
                pickle.dump(Payload(), f)
            np.save(out + '/oof.npy', np.array([Payload()], dtype=object), allow_pickle=True)
            sio.dump(FunctionTransformer(func=os.system, kw_args={{}}), out + '/model.skops')
        """)
        outcome = sandbox.run(variant(job, "pickle", code), timeout_s=60)
        assert outcome.status == "COMPLETE", outcome.reason  # the trial itself looks innocent
        final = tmp_path / "out" / "final"
        for name in ("model.pkl", "pickled.skops", "model.skops"):
            with pytest.raises(MlpilotError, match="refusing to load it"):
                load_model(final / name)
        with pytest.raises(ValueError, match="allow_pickle"):
            np.load(final / "oof.npy")
        assert not marker.exists()
        pickle.loads((final / "model.pkl").read_bytes())  # proof the payload was live: unpickling runs it
        assert marker.exists()

    def test_planted_links_and_devices_are_not_read(self, sandbox, job, tmp_path):
        secret = tmp_path / "host-secret.txt"
        secret.write_text("s3cret")
        code = evil(f"""
            import os
            os.makedirs('/out/trials/t9', exist_ok=True)
            os.symlink({str(secret)!r}, '/out/trials/t9/oof.npy')
            os.symlink('/', '/out/trials/root')
            os.mkfifo('/out/trials/t9/model.skops')
        """)
        outcome = sandbox.run(variant(job, "links", code), timeout_s=60)
        assert outcome.status == "COMPLETE", outcome.reason
        out = tmp_path / "out"
        assert (out / "trials/t9/oof.npy").read_text() == "s3cret"  # what a naive host read would get
        for planted in ("trials/t9/oof.npy", f"trials/root{secret}", "trials/t9/model.skops", "../data/folds.npy"):
            with pytest.raises(MlpilotError, match="refusing to read it"):
                trial_output(out, planted)
        assert trial_output(out, "trials/links/oof.npy").is_file()

    def test_model_with_generated_code_transforms_in_the_container(self, sandbox, job, tmp_path):
        code = evil("import socket\ndf = df.assign(e=df['a'] * 2, host=socket.gethostname())")
        fit = variant(job, "fitcode", code, kind="fit", folds_file=None,
                      profile=with_columns(job.profile, {"e": "numeric"}))
        outcome = sandbox.run(fit, timeout_s=60)
        assert outcome.status == "COMPLETE", outcome.reason
        model = load_model(sandbox.out_dir / outcome.model_file)
        frame = pd.read_parquet(sandbox.data_dir / "train.parquet").drop(columns="y")
        with feature_sandbox(sandbox):
            transformed = apply_feature_code(model.feature_code, frame.head(3))
            assert model.predict(frame).shape == (len(frame),)
        assert (transformed["host"] != socket.gethostname()).all() and "e" in transformed
