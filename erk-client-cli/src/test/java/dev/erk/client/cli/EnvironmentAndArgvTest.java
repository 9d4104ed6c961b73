package dev.erk.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.DashboardAction;
import dev.erk.client.ErkClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentAndArgvTest {
  @TempDir Path dir;

  private static List<String> lines(String text) {
    return List.of(text.split("\n"));
  }

  @Test
  void childGetsPythonUnbufferedAdditionsRemovalsAndTheWorkingDirectory() throws Exception {
    Path repo = Files.createDirectory(dir.resolve("repo"));
    try (ErkClient client =
        TestScripts.behave(dir)
            .workingDirectory(repo)
            .environment("EXTRA", "x y")
            .removeEnvironment("HOME")
            .removeEnvironment("PYTHONUNBUFFERED")
            .build()) {
      String out = client.run(ActionRequest.custom(ActionKind.TEXT, "env")).stdout();
      assertEquals(
          List.of("PYTHONUNBUFFERED=1", "EXTRA=x y", "HOME_SET=", repo.toRealPath().toString()),
          lines(out));
    }
  }

  @Test
  void stdinIsClosedSoPromptsSeeEof() {
    try (ErkClient client = TestScripts.behave(dir).build()) {
      assertEquals(
          "stdin at EOF\n", client.run(ActionRequest.custom(ActionKind.TEXT, "stdin")).stdout());
    }
  }

  @Test
  void shellCharactersArriveVerbatimBecauseNoShellIsInvolved() {
    Path marker = dir.resolve("pwned");
    try (ErkClient client = TestScripts.behave(dir).build()) {
      String out =
          client
              .run(
                  ActionRequest.custom(
                      ActionKind.TEXT,
                      "argv",
                      "$(touch " + marker + ")",
                      "a; touch " + marker,
                      "it's \"quoted\"",
                      "`id`",
                      "*"))
              .stdout();
      assertEquals(
          List.of(
              "[$(touch " + marker + ")]",
              "[a; touch " + marker + "]",
              "[it's \"quoted\"]",
              "[`id`]",
              "[*]"),
          lines(out));
      assertEquals(false, Files.exists(marker));
    }
  }

  @Test
  void aCatalogueActionsCommentArrivesAsOneArgument() {
    PlanRowsForTests rows = new PlanRowsForTests();
    try (ErkClient client = TestScripts.behave(dir).build()) {
      ActionRequest close = DashboardAction.CLOSE_PR.request(rows.open(), "Done; $(x)\nbye");
      List<String> argv = close.arguments();
      assertEquals(List.of("exec", "close-pr", "42", "--comment=Done; $(x)\nbye"), argv);
      String out = client.run(ActionRequest.custom(ActionKind.TEXT, "argv", argv.get(3))).stdout();
      assertEquals("[--comment=Done; $(x)\nbye]\n", out);
    }
  }
}
