package dev.erk.client.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.erk.client.PlanList;
import dev.erk.client.PlanQuery;
import dev.erk.client.cli.CliErkClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The program {@link ColdStartBench} starts in a fresh JVM: one side's first {@code listPlans}.
 * Arguments: {@code sdk} or {@code baseline}, the fake erk's executable, its directory. Prints
 * {@code plans <count> <build ms> <call ms>} (the time since {@code main} to build the client or
 * mapper, then to the first answer) on stdout, then exits.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Path executable = Path.of(args[1]);
    Path directory = Path.of(args[2]);
    int count;
    long built;
    if (args[0].equals("sdk")) {
      CliErkClient client =
          CliErkClient.builder().executable(executable).workingDirectory(directory).build();
      built = System.nanoTime();
      PlanList plans = client.listPlans(PlanQuery.defaults());
      count = plans.count();
    } else {
      ObjectMapper mapper = new ObjectMapper();
      built = System.nanoTime();
      List<String> argv = new ArrayList<>();
      argv.add(executable.toString());
      argv.addAll(PlanQuery.defaults().arguments());
      JsonNode tree = mapper.readTree(PlainCall.run(argv, directory).stdout());
      count = tree.get("plans").size();
    }
    long answered = System.nanoTime();
    System.out.println(
        "plans " + count + " " + (built - start) / 1e6 + " " + (answered - built) / 1e6);
    System.out.flush();
    System.exit(0);
  }
}
