package dev.erk.client.cli;

import static dev.erk.client.cli.RowField.*;

import dev.erk.client.CheckCounts;
import dev.erk.client.DependencyPlan;
import dev.erk.client.PlanRow;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The values of one row, collected key by key in whatever order erk wrote them, then resolved into
 * a {@link PlanRow} through erk's rename map (docs/erk-generations.md, "Rename map") once the row
 * is complete.
 *
 * <p>A row that has {@code plan_id} (erk 0.9.x) or {@code issue_number} (0.7.x) is an old row: that
 * key is the plan's number, and its {@code pr_number}/{@code pr_url} describe the linked PR and go
 * to the extras. Otherwise {@code pr_number} is required. For the other renamed keys the current
 * name wins; an old name that was not used is kept in the extras.
 */
@SuppressWarnings("EnumOrdinal") // slots are arrays indexed by RowField: an EnumMap without boxing
final class RowSlots {
  // Arrays by ordinal, not EnumMap/EnumSet: filling a row's 55 slots showed in decode profiles.
  private static final RowField[] FIELDS = RowField.values();
  private final @Nullable Object[] values = new @Nullable Object[FIELDS.length];
  private final boolean[] seen = new boolean[FIELDS.length];
  private final boolean[] used = new boolean[FIELDS.length];
  private final Map<String, @Nullable Object> extras = new LinkedHashMap<>();
  private int index;
  private long start;

  void clear(int rowIndex, long rowStart) {
    Arrays.fill(values, null);
    Arrays.fill(seen, false);
    Arrays.fill(used, false);
    extras.clear();
    index = rowIndex;
    start = rowStart;
  }

  void put(RowField field, @Nullable Object value) {
    values[field.ordinal()] = value;
    seen[field.ordinal()] = true;
  }

  boolean has(RowField field) {
    return seen[field.ordinal()];
  }

  boolean hasExtra(String key) {
    return extras.containsKey(key);
  }

  void putExtra(String key, @Nullable Object value) {
    extras.put(key, value);
  }

  PlanRow toRow() throws UnexpectedShape {
    int prNumber;
    String prUrl;
    Map<String, @Nullable Object> linked = Map.of();
    RowField own = seen(PLAN_ID) ? PLAN_ID : seen(ISSUE_NUMBER) ? ISSUE_NUMBER : PR_NUMBER;
    if (own == PR_NUMBER) {
      Object number = pick(PR_NUMBER);
      if (number == null) {
        throw new UnexpectedShape(
            "plans["
                + index
                + "] has "
                + (seen(PR_NUMBER)
                    ? "a null pr_number"
                    : "no pr_number (nor plan_id or " + "issue_number)"),
            start,
            null);
      }
      prNumber = (Integer) number;
      prUrl = (String) pick(PR_URL, PLAN_URL, ISSUE_URL);
    } else {
      prNumber = (Integer) requireNonNull(pick(own));
      prUrl = (String) pick(PLAN_URL, ISSUE_URL);
      boolean issue = own == ISSUE_NUMBER;
      linked = new LinkedHashMap<>();
      if (issue || seen(PR_NUMBER)) {
        linked.put(PlanRow.LINKED_PR_NUMBER, pick(PR_NUMBER));
      }
      if (issue || seen(PR_URL)) {
        linked.put("linked_pr_url", pick(PR_URL));
      }
    }
    String depsDisplay =
        seen(OBJECTIVE_DEPS_DISPLAY) || !seen(OBJECTIVE_HEAD_STATE)
            ? text(OBJECTIVE_DEPS_DISPLAY)
            : headState(text(OBJECTIVE_HEAD_STATE));
    return new PlanRow(
        prNumber,
        prUrl,
        text(PR_DISPLAY),
        text(CHECKS_DISPLAY),
        (Boolean) pick(CHECKS_PASSING),
        (CheckCounts) pick(CHECKS_COUNTS),
        (Long) pick(CI_SUMMARY_COMMENT_ID),
        text(WORKTREE_NAME),
        flag(EXISTS_LOCALLY),
        text(LOCAL_IMPL_DISPLAY),
        text(REMOTE_IMPL_DISPLAY),
        text(RUN_ID_DISPLAY),
        text(RUN_STATE_DISPLAY),
        (String) pick(RUN_URL),
        text(FULL_TITLE),
        text(PR_BODY, PLAN_BODY, ISSUE_BODY),
        (String) pick(PR_TITLE),
        (String) pick(PR_STATE),
        (String) pick(PR_HEAD_BRANCH),
        (String) pick(WORKTREE_BRANCH),
        (OffsetDateTime) pick(LAST_LOCAL_IMPL_AT),
        (OffsetDateTime) pick(LAST_REMOTE_IMPL_AT),
        (String) pick(RUN_ID),
        (String) pick(RUN_STATUS),
        (String) pick(RUN_CONCLUSION),
        list(LOG_ENTRIES),
        integer(RESOLVED_COMMENT_COUNT),
        integer(TOTAL_COMMENT_COUNT),
        text(COMMENTS_DISPLAY),
        (String) pick(LEARN_STATUS),
        (Integer) pick(LEARN_PLAN_ISSUE),
        (Boolean) pick(LEARN_PLAN_ISSUE_CLOSED),
        (Integer) pick(LEARN_PLAN_PR),
        (String) pick(LEARN_RUN_URL),
        text(LEARN_DISPLAY),
        text(LEARN_DISPLAY_ICON),
        (Integer) pick(OBJECTIVE_ISSUE),
        (String) pick(OBJECTIVE_URL),
        text(OBJECTIVE_DISPLAY),
        integer(OBJECTIVE_DONE_NODES),
        integer(OBJECTIVE_TOTAL_NODES),
        text(OBJECTIVE_PROGRESS_DISPLAY),
        text(OBJECTIVE_SLUG_DISPLAY),
        text(OBJECTIVE_FRONTIER_DISPLAY, OBJECTIVE_STATE_DISPLAY),
        depsDisplay,
        list(OBJECTIVE_DEPS_PLANS, OBJECTIVE_HEAD_PLANS),
        text(OBJECTIVE_NEXT_NODE_DISPLAY),
        (OffsetDateTime) pick(UPDATED_AT),
        text(UPDATED_DISPLAY),
        (OffsetDateTime) pick(CREATED_AT),
        text(CREATED_DISPLAY),
        text(AUTHOR),
        flag(IS_LEARN_PLAN),
        text(LIFECYCLE_DISPLAY),
        text(STATUS_DISPLAY),
        extras(linked));
  }

