package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.SharedSpecs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JS client picks a frame that no tag or key picks by the first message whose schema it fits;
 * that check ({@code fits} in the client runtime) is run by Node over the official JSON Schema Test
 * Suite (draft 7), every file of a keyword it checks, and must agree with every case.
 */
class JsSchemaFitTest {

  @Test
  void theRuntimesSchemaCheckAgreesWithTheTestSuite(@TempDir Path dir) throws Exception {
    Path suite = SharedSpecs.corpus("jsonschema/draft7");
    Assumptions.assumeTrue(NodeProcess.available(), "node is not installed");
    Path runtime = dir.resolve("runtime.mjs");
    Files.writeString(runtime, JsSource.resource("client-runtime.js") + "\nexport { fits };\n", StandardCharsets.UTF_8);
    Path test = dir.resolve("fits.test.mjs");
    try (var script = JsSchemaFitTest.class.getResourceAsStream("/js/fits.test.mjs")) {
      Files.write(test, script.readAllBytes());
    }
    String output = NodeProcess.run(Map.of("CHANX_FITS", runtime.toUri().toString(),
        "CHANX_SUITE", suite.toString()), "--test", test.toString());
    assertTrue(output.contains("# fail 0"), output);
    System.out.println(output.lines().filter(l -> l.contains("fits:")).findFirst().orElse(""));
  }
}
