package dev.erk.client.cli;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The keys of a dash-data row that the codec knows: erk's 55 current keys in erk's order, then the
 * older generations' names that map onto them (docs/erk-generations.md, "Rename map").
 */
enum RowField {
  PR_NUMBER("pr_number", Kind.NULLABLE_INT),
  PR_URL("pr_url", Kind.NULLABLE_TEXT),
  PR_DISPLAY("pr_display", Kind.TEXT),
  CHECKS_DISPLAY("checks_display", Kind.TEXT),
  CHECKS_PASSING("checks_passing", Kind.NULLABLE_FLAG),
  CHECKS_COUNTS("checks_counts", Kind.COUNTS),
  CI_SUMMARY_COMMENT_ID("ci_summary_comment_id", Kind.NULLABLE_LONG),
  WORKTREE_NAME("worktree_name", Kind.TEXT, ""),
  EXISTS_LOCALLY("exists_locally", Kind.FLAG),
  LOCAL_IMPL_DISPLAY("local_impl_display", Kind.TEXT),
  REMOTE_IMPL_DISPLAY("remote_impl_display", Kind.TEXT),
  RUN_ID_DISPLAY("run_id_display", Kind.TEXT),
  RUN_STATE_DISPLAY("run_state_display", Kind.TEXT),
  RUN_URL("run_url", Kind.NULLABLE_TEXT),
  FULL_TITLE("full_title", Kind.TEXT, ""),
  PR_BODY("pr_body", Kind.TEXT, ""),
  PR_TITLE("pr_title", Kind.NULLABLE_TEXT),
  PR_STATE("pr_state", Kind.NULLABLE_TEXT),
  PR_HEAD_BRANCH("pr_head_branch", Kind.NULLABLE_TEXT),
  WORKTREE_BRANCH("worktree_branch", Kind.NULLABLE_TEXT),
  LAST_LOCAL_IMPL_AT("last_local_impl_at", Kind.TIME),
  LAST_REMOTE_IMPL_AT("last_remote_impl_at", Kind.TIME),
  RUN_ID("run_id", Kind.NULLABLE_TEXT),
  RUN_STATUS("run_status", Kind.NULLABLE_TEXT),
  RUN_CONCLUSION("run_conclusion", Kind.NULLABLE_TEXT),
  LOG_ENTRIES("log_entries", Kind.LOG),
  RESOLVED_COMMENT_COUNT("resolved_comment_count", Kind.INT),
  TOTAL_COMMENT_COUNT("total_comment_count", Kind.INT),
  COMMENTS_DISPLAY("comments_display", Kind.TEXT),
  LEARN_STATUS("learn_status", Kind.NULLABLE_TEXT),
  LEARN_PLAN_ISSUE("learn_plan_issue", Kind.NULLABLE_INT),
  LEARN_PLAN_ISSUE_CLOSED("learn_plan_issue_closed", Kind.NULLABLE_FLAG),
  LEARN_PLAN_PR("learn_plan_pr", Kind.NULLABLE_INT),
  LEARN_RUN_URL("learn_run_url", Kind.NULLABLE_TEXT),
  LEARN_DISPLAY("learn_display", Kind.TEXT),
  LEARN_DISPLAY_ICON("learn_display_icon", Kind.TEXT),
  OBJECTIVE_ISSUE("objective_issue", Kind.NULLABLE_INT),
  OBJECTIVE_URL("objective_url", Kind.NULLABLE_TEXT),
  OBJECTIVE_DISPLAY("objective_display", Kind.TEXT),
  OBJECTIVE_DONE_NODES("objective_done_nodes", Kind.INT),
  OBJECTIVE_TOTAL_NODES("objective_total_nodes", Kind.INT),
  OBJECTIVE_PROGRESS_DISPLAY("objective_progress_display", Kind.TEXT),
  OBJECTIVE_SLUG_DISPLAY("objective_slug_display", Kind.TEXT),
  OBJECTIVE_FRONTIER_DISPLAY("objective_frontier_display", Kind.TEXT),
  OBJECTIVE_DEPS_DISPLAY("objective_deps_display", Kind.TEXT),
  OBJECTIVE_DEPS_PLANS("objective_deps_plans", Kind.DEPS),
  OBJECTIVE_NEXT_NODE_DISPLAY("objective_next_node_display", Kind.TEXT),
  UPDATED_AT("updated_at", Kind.TIME),
  UPDATED_DISPLAY("updated_display", Kind.TEXT),
  CREATED_AT("created_at", Kind.TIME),
  CREATED_DISPLAY("created_display", Kind.TEXT),
  AUTHOR("author", Kind.TEXT, ""),
  IS_LEARN_PLAN("is_learn_plan", Kind.FLAG),
  LIFECYCLE_DISPLAY("lifecycle_display", Kind.TEXT),
  STATUS_DISPLAY("status_display", Kind.TEXT),

