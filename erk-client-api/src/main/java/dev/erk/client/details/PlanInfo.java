package dev.erk.client.details;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A plan's info and body: {@code erk exec get-pr-info N --include-body} ({@code get-plan-info}
 * before current erk, which named the number {@code plan_id}).
 *
 * @param prNumber the plan's number as erk sends it (a string: {@code "42"})
 * @param title its title
 * @param state {@code OPEN} or {@code CLOSED}
 * @param labels its labels
 * @param url its URL
 * @param objectiveId the objective it belongs to, or null
 * @param backend erk's plan backend, e.g. {@code github-draft-pr}
 * @param headRefName the PR's head branch; null before current erk, or when unknown
 * @param baseRefName the PR's base branch; null before current erk, or when unknown
 * @param body the plan's content
 * @param extras keys erk sent that this version does not know
 */
public record PlanInfo(
    String prNumber,
    String title,
    String state,
    List<String> labels,
    String url,
    @Nullable Integer objectiveId,
    String backend,
    @Nullable String headRefName,
    @Nullable String baseRefName,
    @Nullable String body,
    Map<String, @Nullable Object> extras) {

  /** Checks and copies. */
  public PlanInfo {
    requireNonNull(prNumber, "prNumber");
    requireNonNull(title, "title");
    requireNonNull(state, "state");
    labels = Values.list(labels);
    requireNonNull(url, "url");
    requireNonNull(backend, "backend");
    extras = Values.map(extras);
  }
}
