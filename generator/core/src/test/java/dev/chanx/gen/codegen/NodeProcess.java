package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code node} for the tests of the JavaScript client; tests skip themselves where it is missing. */
final class NodeProcess {

  private NodeProcess() {}

  /** Whether {@code node} runs here. */
  static boolean available() {
    try {
      return new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Runs node with these arguments and environment, asserts it exits with 0, and returns its output. */
  static String run(Map<String, String> environment, String... args) throws Exception {
    Result result = call(environment, args);
    assertEquals(0, result.exit(), result.output());
    return result.output();
  }

  /** How a run of node ended: its exit status and what it printed (both streams). */
  record Result(int exit, String output) {}

  /** Runs node with these arguments and environment, however it ends. */
  static Result call(Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("node"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "node did not finish");
    return new Result(process.exitValue(), output);
  }
}