  // Older generations (v0.9.11, 0.9.0, 0.7.x).
  PLAN_ID("plan_id", Kind.INT),
  ISSUE_NUMBER("issue_number", Kind.INT),
  PLAN_URL("plan_url", Kind.NULLABLE_TEXT),
  ISSUE_URL("issue_url", Kind.NULLABLE_TEXT),
  PLAN_BODY("plan_body", Kind.TEXT, ""),
  ISSUE_BODY("issue_body", Kind.TEXT, ""),
  OBJECTIVE_STATE_DISPLAY("objective_state_display", Kind.TEXT),
  OBJECTIVE_HEAD_STATE("objective_head_state", Kind.TEXT),
  OBJECTIVE_HEAD_PLANS("objective_head_plans", Kind.DEPS);

  /** The JSON type of a key's value; nullable kinds accept JSON {@code null}. */
  enum Kind {
    INT,
    NULLABLE_INT,
    NULLABLE_LONG,
    TEXT,
    NULLABLE_TEXT,
    FLAG,
    NULLABLE_FLAG,
    TIME,
    COUNTS,
    LOG,
    DEPS
  }

  /** erk's current 55 keys, in the order erk writes them. */
  static final List<RowField> CURRENT = List.copyOf(EnumSet.range(PR_NUMBER, STATUS_DISPLAY));

  private static final Set<RowField> OLD = EnumSet.range(PLAN_ID, OBJECTIVE_HEAD_PLANS);

  private static final Map<String, RowField> BY_KEY = new HashMap<>();

  static {
    for (RowField field : values()) {
      BY_KEY.put(field.key, field);
    }
  }

  private final String key;
  private final Kind kind;

  @SuppressWarnings("ImmutableEnumChecker") // only Integer, String, Boolean, List.of() or null
  private final @Nullable Object absent;

  RowField(String key, Kind kind) {
    this(key, kind, defaultFor(kind));
  }

  RowField(String key, Kind kind, @Nullable Object absent) {
    this.key = key;
    this.kind = kind;
    this.absent = absent;
  }

  private static @Nullable Object defaultFor(Kind kind) {
    return switch (kind) {
      case INT -> 0;
      case TEXT -> "-";
      case FLAG -> false;
      case LOG, DEPS -> List.of();
      case NULLABLE_INT, NULLABLE_LONG, NULLABLE_TEXT, NULLABLE_FLAG, TIME, COUNTS -> null;
    };
  }

  /** The field for a JSON key, or null for a key the codec does not know. */
  static @Nullable RowField of(String key) {
    return BY_KEY.get(key);
  }

  String key() {
    return key;
  }

  Kind kind() {
    return kind;
  }

  /** The value a row that lacks this key gets: null, {@code "-"}, {@code ""}, 0, false or []. */
  @Nullable Object absent() {
    return absent;
  }

  boolean isCurrent() {
    return !OLD.contains(this);
  }
}
