package dev.chanx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client application gets no Jetty: the module's compile and runtime dependencies, as Maven
 * resolved them for this build (maven-dependency-plugin's list, written before the tests run).
 * The tests' own classpath cannot tell, since they run beside a real server.
 */
class NoJettyTest {

  @Test
  void theClientsDependencyTreeHasNoJetty() throws IOException {
    String listed = System.getProperty("chanx.runtimeDependencies");
    List<String> lines = Files.readAllLines(Path.of(listed));
    assertTrue(lines.stream().anyMatch(line -> line.contains("dev.chanx:chanx-core:")),
        () -> "the list does not look like the module's dependencies: " + lines);
    List<String> jetty = lines.stream().filter(line -> line.contains("org.eclipse.jetty")).toList();
    assertEquals(List.of(), jetty, "chanx-client must not bring Jetty");
  }
}
