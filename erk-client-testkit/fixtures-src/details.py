"""Writes the detail-query fixtures of erk-client-testkit in erk's exact bytes.

Each fixture reproduces what erk's own code prints: the same dict, built in the same key order,
through Python's json.dumps with the same arguments (indent=2 or compact, ensure_ascii default),
then click.echo (one trailing newline) to stdout, or user_output/err=True to stderr. The data
values are invented; the shapes, key orders, separators and exit codes come from erk's source at
the revision named in each fixture's provenance (see docs/dashboard-details.md).

Run from the repository root: python3 erk-client-testkit/fixtures-src/details.py
"""

import json
import os

OUT = "erk-client-testkit/src/main/resources/dev/erk/client/testkit/fixtures/details"
HEAD = "2656c0e1a"


def write(name, argv, exit_code, stdout, stderr, description, provenance):
    os.makedirs(OUT, exist_ok=True)
    base = os.path.join(OUT, name)
    with open(base + ".stdout", "w") as f:
        f.write(stdout)
    with open(base + ".stderr", "w") as f:
        f.write(stderr)
    meta = {"argv": ["erk"] + argv, "exit_code": exit_code, "description": description,
            "provenance": provenance}
    with open(base + ".meta.json", "w") as f:
        f.write(json.dumps(meta, indent=2) + "\n")


def echo(obj, indent=None):
    return json.dumps(obj, indent=indent) + "\n"


def exit_with_error(error_type, message):
    # erk/cli/script_output.py exit_with_error: indent=2 on stdout, exit 0
    return echo({"success": False, "error_type": error_type, "message": message}, indent=2)


def src(rev, path, how):
    return f"built from erk's source at {rev} ({path}): {how}"


THREADS = [
    {"id": "PRRT_kwDOA1", "path": "src/widgets/core.py", "line": 42, "is_outdated": False,
     "comments": [
         {"author": "reviewer1", "body": "Please rename this \u2014 `val` is vague.",
          "created_at": "2026-04-10T09:15:00Z"},
         {"author": "author1", "body": "Done.", "created_at": "2026-04-10T10:02:31Z"}]},
    {"id": "PRRT_kwDOA2", "path": "README.md", "line": None, "is_outdated": True,
     "comments": [{"author": "reviewer2", "body": "Typo in the heading.",
                   "created_at": "2026-04-11T14:00:00Z"}]},
]
COMMENTS = [
    {"id": 2001, "author": "reviewer1", "body": "Looks good overall \U0001F44D",
     "url": "https://github.com/acme/widgets/pull/42#issuecomment-2001"},
]
PR_URL = "https://github.com/acme/widgets/pull/42"
PR_TITLE = "Add widget cache"


def review_threads():
    p = "src/erk/cli/commands/exec/scripts/get_pr_review_comments.py"
    argv = ["exec", "get-pr-review-comments", "--pr", "42"]
    body = {"success": True, "pr_number": 42, "pr_url": PR_URL, "pr_title": PR_TITLE,
            "threads": THREADS}
    write("review-threads", argv, 0, echo(body, 2), "", "two unresolved threads, one on a file",
          src(HEAD, p, "asdict(ReviewCommentSuccess) with indent=2; same at v0.9.11, v0.9.0, v0.7.2"))
    body = dict(body, threads=[])
    write("review-threads-empty", argv, 0, echo(body, 2), "", "no unresolved threads",
          src(HEAD, p, "threads empty"))
    write("review-threads-pr-not-found", argv, 0, exit_with_error("pr-not-found", "PR #42 not found"),
          "", "no such PR: JSON error with exit 0", src(HEAD, p, "exit_with_error, exit 0"))
    msg = ("GraphQL query failed: Could not resolve to a PullRequest with the number of 42.\n"
           "Query: query { repository(owner: \"acme\", name: \"widgets\") { pullRequest(number: 42)"
           " { reviewThreads(first: 100) { nodes { id } } } } }")
    write("review-threads-api-failed", argv, 0, exit_with_error("github-api-failed", msg), "",
          "GitHub API failure: multi-line message, exit 0",
          src(HEAD, p, "RuntimeError -> exit_with_error('github-api-failed', str(e))"))


