package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.read.SpecReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated JavaScript client's recovery (positions taken off frames, kept per group, reported
 * and presented as {@code chanx_recover} on the next connect), run by {@code node --test} from
 * {@code js/recovery.test.mjs} against the tutorial's module.
 */
class JsClientRecoveryTest {

  @Test
  void theTutorialsModuleResumesRecoverableGroups(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(NodeProcess.available(), "node is not installed");
    GeneratedFile module = JsClientGenerator.generate(SpecReader.read(SharedSpecs.tutorial(), null)).get(1);
    Path file = dir.resolve(module.relativePath());
    Files.createDirectories(file.getParent());
    Files.writeString(file, module.content(), StandardCharsets.UTF_8);
    Path test = dir.resolve("recovery.test.mjs");
    try (var script = JsClientRecoveryTest.class.getResourceAsStream("/js/recovery.test.mjs")) {
      Files.write(test, script.readAllBytes());
    }
    String output = NodeProcess.run(Map.of("CHANX_MODULE", file.toUri().toString()), "--test", test.toString());
    assertTrue(output.contains("# fail 0"), output);
  }
}
