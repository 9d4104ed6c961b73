package dev.erk.client.cli.reliability;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.cli.CliErkClient;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Run in a separate JVM by {@link JvmShutdownTest}: starts a stream of the fake erk (which hangs,
 * with a grandchild), prints {@code pids <child> <grandchild>} and exits via {@code System.exit}
 * without closing the client. With {@code --report}, a shutdown hook of its own prints how the
 * stream ended ({@code completion <exception>: <message>}), as an application's hook would see it.
 */
public final class HangingStreamMain {
  private HangingStreamMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    CliErkClient client = Reliability.fake(dir).build();
    CountDownLatch ready = new CountDownLatch(1);
    String[] grandchild = new String[1];
    var handle =
        client.stream(
            ActionRequest.custom(ActionKind.STREAMING, "land"),
            line -> {
              if (line.text().startsWith("grandchild ")) {
                grandchild[0] = line.text().substring("grandchild ".length());
                ready.countDown();
              }
            });
    if (!ready.await(20, TimeUnit.SECONDS)) {
      System.out.println("no grandchild");
      System.exit(2);
    }
    if (args.length > 1 && args[1].equals("--report")) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      System.out.println(
                          "completion " + handle.completion().get(10, TimeUnit.SECONDS));
                    } catch (ExecutionException e) {
                      System.out.println("completion " + e.getCause());
                    } catch (InterruptedException | TimeoutException e) {
                      System.out.println("completion not seen: " + e);
                    }
                  }));
    }
    System.out.println("pids " + handle.pid().orElseThrow() + " " + grandchild[0]);
    System.out.flush();
    System.exit(0);
  }
}