def feedback():
    p = "src/erk/cli/commands/exec/scripts/get_pr_feedback.py"
    argv = ["exec", "get-pr-feedback", "--pr", "42"]
    reviews = [{"id": "PRR_kwDOB1", "author": "reviewer1", "body": "A few nits.",
                "state": "CHANGES_REQUESTED", "submitted_at": "2026-04-10T09:20:00Z"}]
    body = {"success": True, "pr_number": 42, "pr_url": PR_URL, "pr_title": PR_TITLE,
            "reviews": reviews, "review_threads": THREADS, "discussion_comments": COMMENTS}
    write("feedback", argv, 0, echo(body, 2), "", "reviews, threads and comments (current erk)",
          src(HEAD, p, "result dict with indent=2"))
    del body["reviews"]
    write("feedback-v0.9", argv, 0, echo(body, 2), "", "no reviews key (v0.9.11 and v0.9.0)",
          src("v0.9.11", p, "result dict without reviews, indent=2; same at v0.9.0"))
    write("feedback-pr-not-found", argv, 0, exit_with_error("pr-not-found", "PR #42 not found"), "",
          "no such PR: JSON error with exit 0",
          src(HEAD, p, "handle_non_ideal_exit -> exit_with_error"))


def discussion():
    p = "src/erk/cli/commands/exec/scripts/get_pr_discussion_comments.py"
    argv = ["exec", "get-pr-discussion-comments", "--pr", "42"]
    body = {"success": True, "pr_number": 42, "pr_url": PR_URL, "pr_title": PR_TITLE,
            "comments": COMMENTS}
    write("discussion", argv, 0, echo(body, 2), "", "one comment",
          src(HEAD, p, "result dict with indent=2; same at v0.9.11, v0.9.0, v0.7.2"))
    write("discussion-empty", argv, 0, echo(dict(body, comments=[]), 2), "", "no comments",
          src(HEAD, p, "comments empty"))
    write("discussion-pr-not-found", argv, 0, exit_with_error("pr-not-found", "PR #42 not found"),
          "", "no such PR: JSON error with exit 0", src(HEAD, p, "exit_with_error, exit 0"))


def pr_view():
    p = "src/erk/cli/commands/exec/scripts/get_pr_view.py"
    argv = ["exec", "get-pr-view", "42"]
    body = {"success": True, "number": 42, "title": PR_TITLE, "url": PR_URL,
            "body": "Caches widgets.\n\nCloses #7.", "state": "OPEN", "is_draft": True,
            "head_ref_name": "plan-add-widget-cache", "base_ref_name": "main",
            "labels": ["erk-pr", "erk-plan"], "author": "author1", "mergeable": "MERGEABLE",
            "merge_state_status": "BLOCKED", "is_cross_repository": False,
            "created_at": "2026-04-09T08:00:00+00:00", "updated_at": "2026-04-11T14:00:00+00:00"}
    write("pr-view", argv, 0, echo(body), "", "an open draft PR",
          src(HEAD, p, "compact json.dumps, datetimes via isoformat(); same keys at v0.9.11, v0.9.0"))
    write("pr-view-not-found", argv, 1, echo({"success": False, "error": "PR not found"}), "",
          "no such PR: exit 1", src(HEAD, p, "PRNotFound branch"))


