package dev.chanx.gen.codegen;

import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.read.SpecReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chat channel the server's tests host, checked into {@code server/src/test/java} as exactly
 * what the generator writes from {@code server/src/test/resources/chat-test.asyncapi.yaml} (the
 * tutorial's {@code spec/chat.asyncapi.yaml} plus test-only messages): the server's tests cannot run
 * the generator themselves (its tests depend on the server). Run with
 * {@code -Dchanx.updateGoldens=true} to rewrite them after an intended change, then review the diff.
 */
class ServerTestChannelTest {

  private static final Path SPEC = Path.of("../../server/src/test/resources/chat-test.asyncapi.yaml");
  private static final Path SOURCES = Path.of("../../server/src/test/java");
  private static final String PACKAGE = "dev.chanx.server.testing";
  private static final String FOLDER = "dev/chanx/server/testing/chat/";

  @Test
  void theServerTestsChatChannelIsWhatTheGeneratorWrites() throws Exception {
    List<GeneratedFile> files = JavaGenerator.generate(SpecReader.read(SPEC, null), PACKAGE);
    Goldens.check(SOURCES, FOLDER, files);
  }
}