  private boolean seen(RowField field) {
    return seen[field.ordinal()];
  }

  /** 0.9.0's {@code objective_head_state} wrote {@code in-progress}; erk now writes a space. */
  private static String headState(String state) {
    return state.equals("-") ? state : state.replace('-', ' ');
  }

  /** The key's value if the row has it (marking it used), else the key's "absent" value. */
  private @Nullable Object pick(RowField field) {
    if (seen(field)) {
      used[field.ordinal()] = true;
      return values[field.ordinal()];
    }
    return field.absent();
  }

  /**
   * The value of the first of these keys the row has (marking it used), else the first key's
   * "absent" value. Fixed arities, not varargs: toRow is too large for the JIT to inline a varargs
   * call and drop its array, and those arrays were a fifth of decoding's allocation.
   */
  private @Nullable Object pick(RowField first, RowField second) {
    return seen(first) || !seen(second) ? pick(first) : pick(second);
  }

  private @Nullable Object pick(RowField first, RowField second, RowField third) {
    return seen(first) || seen(second) || !seen(third) ? pick(first, second) : pick(third);
  }

  private String text(RowField field) {
    return (String) requireNonNull(pick(field));
  }

  private String text(RowField first, RowField second) {
    return (String) requireNonNull(pick(first, second));
  }

  private String text(RowField first, RowField second, RowField third) {
    return (String) requireNonNull(pick(first, second, third));
  }

  private int integer(RowField field) {
    return (Integer) requireNonNull(pick(field));
  }

  private boolean flag(RowField field) {
    return (Boolean) requireNonNull(pick(field));
  }

  @SuppressWarnings("unchecked") // RowReader puts only lists of this element type here
  private <T> List<T> list(RowField field) {
    return (List<T>) requireNonNull(pick(field));
  }

  @SuppressWarnings("unchecked") // RowReader puts only lists of this element type here
  private <T> List<T> list(RowField first, RowField second) {
    return (List<T>) requireNonNull(pick(first, second));
  }

  /** Unknown keys in the order erk wrote them, then unused old names, then the linked PR. */
  private Map<String, @Nullable Object> extras(Map<String, @Nullable Object> linked) {
    for (RowField field : FIELDS) {
      if (seen(field) && !used[field.ordinal()] && !field.isCurrent()) {
        extras.put(field.key(), plain(values[field.ordinal()]));
      }
    }
    extras.putAll(linked);
    return extras;
  }

  /** An old-name value as the plain JSON value erk sent (lists of pairs become lists). */
  private static @Nullable Object plain(@Nullable Object value) {
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object element : list) {
        out.add(element instanceof DependencyPlan d ? List.of(d.display(), d.url()) : element);
      }
      return out;
    }
    return value;
  }

  private static Object requireNonNull(@Nullable Object value) {
    if (value == null) {
      throw new IllegalStateException("a non-null row value was null");
    }
    return value;
  }
}