def plan_info():
    p = "src/erk/cli/commands/exec/scripts/get_pr_info.py"
    argv = ["exec", "get-pr-info", "42", "--include-body"]
    body = {"success": True, "pr_number": "42", "title": PR_TITLE, "state": "OPEN",
            "labels": ["erk-pr", "erk-plan"], "url": PR_URL, "objective_id": 7,
            "backend": "github-draft-pr", "head_ref_name": "plan-add-widget-cache",
            "base_ref_name": "main", "body": "# Plan\n\n1. Add a cache\n2. Test it\n"}
    write("plan-info", argv, 0, echo(body), "", "a plan with its body",
          src(HEAD, p, "compact json.dumps; pr_number is a string"))
    write("plan-info-not-found", argv, 1, "",
          echo({"success": False, "error": "pr_not_found", "message": "PR #42 not found"}),
          "no such plan: JSON on stderr, exit 1", src(HEAD, p, "PrNotFound, click.echo(err=True)"))
    p = "src/erk/cli/commands/exec/scripts/get_plan_info.py"
    argv = ["exec", "get-plan-info", "42", "--include-body"]
    body = {"success": True, "plan_id": "42", "title": PR_TITLE, "state": "OPEN",
            "labels": ["erk-plan"], "url": PR_URL, "objective_id": None,
            "backend": "github-draft-pr", "body": "# Plan\n\n1. Add a cache\n"}
    write("plan-info-v0.9", argv, 0, echo(body), "", "get-plan-info: plan_id, no ref names",
          src("v0.9.11", p, "compact; same at v0.9.0"))
    write("plan-info-v0.9-not-found", argv, 1, "",
          echo({"success": False, "error": "plan_not_found", "message": "Plan #42 not found"}),
          "no such plan: JSON on stderr, exit 1", src("v0.9.11", p, "PlanNotFound"))


def header_field():
    p = "src/erk/cli/commands/exec/scripts/get_pr_metadata.py"
    argv = ["exec", "get-pr-metadata", "42", "objective_id"]
    write("header-field", argv, 0,
          echo({"success": True, "value": 7, "pr_number": 42, "field": "objective_id"}), "",
          "a present field", src(HEAD, p, "asdict(MetadataSuccess), compact"))
    argv2 = ["exec", "get-pr-metadata", "42", "worktree_name"]
    write("header-field-absent", argv2, 0,
          echo({"success": True, "value": None, "pr_number": 42, "field": "worktree_name"}), "",
          "an absent field: value null", src(HEAD, p, "value None"))
    write("header-field-not-found", argv, 1, "",
          echo({"success": False, "error": "issue_not_found", "message": "PR #42 not found"}),
          "no such PR: JSON on stderr, exit 1", src(HEAD, p, "asdict(MetadataError), err=True"))
    p = "src/erk/cli/commands/exec/scripts/get_plan_metadata.py"
    argv = ["exec", "get-plan-metadata", "42", "objective_id"]
    write("header-field-v0.9", argv, 0,
          echo({"success": True, "value": 7, "plan_number": 42, "field": "objective_id"}), "",
          "get-plan-metadata: plan_number", src("v0.9.11", p, "compact; same at v0.9.0"))
    write("header-field-v0.7", argv, 0,
          echo({"success": True, "value": None, "issue_number": 42, "field": "objective_id"}), "",
          "get-plan-metadata on 0.7: issue_number", src("v0.7.2", p, "no plan-header block"))


def ci_summaries():
    p = "src/erk/cli/commands/exec/scripts/ci_fetch_summaries.py"
    argv = ["exec", "ci-fetch-summaries", "--pr-number", "42"]
    body = {"unit-tests": "2026-04-11T13:58:01.1234567Z FAILED tests/test_cache.py::test_evict\n"
                          "2026-04-11T13:58:01.2234567Z AssertionError: 3 != 2",
            "lint": "2026-04-11T13:57:00.0000000Z src/widgets/core.py:42: E501 line too long"}
    write("ci-summaries", argv, 0, echo(body, 2), "", "two failing checks",
          src(HEAD, p, "parse_ci_summaries dict, indent=2; same at v0.9.11"))
    write("ci-summaries-empty", argv, 0, echo({}), "", "no CI run or no summaries: {}",
          src(HEAD, p, "json.dumps({})"))
    write("ci-summaries-pr-not-found", argv, 1, echo({"error": "PR #42 not found"}), "",
          "no such PR: bare error object, exit 1", src(HEAD, p, "PRNotFound"))


