from mlpilot.sandboxes import Limits, LocalSandbox
from mlpilot.sandboxes.testing import SandboxContract, evil, variant


class TestLocalSandbox(SandboxContract):
    def make(self, data_dir, out_dir, limits):
        return LocalSandbox(data_dir, out_dir, limits)

    def test_memory_limit_is_a_failed_trial(self, sandbox, job):
        outcome = sandbox.run(variant(job, "hog", evil("x = bytearray(4 * 1024 ** 3)")), timeout_s=30)
        assert outcome.status == "FAIL" and "memory" in outcome.reason
        self.assert_still_works(sandbox, job)

    def test_worker_is_replaced_after_a_timeout(self, tmp_path, job):
        with LocalSandbox(tmp_path / "data", tmp_path / "out", Limits(memory_mb=2048)) as box:
            box.warm_up()
            first = box._proc.pid
            assert box.run(variant(job, "loop", evil("while True:\n    pass")), timeout_s=2).status == "TIMEOUT"
            assert box._proc.pid != first
