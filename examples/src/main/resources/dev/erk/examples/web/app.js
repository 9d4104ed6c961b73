// erk dashboard page. Every value from erk reaches the document through textContent or an
// attribute set with setAttribute, never as markup.
"use strict";

const TOKEN = document.querySelector('meta[name="erk-token"]').content;
const REFRESH_MILLIS = Number(document.querySelector('meta[name="erk-refresh-millis"]').content);
let lastPlans = "";
let runCount = 0;
let selected = null; // { kind: "plan" | "objective", number }
let detailAsked = 0;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function api(method, path, body) {
  const init = { method, headers: { "X-Erk-Token": TOKEN } };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const json = await response.json();
  if (!response.ok) throw new Error(json.error || ("HTTP " + response.status));
  return json;
}

function filterQuery() {
  const params = new URLSearchParams();
  for (const name of ["state", "label", "creator"]) {
    const value = document.getElementById("filter-" + name).value.trim();
    if (value) params.set(name, value);
  }
  return params.toString();
}

// A timer tick is skipped while a refresh is in flight (a slow erk must not pile up requests);
// a filter change always asks again, and only the newest answer is shown.
let inFlight = false;
let asked = 0;

async function refresh(fromTimer) {
  if (fromTimer && inFlight) return;
  const mine = ++asked;
  inFlight = true;
  const status = document.getElementById("status");
  try {
    const list = await api("GET", "/api/plans?" + filterQuery());
    if (mine !== asked) return;
    const text = JSON.stringify(list.plans);
    if (text !== lastPlans) {
      lastPlans = text;
      renderPlans(list.plans);
    }
    status.className = "";
    status.textContent = list.count + " plans · " + list.command + " · "
        + new Date().toLocaleTimeString();
  } catch (error) {
    if (mine !== asked) return;
    status.className = "error";
    status.textContent = "could not list plans: " + error.message;
  } finally {
    if (mine === asked) inFlight = false;
  }
}

function renderPlans(plans) {
  const body = document.querySelector("#plans tbody");
  const rows = plans.map(plan => {
    const tr = el("tr", "selectable");
    tr.dataset.pr = plan.prNumber;
    if (selected && selected.row === plan.prNumber) tr.classList.add("selected");
    tr.addEventListener("click", event => {
      if (event.target.closest("a, details, button")) return;
      selectRow(plan);
    });
    const pr = el("td", "pr");
    if (plan.url) {
      const link = el("a", null, plan.pr);
      link.setAttribute("href", plan.url);
      link.setAttribute("rel", "noreferrer");
      link.setAttribute("target", "_blank");
      pr.append(link);
    } else {
      pr.textContent = plan.pr;
    }
    tr.append(pr, el("td", "title", plan.title), el("td", "lifecycle", plan.lifecycle),
        el("td", "checks", plan.checks), el("td", "comments", plan.comments),
        el("td", "run", plan.run), el("td", "worktree", plan.worktree),
        el("td", "updated", plan.updated), actionsCell(plan));
    return tr;
  });
  body.replaceChildren(...rows);
}

function actionsCell(plan) {
  const cell = el("td", "actions");
  if (plan.actions.length === 0) return cell;
  const menu = el("details");
  menu.append(el("summary", null, plan.actions.length + " actions"));
  for (const action of plan.actions) {
    const button = el("button", "action" + (action.destructive ? " destructive" : ""));
    button.type = "button";
    button.dataset.action = action.id;
    button.append(el("span", null, action.title), el("code", null, action.display));
    button.addEventListener("click", () => {
      menu.open = false;
      runAction(plan, action);
    });
    menu.append(button);
  }
  cell.append(menu);
  return cell;
}

async function runAction(plan, action) {
  let input;
  if (action.input) {
    input = window.prompt(action.title + " (" + action.display + "): " + action.input);
    if (input === null || input.trim() === "") return;
  }
  if (action.destructive && !window.confirm("Run `" + action.display + "`?")) return;
  try {
    const answer = await api("POST", "/api/actions",
        { pr: String(plan.prNumber), action: action.id, input });
    if (answer.ticket) {
      openRun(answer.display, answer.ticket);
    } else {
      showMessage(answer.display, answer.success, answer.exitCode, answer.message);
    }
  } catch (error) {
    showMessage(action.display, false, null, error.message);
  }
}