def plan_log():
    p = "src/erk/cli/commands/pr/log_cmd.py"
    argv = ["pr", "log", "42", "--json"]
    events = [
        {"timestamp": "2026-04-09T08:00:00+00:00", "event_type": "plan-created",
         "metadata": {"worktree_name": "add-widget-cache"}},
        {"timestamp": "2026-04-09T08:05:00+00:00", "event_type": "submission-queued",
         "metadata": {"status": "queued", "submitted_by": "author1",
                      "expected_workflow": "plan-implement.yml"}},
        {"timestamp": "2026-04-09T08:06:10+00:00", "event_type": "workflow-started",
         "metadata": {"status": "started", "workflow_run_id": "123456789",
                      "workflow_run_url": "https://github.com/acme/widgets/actions/runs/123456789"}},
    ]
    write("plan-log", argv, 0, "", echo(events, 2), "three events, JSON array on stderr",
          src(HEAD, p, "_output_json: user_output(json.dumps(events, indent=2))"))
    write("plan-log-empty", argv, 0, "", echo([], 2), "no events: [] on stderr",
          src(HEAD, p, "empty list"))
    write("plan-log-not-found", argv, 1, "", "Error: PR '42' not found\n",
          "no such PR: Error line on stderr, exit 1", src(HEAD, p, "IssueNotFound"))
    argv = ["plan", "log", "42", "--json"]
    events07 = [{"timestamp": "2026-01-20T08:00:00+00:00", "event_type": "plan-created",
                 "metadata": {"worktree_name": "add-widget-cache", "issue_number": 42}}]
    write("plan-log-v0.7", argv, 0, "", echo(events07, 2), "erk plan log on 0.7.x",
          src("v0.7.2", "src/erk/cli/commands/plan/log_cmd.py", "same _output_json"))


def phases(comment_key):
    def node(i, status, pr, deps, slug, comment):
        n = {"id": i, "slug": slug, "description": f"Step {i}", "status": status, "pr": pr,
             "depends_on": deps}
        if comment_key:
            n[comment_key] = comment
        return n
    return [
        {"number": 1, "suffix": "", "name": "Phase 1", "nodes": [
            node("1.1", "done", "#40", [], "add-cache", None),
            node("1.2", "in_progress", "#42", ["1.1"], "test-cache", None)]},
        {"number": 2, "suffix": "A", "name": "Phase 2A", "nodes": [
            node("2.1", "pending", None, ["1.2"], None, None),
            node("2.2", "skipped", None, None, "drop-legacy", "Not needed any more")]},
    ]


def graph(ph):
    nodes = [{k: n[k] for k in ("id", "slug", "description", "status", "pr")} |
             {"depends_on": n["depends_on"] or []} for p in ph for n in p["nodes"]]
    return {"nodes": nodes, "unblocked": ["1.2", "2.2"], "pending_unblocked": [],
            "next_node": "1.2", "is_complete": False}


SUMMARY = {"total_nodes": 4, "pending": 1, "planning": 0, "done": 1, "in_progress": 1,
           "blocked": 0, "skipped": 1}


def objective():
    p = "src/erk/cli/commands/objective/view/operation.py"
    ph = phases("comment")
    body = {"issue_number": 7, "phases": ph, "graph": graph(ph),
            "summary": dict(SUMMARY, in_flight=1), "success": True}
    argv = ["json", "objective", "view"]
    write("objective", argv, 0, echo(body, 2), "", "a four-node roadmap (stdin {\"identifier\": \"7\"})",
          src(HEAD, p, "to_json_dict + emit_json_success (success appended), indent=2"))
    err = {"success": False, "error_type": "not_found", "message": "Issue #7 not found"}
    write("objective-not-found", argv, 1, echo(err, 2), "", "no such issue: exit 1",
          src(HEAD, p, "MachineCommandError -> emit_json_error"))
    err = {"success": False, "error_type": "not_objective",
           "message": "Issue #7 is not an objective (missing erk-objective label)"}
    write("objective-not-objective", argv, 1, echo(err, 2), "", "an issue that is no objective",
          src(HEAD, p, "MachineCommandError not_objective"))
    p = "src/erk/cli/commands/objective/view_cmd.py"
    argv = ["objective", "view", "7", "--json-output"]
    ph = phases("reason")
    body = {"issue_number": 7, "phases": ph, "graph": graph(ph),
            "summary": dict(SUMMARY, in_flight=1)}
    write("objective-v0.9.11", argv, 0, echo(body), "", "--json-output: compact, nodes carry reason",
          src("v0.9.11", p, "_display_json, compact; serialize_phases with reason"))
    ph = phases(None)
    body = {"issue_number": 7, "phases": ph, "graph": graph(ph),
            "summary": dict(SUMMARY, in_flight=1)}
    write("objective-v0.9.0", argv, 0, echo(body), "", "--json-output: nodes without reason",
          src("v0.9.0", p, "_display_json, compact"))
    write("objective-v0.9-not-found", argv, 1, "", "Error: Issue #7 not found\n",
          "no such issue: Error line on stderr, exit 1",
          src("v0.9.11", p, "UserFacingCliError.show"))


