"""``mlpilot chat`` through a real pseudo-terminal: a task asked, its plan approved, a follow-up, Ctrl-C during a
run, and the session continued by a second process."""

from __future__ import annotations

import sys
from pathlib import Path

import pexpect
import pytest

from mlpilot.chat.session import ChatSession

MLPILOT = str(Path(sys.executable).with_name("mlpilot"))
PROMPT = "you>"


def chat(tmp_path, *args):
    child = pexpect.spawn(MLPILOT, ["chat", "--session", "t", "--out", str(tmp_path / "out"), *args],
                          cwd=str(tmp_path), encoding="utf-8", timeout=120, dimensions=(50, 160),
                          env={"PATH": str(Path(sys.executable).parent), "HOME": str(tmp_path), "TERM": "xterm"})
    child.expect(PROMPT)
    return child


@pytest.mark.slow
def test_terminal_chat_runs_follows_up_stops_and_continues(tmp_path, churn_files):
    train, _ = churn_files
    child = chat(tmp_path, "--data", str(train))
    child.sendline("how many rows are there?")
    child.expect("1,200 rows")
    child.expect(PROMPT)
    child.sendline("predict churn, ROC AUC, 10 seconds")
    child.expect("Go ahead?")
    child.expect("answer>")
    child.sendline("yes")
    child.expect("Delivered a model of 'churn'")
    child.expect(PROMPT)
    child.sendline("what did the verifier check?")
    child.expect(r"beats_dummy \[ok\]")
    child.expect(PROMPT)
    child.sendline("give it 2 more minutes")  # the same study, searched again
    child.expect("searching")  # the live trial bar of the run
    child.sendintr()
    child.expect("Stopped \\(Ctrl-C\\)")
    child.expect(PROMPT)
    child.sendline("exit")
    child.expect("conversation kept")
    child.expect(pexpect.EOF)

    again = chat(tmp_path)  # a second process continues the same session
    again.sendline("show the leaderboard")
    again.expect("roc_auc")
    again.expect(PROMPT)
    again.sendeof()
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 0
    session = ChatSession("t", tmp_path / "out")
    texts = [t.text for t in session.state.turns]
    assert texts[-4:-2] == ["give it 2 more minutes", "Stopped (Ctrl-C). Finished trials are kept in the run "
                                                      "directory; the conversation goes on."]
    assert len(session.state.runs) == 1
