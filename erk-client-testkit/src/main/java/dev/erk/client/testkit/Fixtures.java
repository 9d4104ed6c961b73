package dev.erk.client.testkit;

/**
 * erk's output for the situations a client must handle, in erk's exact shape (one line, Python
 * {@code json.dumps} separators, ASCII escapes), on the class path under {@code
 * dev/erk/client/testkit/fixtures/} as {@link Recording} files; each {@code NAME.meta.json} says
 * whether it was recorded from real erk or built by {@link PlanRows} from the contract.
 *
 * <pre>{@code
 * FakeErk erk = FakeErk.create();
 * erk.stubFor(ArgvPattern.command("exec", "dash-data")).willReturn(Fixtures.DASH_DATA_PLANS.reply());
 * erk.stubFor(ArgvPattern.exactly("--version")).willReturn(Fixtures.VERSION_0_9_0.reply());
 * }</pre>
 *
 * <p>Thread-safe; files are read once, on first use.
 */
public enum Fixtures implements RecordedFixture {
  /** No plans: {@code {"success": true, "plans": [], "count": 0}} (recorded). */
  DASH_DATA_EMPTY("dash-data-empty"),
  /** Four open plans from erk's default view, recorded from real erk against a fake GitHub. */
  DASH_DATA_RECORDED_OPEN_PLANS("dash-data-recorded-open-plans"),
  /**
   * Six open plans with {@code --show-runs}: #101 green checks and a local worktree, #102 failing
   * checks and a failed run, #103 conflicts (💥), #104 a running workflow, #105 learn status, #106
   * an objective (#7000) waiting on dependency plans #104 and #103.
   */
  DASH_DATA_PLANS("dash-data-plans"),
  /** Two closed plans, as {@code --state closed} lists them. */
  DASH_DATA_CLOSED("dash-data-closed"),
  /** No {@code origin} remote: erk's JSON error on stdout, exit 1 (recorded). */
  DASH_DATA_ERROR_NO_REMOTE("dash-data-error-no-remote"),
  /** No GitHub token: erk's JSON error on stdout, exit 1 (recorded). */
  DASH_DATA_ERROR_NOT_AUTHENTICATED("dash-data-error-not-authenticated"),
  /** No {@code gh} on PATH: a Python traceback on stderr, nothing on stdout, exit 1 (recorded). */
  DASH_DATA_CRASH_GH_MISSING("dash-data-crash-gh-missing"),
  /** An unknown command: Click's usage error on stderr, exit 2 (recorded). */
  USAGE_ERROR_UNKNOWN_COMMAND("usage-error-unknown-command"),
  /**
   * Two rows of the v0.9.11 release (57 keys: plan_id, plan_url, plan_body, nullable pr_number).
   */
  DASH_DATA_V0_9_11("dash-data-v0.9.11"),
  /** Two rows of erk 0.9.0 (56 keys: objective_head_state, objective_head_plans …). */
  DASH_DATA_V0_9_0("dash-data-v0.9.0"),
  /**
   * Two rows of erk 0.7.x (38 keys: issue_number, issue_url, title, a different linked pr_number).
   */
  DASH_DATA_V0_7("dash-data-v0.7"),
  /** {@code erk, version 0.9.11} (recorded; current erk and the v0.9.11 release both print it). */
  VERSION_0_9_11("version-0.9.11"),
  /** {@code erk, version 0.9.0}. */
  VERSION_0_9_0("version-0.9.0"),
  /** {@code erk, version 0.7.2}. */
  VERSION_0_7_2("version-0.7.2");

  private final String fileName;

  Fixtures(String fileName) {
    this.fileName = fileName;
  }

  /** The base name of its files, e.g. {@code dash-data-empty}. */
  public String fileName() {
    return fileName;
  }

  /** The class-path resource of its stdout, e.g. {@code dev/erk/client/testkit/fixtures/…}. */
  public String resourceName() {
    return "dev/erk/client/testkit/fixtures/" + fileName + ".stdout";
  }

  /** The whole fixture: argv, output bytes, exit code, description and provenance. */
  @Override
  public Recording recording() {
    return RecordedFixture.load("fixtures/" + fileName);
  }
}
