"""``mlpilot chat`` through a real pseudo-terminal: a task asked, its plan approved, a follow-up, Ctrl-C during a
run, and the session continued by a second process."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pexpect
import pytest

from mlpilot.chat.session import ChatSession

MLPILOT = str(Path(sys.executable).with_name("mlpilot"))
PROMPT = "you>"
ARTIFACTS = Path(os.environ.get("MLPILOT_ARTIFACTS", "test-artifacts"))


def ignoring_sigint():
    """Start the child with SIGINT ignored, as a shell's background job (or nohup) would: Ctrl-C must still work."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def chat(tmp_path, *args):
    """``mlpilot chat`` in a pseudo-terminal; what it prints is kept in $MLPILOT_ARTIFACTS/terminal-chat.log."""
    child = pexpect.spawn(MLPILOT, ["chat", "--session", "t", "--out", str(tmp_path / "out"), *args],
                          cwd=str(tmp_path), encoding="utf-8", timeout=120, dimensions=(50, 160),
                          env={"PATH": str(Path(sys.executable).parent), "HOME": str(tmp_path), "TERM": "xterm"},
                          preexec_fn=ignoring_sigint)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    child.logfile_read = open(ARTIFACTS / "terminal-chat.log", "a")
    child.expect(PROMPT)
    return child


def answer(child, text):
    child.expect("answer>")
    child.sendline(text)


@pytest.mark.slow
def test_terminal_chat_asks_reviews_runs_follows_up_stops_and_continues(tmp_path, churn_files):
    """The complete conversation in a terminal: a data question, a clarifying question, the plan changed once then
    approved, a rerun without a column, predictions on a new file, Ctrl-C during a run, leave and continue."""
    train, new = churn_files
    child = chat(tmp_path, "--data", str(train))
    child.sendline("how many rows are there?")
    child.expect("1,200 rows")
    child.expect(PROMPT)
    child.sendline("build a model for this table, accuracy, 10 seconds")
    child.expect("Which column should I predict?")
    answer(child, "churn")
    child.expect("Go ahead?")
    answer(child, "only linear models")
    child.expect(r"Families, in trying order: linear\.")
    answer(child, "yes")
    child.expect("Delivered a model of 'churn'")
    child.expect(PROMPT)
    child.sendline("drop tenure and rerun")
    child.expect(r"Left out: tenure \(you asked\)")
    answer(child, "yes")
    child.expect("Delivered a model of 'churn'")
    child.expect(PROMPT)
    child.sendline(f"predict on {new}")
    child.expect("Wrote 300 predictions")
    child.expect(PROMPT)
    child.sendline("give it 2 more minutes")  # the same study, searched again
    child.expect("searching")  # the live trial bar of the run
    time.sleep(1)
    child.sendintr()
    child.expect("Stopped \\(Ctrl-C\\)", timeout=30)
    child.expect(PROMPT)
    child.sendline("exit")
    child.expect("conversation kept")
    child.expect(pexpect.EOF)

    again = chat(tmp_path)  # a second process continues the same session
    again.sendline("what did the verifier check?")
    again.expect(r"beats_dummy \[ok\]")
    again.expect(PROMPT)
    again.sendeof()
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 0
    session = ChatSession("t", tmp_path / "out")
    texts = [t.text for t in session.state.turns]
    assert texts[-4] == "give it 2 more minutes"
    assert texts[-3] == (f"Stopped (Ctrl-C). The run in {session.state.runs[-1]} keeps its finished trials: \"give "
                         "it 30 more seconds\" continues it. The conversation goes on.")
    assert len(session.state.runs) == 2 and (session.state.exclude, session.state.families) == (["tenure"], ["linear"])
