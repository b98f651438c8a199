package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.testing.SignalServerMain;
import dev.chanx.server.testing.TestClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** SIGTERM to a JVM whose server has {@code stopOnSignal()} closes its sockets with 1001, then the JVM exits. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@DisabledOnOs(OS.WINDOWS)
class StopOnSignalTest {

  @Test
  void sigtermClosesSocketsWith1001AndTheJvmExits() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", SignalServerMain.class.getName())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertTrue(line != null && line.startsWith("port="), "the server printed " + line);
      int port = Integer.parseInt(line.substring(5));
      try (TestClient client = TestClient.connect(port, "/ws/chat/signal/")) {
        client.send("{\"action\":\"ping\"}").expect("{\"action\":\"pong\",\"payload\":null}");
        process.destroy(); // SIGTERM on Unix
        assertEquals(1001, client.closeCode());
      }
      assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the JVM did not exit");
      assertEquals(128 + 15, process.exitValue());
    } finally {
      process.destroyForcibly();
    }
  }
}
