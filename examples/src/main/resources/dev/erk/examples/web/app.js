// erk dashboard page. Every value from erk reaches the document through textContent or an
// attribute set with setAttribute, never as markup.
"use strict";

const TOKEN = document.querySelector('meta[name="erk-token"]').content;
const REFRESH_MILLIS = Number(document.querySelector('meta[name="erk-refresh-millis"]').content);
let lastPlans = "";
let runCount = 0;

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
    const tr = el("tr");
    tr.dataset.pr = plan.prNumber;
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

document.getElementById("filters").addEventListener("submit", event => {
  event.preventDefault();
  refresh(false);
});
refresh(false);
setInterval(() => refresh(true), REFRESH_MILLIS);
