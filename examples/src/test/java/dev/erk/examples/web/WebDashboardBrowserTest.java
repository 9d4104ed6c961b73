package dev.erk.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.cli.CliErkClient;
import dev.erk.client.testkit.ArgvPattern;
import dev.erk.client.testkit.FakeErk;
import dev.erk.client.testkit.PlanRows;
import dev.erk.client.testkit.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web dashboard end to end: the demo scenario on a fake erk, in headless Chromium. */
class WebDashboardBrowserTest {
  /** Where the screenshot of a running stream goes (the README shows a copy from docs/). */
  static final Path SCREENSHOT = Path.of("target", "web-dashboard.png");

  private static ChromeDriver browser;

  private FakeErk erk;
  private CliErkClient client;
  private DashboardServer server;
  private WebDriverWait wait;

  @BeforeAll
  static void openBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) { // null when Chromium was missing: that failure is the one to report
      browser.quit();
    }
  }

  @BeforeEach
  void start() {
    erk = FakeErk.create();
    DemoScenario.script(erk);
    client = erk.client();
    server = DashboardServer.start(client, 0, Duration.ofMinutes(10));
    wait = new WebDriverWait(browser, ErkProcesses.PATIENCE);
    wait.ignoring(StaleElementReferenceException.class); // the table is redrawn on refresh
  }

  @AfterEach
  void stop() {
    browser.get("about:blank");
    server.close();
    client.close();
    erk.close();
  }

  private void open() {
    browser.get(server.uri().toString());
    wait.until(
        ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#plans tbody tr"), 0));
  }

  private List<String> column(String name) {
    return browser.findElements(By.cssSelector("#plans tbody td." + name)).stream()
        .map(WebElement::getText)
        .toList();
  }

  private WebElement runAction(int pr, String action) {
    return runAction(pr, action, null);
  }

  /**
   * Clicks the row's action and returns its new output panel; a destructive action asks {@code
   * question} first, and the test confirms.
   */
  private WebElement runAction(int pr, String action, @Nullable String question) {
    int before = browser.findElements(By.cssSelector("#runs .run")).size();
    WebElement row = browser.findElement(By.cssSelector("#plans tr[data-pr='" + pr + "']"));
    row.findElement(By.tagName("summary")).click();
    row.findElement(By.cssSelector("button[data-action='" + action + "']")).click();
    if (question != null) {
      Alert confirmation = wait.until(ExpectedConditions.alertIsPresent());
      assertEquals(question, confirmation.getText());
      confirmation.accept();
    }
    wait.until(d -> d.findElements(By.cssSelector("#runs .run")).size() > before);
    return browser.findElement(By.cssSelector("#runs .run")); // the newest comes first
  }

  private List<String> lines(WebElement panel) {
    return panel.findElements(By.cssSelector(".line")).stream()
        .map(
            line ->
                String.valueOf(line.getAttribute("class")).replace("line ", "")
                    + " "
                    + line.getText())
        .toList();
  }

  @Test
  void theTableShowsTheFakesPlans() {
    open();

    assertEquals(
        List.of("#7911", "#7905", "#7898", "#7890", "#7886"),
        column("pr").stream().map(pr -> pr.split(" ", 2)[0]).toList());
    assertTrue(column("title").contains("国際化: ダッシュボードの列幅を修正する 🚀"));
    assertTrue(column("run").contains("24681357 ❌ Failure"), column("run").toString());
    WebElement summary = browser.findElement(By.cssSelector("#plans tr[data-pr='7911'] summary"));
    summary.click();
    WebElement land =
        browser.findElement(
            By.cssSelector("#plans tr[data-pr='7911'] button[data-action='land_pr']"));
    assertEquals("Land PR", land.findElement(By.tagName("span")).getText());
    assertEquals("erk land 7911", land.findElement(By.tagName("code")).getText());
  }

  @Test
  void aFilterChangesErksCommandLine() throws InterruptedException {
    open();
    erk.verify(1, ArgvPattern.command("exec", "dash-data"));

    browser.findElement(By.id("filter-creator")).sendKeys("alice");
    browser.findElement(By.id("apply-filters")).click();

    wait.until(d -> column("pr").size() == 2);
    erk.verify(1, ArgvPattern.command("exec", "dash-data").withOption("--creator", "alice"));
    assertEquals(
        List.of("exec", "dash-data", "--show-runs", "--creator", "alice"),
        erk.invocations().get(1).argv());
  }

  @Test
  void aStreamingActionsLinesAppearInOrderWhileItRuns() throws IOException {
    erk.stubFor(ArgvPattern.prefix("launch", "pr-address"))
        .willReturn(
            Reply.timeline()
                .stderr("Checking PR status...")
                .pause(Duration.ofMillis(200))
                .stdout("PR #7911: Add retry with exponential backoff (OPEN)")
                .pause(Duration.ofMillis(200))
                .stderr("Dispatching pr-address workflow...")
                .pause(Duration.ofHours(1))
                .exitCode(0));
    open();

    WebElement panel = runAction(7911, "address_remote");

    wait.until(d -> lines(panel).size() == 3);
    assertEquals(
        List.of(
            "stderr Checking PR status...",
            "stdout PR #7911: Add retry with exponential backoff (OPEN)",
            "stderr Dispatching pr-address workflow..."),
        lines(panel));
    assertEquals("running", panel.findElement(By.cssSelector(".run-state")).getText());
    assertFalse(ErkProcesses.of(erk).isEmpty(), "erk is still running");

    WebElement second = runAction(7905, "dispatch_to_queue");
    wait.until(d -> "done".equals(second.findElement(By.cssSelector(".run-state")).getText()));
    assertEquals(5, lines(second).size(), "a second action ran to its end alongside the first");
    assertEquals("running", panel.findElement(By.cssSelector(".run-state")).getText());
    Files.createDirectories(SCREENSHOT.getParent());
    Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void cancelKillsErksWholeTree() {
    open();
    WebElement panel = runAction(7905, "rewrite_remote", "Run `erk launch pr-rewrite --pr 7905`?");
    wait.until(d -> lines(panel).stream().anyMatch(line -> line.contains("Waiting for")));
    List<ProcessHandle> tree = ErkProcesses.of(erk);
    assertTrue(tree.size() >= 2, "erk and its child: " + tree);

    panel.findElement(By.cssSelector("button.cancel")).click();

    wait.until(d -> "cancelled".equals(panel.findElement(By.cssSelector(".run-state")).getText()));
    ErkProcesses.awaitGone(tree);
    assertTrue(ErkProcesses.of(erk).isEmpty());
  }

  @Test
  void aFailingActionShowsErksReason() {
    open();
    WebElement panel = runAction(DemoScenario.CLOSED_MEANWHILE, "rebase_remote");

    wait.until(d -> panel.findElement(By.cssSelector(".run-state")).getText().startsWith("failed"));
    assertEquals("failed (exit 1)", panel.findElement(By.cssSelector(".run-state")).getText());
    assertEquals(
        "Error: Cannot rebase CLOSED PR - only OPEN PRs can be rebased",
        panel.findElement(By.cssSelector(".run-reason")).getText());
  }

  @Test
  void aFastActionShowsItsResultMessage() {
    open();
    WebElement row = browser.findElement(By.cssSelector("#plans tr[data-pr='7911']"));
    row.findElement(By.tagName("summary")).click();
    row.findElement(By.cssSelector("button[data-action='retry_run']")).click();

    WebElement message =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages .message")));
    assertEquals(
        "erk workflow run retry 24681357: done\nRetried workflow run 24681357", message.getText());
    assertTrue(browser.findElements(By.cssSelector("#runs .run")).isEmpty());
  }

  @Test
  void aTitleWithAScriptTagIsShownAsText() {
    String title = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>";
    erk.stubPlans(PlanRows.open(4242).title(title).build());
    open();

    assertEquals(List.of(title), column("title"));
    assertEquals("erk dashboard", browser.getTitle());
    assertTrue(browser.findElements(By.cssSelector("#plans img, #plans tbody script")).isEmpty());
  }

  @Test
  void aPostWithoutTheTokenIsRefused() {
    open();
    Object status =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                """
        const done = arguments[arguments.length - 1];
        fetch('/api/actions', {method: 'POST', headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({pr: '7898', action: 'cancel_run'})})
          .then(r => done(r.status), e => done(String(e)));""");

    assertEquals(403L, status);
    erk.verify(0, ArgvPattern.prefix("workflow"));
  }

  private List<String> texts(String selector) {
    return browser.findElements(By.cssSelector(selector)).stream()
        .map(WebElement::getText)
        .toList();
  }

  private void select(int pr) {
    browser.findElement(By.cssSelector("#plans tr[data-pr='" + pr + "'] td.title")).click();
  }

  @Test
  void selectingAPlanShowsItsDetailsAndSelectingAnObjectiveItsRoadmap() {
    open();
    select(7911);

    wait.until(d -> texts("#detail .review-threads .location").size() == 2);
    assertEquals(
        List.of("src/widgets/core.py:42", "README.md"), texts("#detail .review-threads .location"));
    assertEquals(List.of("unit-tests", "lint"), texts("#detail .ci-summaries .check-name"));
    assertTrue(
        texts("#detail .ci-summaries .check-text").get(0).contains("AssertionError: 3 != 2"));
    assertEquals(3, texts("#detail .plan-log tr.event").size());

    browser.findElement(By.id("filter-label")).sendKeys(PlanJson.OBJECTIVE_LABEL);
    browser.findElement(By.id("apply-filters")).click();
    wait.until(d -> column("pr").size() == 1);
    select(DemoPanels.OBJECTIVE);

    wait.until(d -> !texts("#detail .roadmap .node").isEmpty());
    assertEquals("objective", browser.findElement(By.id("detail")).getAttribute("data-kind"));
    assertEquals(List.of("Phase 1", "Phase 2A"), texts("#detail .phase h4"));
    assertEquals(
        List.of("done", "in_progress", "pending", "skipped"), texts("#detail .node .status"));
    assertEquals("1/4 done, 1 in flight, next: 1.2", texts("#detail .roadmap-summary").get(0));
  }

  @Test
  void erksFailureInAPanelShowsErksReason() {
    open();
    select(DemoScenario.CLOSED_MEANWHILE);

    wait.until(d -> !texts("#detail .review-threads .section-failed").isEmpty());
    assertTrue(
        texts("#detail .review-threads .section-failed")
            .get(0)
            .startsWith("erk failed: GraphQL query failed: Could not resolve to a PullRequest"));
    assertEquals(2, texts("#detail .ci-summaries .check-name").size());
  }

  @Test
  void aReviewCommentWithAScriptTagIsShownAsText() throws IOException {
    String body = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>";
    erk.stubFor(ArgvPattern.exactly("exec", "get-pr-review-comments", "--pr", "7905"))
        .willReturn(Reply.stdout(DetailsHandlerTest.reviewThreads(7905, "<b>src</b>/x.py", body)));
    open();
    select(7905);

    wait.until(d -> !texts("#detail .review-threads .comment .body").isEmpty());
    assertEquals(List.of(body), texts("#detail .review-threads .comment .body"));
    assertEquals(List.of("<b>src</b>/x.py:3"), texts("#detail .review-threads .location"));
    assertEquals("erk dashboard", browser.getTitle());
    assertTrue(
        browser.findElements(By.cssSelector("#detail img, #detail script, #detail b")).isEmpty());
  }
}