function showMessage(display, success, exitCode, message) {
  const box = el("div", "message" + (success ? "" : " failed"));
  box.append(el("code", null, display), el("span", "outcome",
      success ? ": done" : ": failed" + (exitCode === null ? "" : " (exit " + exitCode + ")")));
  if (message) box.append(el("div", "reason", message));
  const messages = document.getElementById("messages");
  messages.prepend(box);
  while (messages.children.length > 5) messages.lastChild.remove();
}

function openRun(display, ticket) {
  const panel = el("section", "run");
  panel.id = "run-" + (++runCount);
  const state = el("span", "run-state", "starting");
  const cancel = el("button", "cancel", "Cancel");
  cancel.type = "button";
  const close = el("button", "close", "×");
  close.type = "button";
  close.hidden = true;
  const head = el("div", "run-head");
  head.append(el("code", null, display), state, cancel, close);
  const output = el("pre", "output");
  const reason = el("div", "run-reason");
  panel.append(head, output, reason);
  document.getElementById("runs").prepend(panel);

  const events = new EventSource("/api/runs/" + encodeURIComponent(ticket) + "/events");
  const finish = () => { events.close(); cancel.hidden = true; close.hidden = false; };
  events.addEventListener("start", () => { state.textContent = "running"; });
  events.addEventListener("line", event => {
    const line = JSON.parse(event.data);
    const span = el("span", "line " + line.source, line.text + "\n");
    span.dataset.seq = line.seq;
    output.append(span);
    output.scrollTop = output.scrollHeight;
  });
  events.addEventListener("end", event => {
    const end = JSON.parse(event.data);
    state.textContent = end.cancelled ? "cancelled" : end.success ? "done"
        : "failed" + (end.exitCode === null ? "" : " (exit " + end.exitCode + ")");
    state.className = "run-state " + (end.success ? "done" : "failed");
    if (!end.success) reason.textContent = end.message;
    finish();
  });
  events.onerror = () => {
    if (state.textContent === "running" || state.textContent === "starting") {
      state.textContent = "disconnected";
      state.className = "run-state failed";
    }
    finish();
  };
  cancel.addEventListener("click", async () => {
    cancel.disabled = true;
    try {
      await api("POST", "/api/runs/" + encodeURIComponent(ticket) + "/cancel", {});
    } catch (error) {
      reason.textContent = "cancel failed: " + error.message;
    }
  });
  close.addEventListener("click", () => panel.remove());
}

// The detail panel: a plan row shows its review threads, CI failure summaries and event log; an
// objective row (objectives view, label erk-objective) its roadmap. Only the newest answer shows.
function selectRow(plan) {
  for (const tr of document.querySelectorAll("#plans tbody tr.selected")) {
    tr.classList.remove("selected");
  }
  const row = document.querySelector("#plans tr[data-pr='" + plan.prNumber + "']");
  if (row) row.classList.add("selected");
  if (plan.objectiveRow) {
    showDetail("objective", plan.prNumber, plan.title, plan.prNumber, null);
  } else {
    showDetail("plan", plan.prNumber, plan.title, plan.prNumber, plan.objective);
  }
}

