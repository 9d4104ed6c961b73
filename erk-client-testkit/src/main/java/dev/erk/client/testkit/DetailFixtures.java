package dev.erk.client.testkit;

import java.util.List;

/**
 * erk's answers to the detail queries of {@link dev.erk.client.details.DetailQuery}, in erk's exact
 * bytes: success, empty, not-found and error shapes, for every generation whose shape differs. On
 * the class path under {@code dev/erk/client/testkit/fixtures/details/} as {@link Recording} files;
 * each {@code NAME.meta.json} names the erk revision and source file whose {@code json.dumps} call
 * it reproduces. Names without a version are current erk's; {@code V0_9} means v0.9.11 and v0.9.0
 * alike.
 *
 * <pre>{@code
 * class ThreadsTest {
 *   static ReviewThreads threads(FakeErk fakeErk) {
 *     DetailFixtures.REVIEW_THREADS.stubOn(fakeErk);
 *     return fakeErk.client().fetch(DetailQuery.reviewThreads(42, false));
 *   }
 * }
 * }</pre>
 *
 * <p>Thread-safe; files are read once, on first use.
 */
public enum DetailFixtures implements RecordedFixture {
  /** {@code erk exec get-pr-review-comments --pr 42}: two unresolved threads, one on a file. */
  REVIEW_THREADS("review-threads"),
  /** {@code erk exec get-pr-review-comments --pr 42}: no unresolved threads. */
  REVIEW_THREADS_EMPTY("review-threads-empty"),
  /** {@code erk exec get-pr-review-comments --pr 42}: no such PR: JSON error with exit 0. */
  REVIEW_THREADS_PR_NOT_FOUND("review-threads-pr-not-found"),
  /**
   * {@code erk exec get-pr-review-comments --pr 42}: GitHub API failure: multi-line message, exit
   * 0.
   */
  REVIEW_THREADS_API_FAILED("review-threads-api-failed"),
  /** {@code erk exec get-pr-feedback --pr 42}: reviews, threads and comments (current erk). */
  FEEDBACK("feedback"),
  /** {@code erk exec get-pr-feedback --pr 42}: no reviews key (v0.9.11 and v0.9.0). */
  FEEDBACK_V0_9("feedback-v0.9"),
  /** {@code erk exec get-pr-feedback --pr 42}: no such PR: JSON error with exit 0. */
  FEEDBACK_PR_NOT_FOUND("feedback-pr-not-found"),
  /** {@code erk exec get-pr-discussion-comments --pr 42}: one comment. */
  DISCUSSION("discussion"),
  /** {@code erk exec get-pr-discussion-comments --pr 42}: no comments. */
  DISCUSSION_EMPTY("discussion-empty"),
  /** {@code erk exec get-pr-discussion-comments --pr 42}: no such PR: JSON error with exit 0. */
  DISCUSSION_PR_NOT_FOUND("discussion-pr-not-found"),
  /** {@code erk exec get-pr-view 42}: an open draft PR. */
  PR_VIEW("pr-view"),
  /** {@code erk exec get-pr-view 42}: no such PR: exit 1. */
  PR_VIEW_NOT_FOUND("pr-view-not-found"),
  /** {@code erk exec get-pr-info 42 --include-body}: a plan with its body. */
  PLAN_INFO("plan-info"),
  /** {@code erk exec get-pr-info 42 --include-body}: no such plan: JSON on stderr, exit 1. */
  PLAN_INFO_NOT_FOUND("plan-info-not-found"),
  /** {@code erk exec get-plan-info 42 --include-body}: get-plan-info: plan_id, no ref names. */
  PLAN_INFO_V0_9("plan-info-v0.9"),
  /** {@code erk exec get-plan-info 42 --include-body}: no such plan: JSON on stderr, exit 1. */
  PLAN_INFO_V0_9_NOT_FOUND("plan-info-v0.9-not-found"),
  /** {@code erk exec get-pr-metadata 42 objective_id}: a present field. */
  HEADER_FIELD("header-field"),
  /** {@code erk exec get-pr-metadata 42 worktree_name}: an absent field: value null. */
  HEADER_FIELD_ABSENT("header-field-absent"),
  /** {@code erk exec get-pr-metadata 42 objective_id}: no such PR: JSON on stderr, exit 1. */
  HEADER_FIELD_NOT_FOUND("header-field-not-found"),
  /** {@code erk exec get-plan-metadata 42 objective_id}: get-plan-metadata: plan_number. */
  HEADER_FIELD_V0_9("header-field-v0.9"),
  /** {@code erk exec get-plan-metadata 42 objective_id}: get-plan-metadata on 0.7: issue_number. */
  HEADER_FIELD_V0_7("header-field-v0.7"),
  /** {@code erk exec ci-fetch-summaries --pr-number 42}: two failing checks. */
  CI_SUMMARIES("ci-summaries"),
  /**
   * {@code erk exec ci-fetch-summaries --pr-number 42}: no CI run or no summaries: &#123;&#125;.
   */
  CI_SUMMARIES_EMPTY("ci-summaries-empty"),
  /** {@code erk exec ci-fetch-summaries --pr-number 42}: no such PR: bare error object, exit 1. */
  CI_SUMMARIES_PR_NOT_FOUND("ci-summaries-pr-not-found"),
  /** {@code erk pr log 42 --json}: three events, JSON array on stderr. */
  PLAN_LOG("plan-log"),
  /** {@code erk pr log 42 --json}: no events: [] on stderr. */
  PLAN_LOG_EMPTY("plan-log-empty"),
  /** {@code erk pr log 42 --json}: no such PR: Error line on stderr, exit 1. */
  PLAN_LOG_NOT_FOUND("plan-log-not-found"),
  /** {@code erk plan log 42 --json}: erk plan log on 0.7.x. */
  PLAN_LOG_V0_7("plan-log-v0.7"),
  /** {@code erk json objective view}: a four-node roadmap (stdin &#123;"identifier": "7"&#125;). */
  OBJECTIVE("objective"),
  /** {@code erk json objective view}: no such issue: exit 1. */
  OBJECTIVE_NOT_FOUND("objective-not-found"),
  /** {@code erk json objective view}: an issue that is no objective. */
  OBJECTIVE_NOT_OBJECTIVE("objective-not-objective"),
  /** {@code erk objective view 7 --json-output}: --json-output: compact, nodes carry reason. */
  OBJECTIVE_V0_9_11("objective-v0.9.11"),
  /** {@code erk objective view 7 --json-output}: --json-output: nodes without reason. */
  OBJECTIVE_V0_9_0("objective-v0.9.0"),
  /** {@code erk objective view 7 --json-output}: no such issue: Error line on stderr, exit 1. */
  OBJECTIVE_V0_9_NOT_FOUND("objective-v0.9-not-found"),
  /**
   * {@code erk json objective check}: a failing check with success true (the framework overwrites
   * it).
   */
  OBJECTIVE_CHECKS("objective-checks"),
  /** {@code erk json objective check}: operation error: exit 1. */
  OBJECTIVE_CHECKS_ERROR("objective-checks-error"),
  /** {@code erk objective check 7 --json-output}: --json-output, all checks pass. */
  OBJECTIVE_CHECKS_V0_9("objective-checks-v0.9"),
  /**
   * {@code erk objective check 7 --json-output}: --json-output with a failing check: success false,
   * exit 1 (data).
   */
  OBJECTIVE_CHECKS_V0_9_FAILING("objective-checks-v0.9-failing"),
  /** {@code erk objective check 7 --json-output}: operation error: exit 1. */
  OBJECTIVE_CHECKS_V0_9_ERROR("objective-checks-v0.9-error"),
  /** {@code erk objective check 7 --json-output}: 0.7.x: steps, next_step, total_steps. */
  OBJECTIVE_CHECKS_V0_7("objective-checks-v0.7"),
  /** {@code erk exec get-prs-for-objective 7}: two linked plans. */
  PLANS_FOR_OBJECTIVE("plans-for-objective"),
  /** {@code erk exec get-prs-for-objective 7}: no linked plans. */
  PLANS_FOR_OBJECTIVE_EMPTY("plans-for-objective-empty"),
  /** {@code erk exec get-prs-for-objective 7}: listing failed: exit 1. */
  PLANS_FOR_OBJECTIVE_ERROR("plans-for-objective-error"),
  /** {@code erk exec get-plans-for-objective 7}: key plans. */
  PLANS_FOR_OBJECTIVE_V0_9("plans-for-objective-v0.9"),
  /** {@code erk exec get-issue-body 7}: an objective issue. */
  ISSUE_BODY("issue-body"),
  /** {@code erk exec get-issue-body 7}: no such issue: exit 1. */
  ISSUE_BODY_NOT_FOUND("issue-body-not-found");

  private final String fileName;

  DetailFixtures(String fileName) {
    this.fileName = fileName;
  }

  /** The base name of its files, e.g. {@code review-threads}. */
  public String fileName() {
    return fileName;
  }

  /** The whole fixture: argv, output bytes, exit code, description and provenance. */
  @Override
  public Recording recording() {
    return RecordedFixture.load("fixtures/details/" + fileName);
  }

  /** Stubs {@code erk} to answer this fixture's command line (without {@code erk}) with it. */
  public Stub stubOn(FakeErk erk) {
    List<String> argv = argv();
    return erk.stubFor(ArgvPattern.exactly(argv.subList(1, argv.size()))).willReturn(reply());
  }
}