def check_phases(ph):
    """The phases as erk's objective check prints them: rebuilt from the dependency graph
    (phases_from_graph), so "Phase N" placeholder names, no node comment (reason), and depends_on
    always a list (explicit where any node declares one, else each node on the one before it)."""
    comment_key = next((k for k in ("comment", "reason") if k in ph[0]["nodes"][0]), None)
    explicit = any(n["depends_on"] is not None for p in ph for n in p["nodes"])
    out, previous = [], None
    for p in ph:
        nodes = []
        for n in p["nodes"]:
            deps = (n["depends_on"] or []) if explicit else ([previous] if previous else [])
            node = dict(n, depends_on=deps)
            if comment_key:
                node[comment_key] = None
            nodes.append(node)
            previous = n["id"]
        out.append(dict(p, name=f"Phase {p['number']}{p['suffix']}", nodes=nodes))
    return out


def check_next_node(ph):
    """find_graph_next_node: the first pending node, else the first planning, else the first in
    progress, in graph (position) order; not the dependency-aware graph next node."""
    for status in ("pending", "planning", "in_progress"):
        for p in ph:
            for n in p["nodes"]:
                if n["status"] == status:
                    return {"id": n["id"], "slug": n["slug"] or "", "description": n["description"],
                            "phase": p["name"], "status": status}
    return None


def checks(table_in_sync, backlinks):
    """validate_objective's checks for the roadmap of phases(): an issue with the erk-objective
    label and an objective-header holding objective_comment_id, so the table-sync check runs;
    HEAD adds the PR-backlink check (v0.9.x has none)."""
    result = [{"passed": True, "description": d} for d in (
        "Issue has erk-objective label", "Roadmap parses successfully", "Status/PR consistency",
        "No orphaned done statuses (done steps have PR references)",
        "Phase numbering is sequential", "objective-header has objective_comment_id",
        "PR references use '#' prefix")]
    result.append({"passed": True, "description": "Roadmap table in sync with YAML"} if table_in_sync
                  else {"passed": False,
                        "description": "Roadmap table out of sync with YAML source of truth"})
    if backlinks:
        result.append({"passed": True, "description":
                       "PR backlinks: all PR references have matching objective_issue backlinks"})
    return result


