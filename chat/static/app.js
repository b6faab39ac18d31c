// The mlpilot chat page: a client of the JSON API (see mlpilot/chat/web.py), no libraries, works offline.
const params = new URLSearchParams(location.search);
const token = params.get("token");
const auth = token ? { Authorization: "Bearer " + token } : {};
const $ = (id) => document.getElementById(id);
let session = null, searchBudget = 1, trials = [], metric = "score", greater = true;

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { ...auth, ...(options.headers || {}) } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || response.statusText);
  return body;
}

function say(role, text) {
  const div = document.createElement("div");
  div.className = "msg " + role;
  div.textContent = text;
  $("messages").appendChild(div);
  $("messages").scrollTop = $("messages").scrollHeight;
}

function onProgress(e) {
  if (e.kind === "stage") $("stage").textContent = `${e.stage}: ${e.detail} (${e.elapsed_s.toFixed(0)} s)`;
  if (e.kind === "search_started") {
    searchBudget = e.budget_s; trials = []; metric = e.metric; greater = e.greater_is_better;
    $("metric").textContent = metric; $("bar").max = searchBudget; $("bar").dataset.start = e.elapsed_s;
  }
  if (e.kind === "trial") {
    $("bar").value = e.elapsed_s - Number($("bar").dataset.start || 0);
    if (e.trial.state === "COMPLETE" && e.trial.value !== null) trials.push(e.trial);
    trials.sort((a, b) => greater ? b.value - a.value : a.value - b.value);
    $("best").textContent = `trials finished: ${trials.length} · best ${e.best_value === null ? "–" : e.best_value.toFixed(4)}`;
    $("leaderboard").querySelector("tbody").innerHTML = trials.slice(0, 8).map((t) =>
      `<tr><td>${t.number}</td><td>${t.config.family || ""}</td><td>${t.value.toFixed(4)}</td><td>${t.seconds.toFixed(1)}</td></tr>`).join("");
  }
  if (e.kind === "note" && e.level === "warning") say("assistant", "⚠ " + e.message);
}

async function refreshDownloads() {
  const files = await api(`/api/sessions/${session}/files`);
  $("downloads").innerHTML = files.length ? "" : "<li>nothing yet</li>";
  for (const f of files) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = f.url + (token ? "?token=" + encodeURIComponent(token) : "");
    a.textContent = `${f.name} (${(f.size / 1024).toFixed(1)} kB)`;
    a.id = "download-" + f.name.replace(/\W/g, "-");
    li.appendChild(a); $("downloads").appendChild(li);
    if (f.name === "report.html") { $("report").src = a.href; $("report-box").hidden = false; }
  }
}

function working(on) {
  $("status").textContent = on ? "working" : "idle";
  $("stop").hidden = !on;
}

function listen() {
  const url = `/api/sessions/${session}/events` + (token ? "?token=" + encodeURIComponent(token) : "");
  const source = new EventSource(url);
  source.addEventListener("message", (m) => { const e = JSON.parse(m.data); say(e.role, e.text); });
  source.addEventListener("question", (m) => { say("question", JSON.parse(m.data).text); $("status").textContent = "waiting for your answer"; });
  source.addEventListener("progress", (m) => { working(true); onProgress(JSON.parse(m.data).event); });
  source.addEventListener("delivered", (m) => { onProgress(JSON.parse(m.data).event); refreshDownloads(); });
  source.addEventListener("idle", () => { working(false); refreshDownloads(); });
}

$("send").addEventListener("submit", async (event) => {
  event.preventDefault();
  const text = $("text").value.trim();
  if (!text) return;
  $("text").value = "";
  try {
    await api(`/api/sessions/${session}/messages`, { method: "POST", headers: { "Content-Type": "application/json" },
                                                     body: JSON.stringify({ text }) });
    working(true);
  } catch (err) { say("assistant", "⚠ " + err.message); }
});

$("stop").addEventListener("click", async () => {
  try { await api(`/api/sessions/${session}/stop`, { method: "POST" }); }
  catch (err) { say("assistant", "⚠ " + err.message); }
});

$("file").addEventListener("change", async () => {
  const form = new FormData();
  form.append("file", $("file").files[0]);
  try { await api(`/api/sessions/${session}/files`, { method: "POST", body: form }); }
  catch (err) { say("assistant", "⚠ " + err.message); }
  $("file").value = "";
});

(async () => {
  const name = params.get("session");
  const created = await api("/api/sessions", { method: "POST", headers: { "Content-Type": "application/json" },
                                               body: JSON.stringify(name ? { name } : {}) });
  session = created.id;
  $("session").textContent = "session " + session;
  history.replaceState(null, "", `?session=${session}` + (token ? "&token=" + encodeURIComponent(token) : ""));
  listen();
  refreshDownloads();
})();
