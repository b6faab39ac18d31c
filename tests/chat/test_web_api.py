"""The chat's JSON API over real HTTP: sessions, uploads, messages, the event stream, downloads, and its guards."""

from __future__ import annotations

import json

import httpx
import pytest

from server import serving


def events_until(client, session, kind, after=-1, timeout=120):
    """Read the session's server-sent events until one of ``kind``; return them all."""
    seen = []
    with client.stream("GET", f"/api/sessions/{session}/events", params={"after": after}, timeout=timeout) as stream:
        for line in stream.iter_lines():
            if line.startswith("data: "):
                seen.append(json.loads(line[6:]))
                if seen[-1]["kind"] == kind:
                    return seen
    raise AssertionError(f"the stream ended before a {kind} event")


@pytest.mark.slow
def test_api_runs_a_conversation_end_to_end(tmp_path, churn_files):
    train, new = churn_files
    with serving(tmp_path / "out") as url, httpx.Client(base_url=url, timeout=30) as client:
        session = client.post("/api/sessions", json={}).json()["id"]
        assert client.post(f"/api/sessions/{session}/files",
                           files={"file": ("train.csv", train.read_bytes())}).json()["name"] == "train.csv"
        assert client.post(f"/api/sessions/{session}/messages",
                           json={"text": "predict churn, ROC AUC, 10 seconds"}).json() == {"accepted": "turn"}
        seen = events_until(client, session, "question")
        assert "Plan: predict 'churn'" in seen[-1]["text"]
        busy = client.post(f"/api/sessions/{session}/messages", json={"text": "yes"})
        assert busy.json() == {"accepted": "answer"}  # a pending question takes the next message as its answer
        seen = events_until(client, session, "idle", after=seen[-1]["id"])
        kinds = {e["kind"] for e in seen}
        assert {"progress", "delivered", "message"} <= kinds
        assert any(e["kind"] == "progress" and e["event"]["kind"] == "trial" for e in seen)
        assert seen[-2]["text"].startswith("Delivered a model of 'churn'")
        names = [f["name"] for f in client.get(f"/api/sessions/{session}/files").json()]
        assert {"model.skops", "report.html", "summary.json"} <= set(names)
        assert client.get(f"/api/sessions/{session}/files/summary.json").json()["metric"] == "roc_auc"

        client.post(f"/api/sessions/{session}/files", files={"file": ("new.csv", new.read_bytes())})
        client.post(f"/api/sessions/{session}/messages", json={"text": "predict on new.csv"})  # the upload
        events_until(client, session, "idle", after=seen[-1]["id"])
        predictions = client.get(f"/api/sessions/{session}/files/predictions-new.csv")
        assert predictions.status_code == 200 and len(predictions.text.splitlines()) == 301


def test_api_guards_its_inputs(tmp_path, churn_files):
    train, _ = churn_files
    with serving(tmp_path / "out", max_upload_mb=0.1) as url, httpx.Client(base_url=url, timeout=30) as client:
        session = client.post("/api/sessions", json={"name": "guards"}).json()["id"]
        big = client.post(f"/api/sessions/{session}/files", files={"file": ("train.csv", train.read_bytes())})
        assert big.status_code == 413 and "upload limit" in big.json()["detail"]
        odd = client.post(f"/api/sessions/{session}/files", files={"file": ("../../etc/x.csv", b"a,b\n1,2\n")})
        assert odd.json()["name"] == "x.csv"
        assert (tmp_path / "out" / "sessions" / "guards" / "files" / "x.csv").is_file()
        junk = client.post(f"/api/sessions/{session}/files", files={"file": ("notes.csv", b"")})
        assert junk.status_code == 400 and "empty" in junk.json()["detail"]
        broken = client.post(f"/api/sessions/{session}/files", files={"file": ("odd.csv", b'a,b\n"1,2\n')})
        assert broken.status_code == 400 and "'odd.csv' is not a well-formed table" in broken.json()["detail"]
        assert str(tmp_path) not in broken.json()["detail"] + junk.json()["detail"]  # no server paths
        assert client.get(f"/api/sessions/{session}/files/..%2F..%2Fsessions").status_code == 404
        assert client.post("/api/sessions/nope/messages", json={"text": "hi"}).status_code == 404
        assert client.post(f"/api/sessions/{session}/messages", json={"text": " "}).status_code == 400
        bad = client.post("/api/sessions", json={"name": "../x"})
        assert bad.status_code == 400 and "session name" in bad.json()["detail"]

    with serving(tmp_path / "out", token="s3cret") as url, httpx.Client(base_url=url) as client:
        assert client.post("/api/sessions", json={}).status_code == 401
        assert client.post("/api/sessions", json={}, headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert client.get("/").status_code == 200  # the page itself, which then passes the token along


@pytest.mark.slow
def test_stop_ends_the_search_and_delivers_the_best_model_so_far(tmp_path, churn_files):
    train, _ = churn_files
    with serving(tmp_path / "out") as url, httpx.Client(base_url=url, timeout=30) as client:
        session = client.post("/api/sessions", json={}).json()["id"]
        idle = client.post(f"/api/sessions/{session}/stop")
        assert idle.status_code == 409 and "nothing is running" in idle.json()["detail"]
        client.post(f"/api/sessions/{session}/files", files={"file": ("train.csv", train.read_bytes())})
        client.post(f"/api/sessions/{session}/messages", json={"text": "predict churn, ROC AUC, 5 minutes"})
        seen = events_until(client, session, "question")
        asking = client.post(f"/api/sessions/{session}/stop")
        assert asking.status_code == 409 and "waiting for your answer" in asking.json()["detail"]
        client.post(f"/api/sessions/{session}/messages", json={"text": "yes"})
        seen = [e for e in events_until(client, session, "progress", after=seen[-1]["id"])]
        while not (seen[-1]["kind"] == "progress" and seen[-1]["event"]["kind"] == "trial"):
            seen += events_until(client, session, "progress", after=seen[-1]["id"])
        assert client.post(f"/api/sessions/{session}/stop").json() == {"accepted": "stop"}
        seen = events_until(client, session, "idle", after=seen[-1]["id"])
        delivered = [e for e in seen if e["kind"] == "delivered"][0]["event"]
        assert delivered["elapsed_s"] < 100  # of 300
        reply = seen[-2]["text"]
        assert reply.startswith("Delivered a model of 'churn'") and "stopped early when asked" in reply
        names = [f["name"] for f in client.get(f"/api/sessions/{session}/files").json()]
        assert {"model.skops", "report.html"} <= set(names)