async function showDetail(kind, number, title, row, objective) {
  selected = { kind, number, row };
  const mine = ++detailAsked;
  const panel = document.getElementById("detail");
  panel.hidden = false;
  panel.dataset.kind = kind;
  panel.dataset.number = number;
  const head = el("div", "detail-head");
  head.append(el("h2", null, (kind === "objective" ? "Objective #" : "Plan #") + number),
      el("span", "detail-title", title));
  const close = el("button", "close", "×");
  close.type = "button";
  close.addEventListener("click", () => {
    panel.hidden = true;
    selected = null;
    for (const tr of document.querySelectorAll("#plans tbody tr.selected")) {
      tr.classList.remove("selected");
    }
  });
  head.append(close);
  const body = el("div", "detail-body", "loading…");
  panel.replaceChildren(head, body);
  let answer;
  try {
    answer = await api("GET", "/api/details/" + kind + "/" + encodeURIComponent(number));
  } catch (error) {
    if (mine === detailAsked) body.replaceChildren(el("p", "section-failed", error.message));
    return;
  }
  if (mine !== detailAsked) return;
  const parts = [];
  if (kind === "objective") {
    parts.push(section("roadmap", "Roadmap", answer.roadmap, renderRoadmap));
  } else {
    parts.push(section("review-threads", "Review threads", answer.reviewThreads, renderThreads),
        section("ci-summaries", "CI failure summaries", answer.ciSummaries, renderChecks),
        section("plan-log", "Event log", answer.planLog, renderEvents));
    if (objective) {
      const open = el("button", "show-roadmap", "Roadmap of objective #" + objective);
      open.type = "button";
      open.addEventListener("click",
          () => showDetail("objective", objective, "objective of #" + number, row, null));
      parts.push(open);
    }
  }
  body.replaceChildren(...parts);
}

function section(className, heading, part, render) {
  const box = el("section", "detail-section " + className);
  box.append(el("h3", null, heading));
  if (part.state === "ok") {
    box.append(render(part.data));
  } else if (part.state === "unsupported") {
    box.append(el("p", "section-unsupported", "not supported by this erk: " + part.message));
  } else {
    const failed = el("p", "section-failed", "erk failed: " + part.message);
    if (part.detail) failed.setAttribute("title", part.detail);
    box.append(failed);
  }
  return box;
}

function renderThreads(data) {
  if (data.threads.length === 0) return el("p", "empty", "no unresolved review threads");
  const list = el("ul", "threads");
  for (const thread of data.threads) {
    const item = el("li", "thread");
    item.append(el("code", "location", thread.location));
    if (thread.outdated) item.append(el("span", "outdated", " outdated"));
    const comments = el("ul", "comments");
    for (const comment of thread.comments) {
      const line = el("li", "comment");
      line.append(el("strong", "author", comment.author), el("span", "body", comment.body));
      comments.append(line);
    }
    item.append(comments);
    list.append(item);
  }
  return list;
}

function renderChecks(data) {
  if (data.checks.length === 0) return el("p", "empty", "no CI failure summaries");
  const list = el("div", "checks");
  for (const check of data.checks) {
    const box = el("div", "check");
    box.append(el("h4", "check-name", check.name), el("pre", "check-text", check.text));
    list.append(box);
  }
  return list;
}

function renderEvents(data) {
  if (data.events.length === 0) return el("p", "empty", "no events");
  const table = el("table", "events");
  for (const event of data.events) {
    const tr = el("tr", "event");
    tr.append(el("td", "timestamp", event.timestamp), el("td", "type", event.type),
        el("td", "metadata", event.metadata));
    table.append(tr);
  }
  return table;
}

function renderRoadmap(data) {
  const box = el("div", "roadmap");
  const s = data.summary;
  box.append(el("p", "roadmap-summary", s.done + "/" + s.total + " done, " + s.inFlight
      + " in flight" + (data.nextNode ? ", next: " + data.nextNode : "")
      + (data.complete ? ", complete" : "")));
  for (const phase of data.phases) {
    const part = el("div", "phase");
    part.dataset.phase = phase.label;
    part.append(el("h4", null, phase.name));
    const nodes = el("ul", "nodes");
    for (const node of phase.nodes) {
      const item = el("li", "node status-" + node.status.replace(/[^a-z_]/g, ""));
      item.dataset.node = node.id;
      item.append(el("span", "status", node.status), el("code", "id", node.id),
          el("span", "description", node.description));
      if (node.pr) item.append(el("span", "node-pr", node.pr));
      if (node.dependsOn.length) {
        item.append(el("span", "after", "after " + node.dependsOn.join(", ")));
      }
      if (node.comment) item.append(el("span", "node-comment", node.comment));
      nodes.append(item);
    }
    part.append(nodes);
    box.append(part);
  }
  return box;
}

document.getElementById("filters").addEventListener("submit", event => {
  event.preventDefault();
  refresh(false);
});
refresh(false);
setInterval(() => refresh(true), REFRESH_MILLIS);