def objective_checks():
    # A roadmap that parsed gives no parser warnings: validation_errors is [] (parse_roadmap).
    ph = phases("comment")
    p = "src/erk/cli/commands/objective/check/operation.py"
    body = {"success": True, "issue_number": 7, "checks": checks(False, True),
            "phases": check_phases(ph), "summary": SUMMARY, "next_node": check_next_node(ph),
            "validation_errors": [], "all_complete": False}
    argv = ["json", "objective", "check"]
    write("objective-checks", argv, 0, echo(body, 2), "",
          "a failing check with success true (the framework overwrites it)",
          src(HEAD, p, "to_json_dict then emit_json_success sets success=True in place"))
    err = {"success": False, "error_type": "validation_error", "message": "Issue #7 not found"}
    write("objective-checks-error", argv, 1, echo(err, 2), "", "operation error: exit 1",
          src(HEAD, p, "MachineCommandError validation_error"))
    p = "src/erk/cli/commands/objective/check_cmd.py"
    argv = ["objective", "check", "7", "--json-output"]
    ph = phases("reason")
    body = dict(body, success=False, checks=checks(False, False), phases=check_phases(ph),
                next_node=check_next_node(ph))
    write("objective-checks-v0.9-failing", argv, 1, echo(body), "",
          "--json-output with a failing check: success false, exit 1 (data)",
          src("v0.9.11", p, "_output_json; SystemExit(1) when not passed; same at v0.9.0"))
    passing = dict(body, success=True, checks=checks(True, False))
    write("objective-checks-v0.9", argv, 0, echo(passing), "", "--json-output, all checks pass",
          src("v0.9.11", p, "_output_json"))
    write("objective-checks-v0.9-error", argv, 1,
          echo({"success": False, "error": "Issue #7 not found"}), "", "operation error: exit 1",
          src("v0.9.11", p, "ObjectiveValidationError"))
    steps = [{"number": 1, "suffix": "", "name": "Phase 1", "steps": [
        {"id": "1.1", "description": "Step 1.1", "status": "done", "pr": "#40"},
        {"id": "1.2", "description": "Step 1.2", "status": "pending", "pr": None}]}]
    checks07 = [{"passed": True, "description": "Roadmap parses"}]
    body07 = {"success": True, "issue_number": 7, "checks": checks07, "phases": steps,
              "summary": {"total_steps": 2, "pending": 1, "done": 1, "in_progress": 0,
                          "blocked": 0, "skipped": 0},
              "next_step": {"id": "1.2", "description": "Step 1.2", "phase": "Phase 1"},
              "validation_errors": []}
    write("objective-checks-v0.7", argv, 0, echo(body07), "", "0.7.x: steps, next_step, total_steps",
          src("v0.7.2", p, "_output_json with serialize_phases/compute_summary of objective_roadmap_shared.py"))


def plans_for_objective():
    p = "src/erk/cli/commands/exec/scripts/get_prs_for_objective.py"
    argv = ["exec", "get-prs-for-objective", "7"]
    prs = [{"number": 42, "state": "OPEN", "title": PR_TITLE},
           {"number": 40, "state": "CLOSED", "title": "Add widget store"}]
    write("plans-for-objective", argv, 0,
          echo({"success": True, "objective_number": 7, "prs": prs}), "", "two linked plans",
          src(HEAD, p, "compact"))
    write("plans-for-objective-empty", argv, 0,
          echo({"success": True, "objective_number": 7, "prs": []}), "", "no linked plans",
          src(HEAD, p, "compact"))
    write("plans-for-objective-error", argv, 1,
          echo({"success": False, "error": "Failed to list erk-prs: gh: Not Found (HTTP 404)"}), "",
          "listing failed: exit 1", src(HEAD, p, "RuntimeError"))
    p = "src/erk/cli/commands/exec/scripts/get_plans_for_objective.py"
    argv = ["exec", "get-plans-for-objective", "7"]
    write("plans-for-objective-v0.9", argv, 0,
          echo({"success": True, "objective_number": 7, "plans": prs[:1]}), "", "key plans",
          src("v0.9.11", p, "compact; same at v0.9.0 and v0.7.2"))


def issue_body():
    p = "src/erk/cli/commands/exec/scripts/get_issue_body.py"
    argv = ["exec", "get-issue-body", "7"]
    body = {"success": True, "issue_number": 7, "title": "Objective: widget cache",
            "body": "<!-- erk:metadata-block:objective-roadmap -->\n...", "state": "OPEN",
            "labels": ["erk-objective"], "url": "https://github.com/acme/widgets/issues/7"}
    write("issue-body", argv, 0, echo(body), "", "an objective issue",
          src(HEAD, p, "compact; same at v0.9.11, v0.9.0, v0.7.2"))
    write("issue-body-not-found", argv, 1,
          echo({"success": False, "error": "Issue #7 not found"}), "", "no such issue: exit 1",
          src(HEAD, p, "IssueNotFound"))


for f in (review_threads, feedback, discussion, pr_view, plan_info, header_field, ci_summaries,
          plan_log, objective, objective_checks, plans_for_objective, issue_body):
    f()
