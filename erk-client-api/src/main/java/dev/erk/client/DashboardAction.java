package dev.erk.client;

import static dev.erk.client.ActionParameter.BRANCH;
import static dev.erk.client.ActionParameter.COMMENT;
import static dev.erk.client.ActionParameter.OBJECTIVE_NUMBER;
import static dev.erk.client.ActionParameter.PLAN_FILE;
import static dev.erk.client.ActionParameter.PROMPT;
import static dev.erk.client.ActionParameter.PR_NUMBER;
import static dev.erk.client.ActionParameter.RUN_ID;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue of erk's dashboard actions: what its terminal UI offers on a plan, objective or
 * workflow run, with the availability rule, the command line, and the text the UI displays.
 *
 * <pre>{@code
 * ErkClient client = CliErkClient.builder().build();
 * PlanRow row = client.listPlans().plans().get(0);
 * if (DashboardAction.ADDRESS_REMOTE.isAvailable(row)) {
 *   client.stream(DashboardAction.ADDRESS_REMOTE.request(row), line -> System.out.println(line));
 * }
 * ActionResult closed = client.run(DashboardAction.CLOSE_PR.request(row, "Superseded by #7"));
 * }</pre>
 *
 * <p><b>Where an action is offered.</b> As in erk's dashboard, an action belongs to one tab, its
 * {@link #view()}, and is offered on a row of that tab when {@link #isAvailable(PlanRow)} holds.
 * The row cannot tell which tab it was listed in, so the tab is the caller's: rows of a {@link
 * PlanQuery} with the {@code erk-objective} label form the objectives tab, other rows the plans
 * tab. {@link #available(ActionView, PlanRow)} applies both rules. The objective actions are
 * available on every row of the objectives tab and act on the row's own number, as erk's dashboard
 * does (an objective row's {@code objective_issue} is not always set).
 *
 * <p><b>Availability and argv agree.</b> When {@link #isAvailable(PlanRow)} holds, {@link
 * #request(PlanRow)} (with an input where {@link #input()} asks for one) succeeds and so does
 * {@link ActionRequest#arguments(ErkGeneration)} for every generation that has the action; a
 * generation that lacks it refuses with {@link ErkUnsupportedActionException}. Actions on a PR need
 * the row's {@linkplain PlanRow#linkedPrNumber() linked PR}: erk 0.7.x plans are issues, and its
 * dashboard offers launches and landing only once a PR is linked.
 *
 * <p>{@link #request(PlanRow)} takes every value from the row; an action whose {@link #input()} is
 * not null also needs a value from the user ({@link #request(PlanRow, String)}). Values are
 * validated before any argv exists. Availability rules that depend on erk's global configuration
 * ({@code cmux_integration}) cannot be seen from a row and are not checked. To land a plan and then
 * update its objective as erk's dashboard does, use {@link LandSequence}.
 */
public enum DashboardAction {
  /**
   * Close the plan's PR with a comment: {@code erk exec close-pr N --comment=TEXT} (JSON); erk also
   * posts "Plan completed via erk pr close". erk 0.7.x closes the plan issue with {@code erk exec
   * close-issue-with-comment N --comment=TEXT}, which prints the same JSON shape with {@code
   * issue_number}.
   */
  CLOSE_PR(
      "close_pr",
      "Close Plan",
      ActionView.PLAN,
      ActionKind.JSON,
      COMMENT,
      Set.of(PR_NUMBER, COMMENT)),
  /**
   * Close the plan without a comment, as erk's dashboard does: {@code erk pr close N} ({@code erk
   * plan close N} in 0.7.x). Depending on the release erk also closes the plan's open linked PRs
   * (0.7.x, 0.9.0) or, when the plan has an objective, runs the objective update with Claude
   * (current erk), so this can take minutes.
   */
  CLOSE_PLAN(
      "close_plan",
      "Close Plan (no comment)",
      ActionView.PLAN,
      ActionKind.STREAMING,
      null,
      Set.of(PR_NUMBER)),
  /** Dispatch the plan to the remote queue: {@code erk pr dispatch N}. */
  DISPATCH_TO_QUEUE(
      "dispatch_to_queue",
      "Dispatch to Queue",
      ActionView.PLAN,
      ActionKind.STREAMING,
      null,
      Set.of(PR_NUMBER)),
  /**
   * Land the PR as the TUI does: {@code erk exec land-execute --pr-number=N --branch=B -f}, plus
   * {@code --linked-pr-number=N} unless the plan is a learn plan. The TUI then runs {@link
   * #UPDATE_OBJECTIVE_AFTER_LAND} when the plan has an objective.
   */
  LAND_PR(
      "land_pr", "Land PR", ActionView.PLAN, ActionKind.STREAMING, null, Set.of(PR_NUMBER, BRANCH)),
  /**
   * Update the objective after landing (runs Claude; always exits 0): {@code erk exec
   * objective-update-after-land --objective=O --pr=N --branch=B}.
   */
  UPDATE_OBJECTIVE_AFTER_LAND(
      "objective_update_after_land",
      "Update Objective After Land",
      ActionView.PLAN,
      ActionKind.STREAMING,
      null,
      Set.of(OBJECTIVE_NUMBER, PR_NUMBER, BRANCH)),
  /** Address review comments remotely: {@code erk launch pr-address --pr N}. */
  ADDRESS_REMOTE(
      "address_remote",
      "Address Remote",
      ActionView.PLAN,
      ActionKind.STREAMING,
      null,
      Set.of(PR_NUMBER)),
  /**
   * Rebase remotely: {@code erk launch pr-rebase --pr N} ({@code pr-fix-conflicts} before v0.9.11).
   */
  REBASE_REMOTE(
      "rebase_remote",
      "Rebase Remote",
      ActionView.PLAN,
      ActionKind.STREAMING,
      null,
      Set.of(PR_NUMBER)),
  /** Rewrite remotely: {@code erk launch pr-rewrite --pr N}. */
  REWRITE_REMOTE(
      "rewrite_remote",
      "Rewrite Remote",
      ActionView.PLAN,
      ActionKind.STREAMING,
      null,
      Set.of(PR_NUMBER)),
  /**
   * Dispatch a further plan onto an open PR: {@code erk exec incremental-dispatch --plan-file=P
   * --pr N --format json} (JSON at the end).
   */
  INCREMENTAL_DISPATCH(
      "incremental_dispatch",
      "Incremental Dispatch",
      ActionView.PLAN,
      ActionKind.JSON,
      PLAN_FILE,
      Set.of(PR_NUMBER, PLAN_FILE)),
  /**
   * Open the PR in a cmux workspace: {@code erk exec cmux-open-pr --pr N --branch=B --mode
   * checkout}.
   */
  CMUX_CHECKOUT(
      "cmux_checkout",
      "cmux checkout",
      ActionView.PLAN,
      ActionKind.JSON,
      null,
      Set.of(PR_NUMBER, BRANCH)),
  /**
   * Teleport the PR into a new cmux slot: as {@link #CMUX_CHECKOUT} with {@code --mode teleport}.
   */
  CMUX_TELEPORT(
      "cmux_teleport",
      "cmux teleport",
      ActionView.PLAN,
      ActionKind.JSON,
      null,
      Set.of(PR_NUMBER, BRANCH)),
  /**
   * Validate the objective of an objectives-tab row: {@code erk objective check N}, N the row's own
   * number (exit 1 when a check fails).
   */
  CHECK_OBJECTIVE(
      "check_objective",
      "Check Objective",
      ActionView.OBJECTIVE,
      ActionKind.TEXT,
      null,
      Set.of(OBJECTIVE_NUMBER)),
  /** Close the objective of an objectives-tab row: {@code erk objective close N --force}. */
  CLOSE_OBJECTIVE(
      "close_objective",
      "Close Objective",
      ActionView.OBJECTIVE,
      ActionKind.TEXT,
      null,
      Set.of(OBJECTIVE_NUMBER)),
  /**
   * Plan the next node of an objectives-tab row's objective in one shot: {@code erk objective plan
   * N --one-shot}.
   */
  ONE_SHOT_PLAN(
      "one_shot_plan",
      "Plan (One-Shot)",
      ActionView.OBJECTIVE,
      ActionKind.STREAMING,
      null,
      Set.of(OBJECTIVE_NUMBER)),
  /** Start a one-shot plan from a prompt: {@code erk one-shot PROMPT}. Always available. */
  ONE_SHOT_PROMPT(
      "one_shot_prompt",
      "One-shot prompt",
      ActionView.GLOBAL,
      ActionKind.STREAMING,
      PROMPT,
      Set.of(PROMPT)),
  /** Cancel the plan's queued or running workflow run: {@code erk workflow run cancel ID}. */
  CANCEL_RUN("cancel_run", "Cancel Run", ActionView.RUN, ActionKind.TEXT, null, Set.of(RUN_ID)),
  /** Re-run a failed or cancelled workflow run: {@code erk workflow run retry ID}. */
  RETRY_RUN("retry_run", "Retry Run", ActionView.RUN, ActionKind.TEXT, null, Set.of(RUN_ID)),
  /** Re-run only the failed jobs: {@code erk workflow run retry ID --failed}. */
  RETRY_FAILED_RUN(
      "retry_failed_run",
      "Retry Failed Jobs",
      ActionView.RUN,
      ActionKind.TEXT,
      null,
      Set.of(RUN_ID));

  private final String id;
  private final String title;
  private final ActionView view;
  private final ActionKind kind;
  private final @Nullable ActionParameter input;

  @SuppressWarnings("ImmutableEnumChecker") // every constant passes an unmodifiable Set.of(...)
  private final Set<ActionParameter> parameters;

  DashboardAction(
      String id,
      String title,
      ActionView view,
      ActionKind kind,
      @Nullable ActionParameter input,
      Set<ActionParameter> parameters) {
    this.id = id;
    this.title = title;
    this.view = view;
    this.kind = kind;
    this.input = input;
    this.parameters = parameters;
  }

  /** erk's identifier for the action, e.g. {@code land_pr}. */
  public String id() {
    return id;
  }

  /** The name erk's command palette shows, e.g. {@code Land PR}. */
  public String title() {
    return title;
  }

  /** The dashboard tab the action belongs to. */
  public ActionView view() {
    return view;
  }

  /** How the command reports back. */
  public ActionKind kind() {
    return kind;
  }

  /** The value the user must supply (a comment, plan file or prompt), or null if none. */
  public @Nullable ActionParameter input() {
    return input;
  }

  /** The parameters a request for this action must carry. */
  public Set<ActionParameter> parameters() {
    return parameters;
  }

  /**
   * Whether erk's dashboard offers this action on the row, when the row is listed in the tab the
   * action's {@link #view()} names (see the class comment).
   */
  public boolean isAvailable(PlanRow row) {
    return RowAvailability.isAvailable(this, row);
  }

  /**
   * The actions erk's dashboard offers on a row of a tab, in catalogue order; {@link
   * ActionView#GLOBAL} actions are offered in every tab.
   */
  public static List<DashboardAction> available(ActionView view, PlanRow row) {
    List<DashboardAction> offered = new ArrayList<>();
    for (DashboardAction action : values()) {
      if ((action.view == view || action.view == ActionView.GLOBAL) && action.isAvailable(row)) {
        offered.add(action);
      }
    }
    return List.copyOf(offered);
  }

  /**
   * The request for this action on a row, every value taken from the row.
   *
   * @throws IllegalStateException if the action is not available on the row
   * @throws IllegalArgumentException if the action needs an {@link #input()}, or a row value is not
   *     a safe argument
   */
  public ActionRequest request(PlanRow row) {
    if (input != null) {
      throw new IllegalArgumentException(id + " needs a " + input + ": use request(row, value)");
    }
    return ActionRequest.of(this, fromRow(row));
  }

  /**
   * The request for this action on a row, with the user's {@link #input()} value.
   *
   * @throws IllegalStateException if the action is not available on the row
   * @throws IllegalArgumentException if the action takes no input, or a value is not a safe
   *     argument
   */
  public ActionRequest request(PlanRow row, String inputValue) {
    if (input == null) {
      throw new IllegalArgumentException(id + " takes no input: use request(row)");
    }
    Map<ActionParameter, String> values = fromRow(row);
    values.put(input, inputValue);
    return ActionRequest.of(this, values);
  }

  private Map<ActionParameter, String> fromRow(PlanRow row) {
    if (!isAvailable(row)) {
      throw new IllegalStateException(id + " is not available on plan #" + row.prNumber());
    }
    return RowValues.forRequest(this, row);
  }
}
