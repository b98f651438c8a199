package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.ChanxGenerator;
import dev.chanx.gen.CheckOptions;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.Role;
import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.SpecProblem;
import dev.chanx.gen.Target;
import dev.chanx.gen.model.ApiModel;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OKX's public description ({@code realworld/okx_ws_asyncapi.yaml}, a client's side): 51 of its 52
 * channels have no address, and what its server sends has no constant tag. Neither stops it now:
 * each addressless channel gets a route placed in code ({@code AccountRoute.at(path)}) and its
 * messages are told apart by key or by schema. What may still stop it is only payloads that allow
 * any value (two schemas written as {@code {payload: {$ref}}}), which are the work on frames that
 * are not objects; the rest generates with all three targets and compiles.
 */
class OkxDocumentTest {

  @Test
  void onlyPayloadsThatAllowAnyValueMayStopItAndTheRestCompiles(@TempDir Path dir) throws Exception {
    Path document = SharedSpecs.corpus("asyncapi").resolve("realworld/okx_ws_asyncapi.yaml");
    List<SpecProblem> problems;
    try {
      ChanxGenerator.check(document, CheckOptions.defaults().role(Role.CLIENT));
      problems = List.of();
    } catch (SpecException e) {
      problems = e.problems();
    }
    for (SpecProblem problem : problems) {
      assertTrue(problem.render().contains("a schema without a type or properties, which allows any value"),
          problem.render());
    }

    ApiModel model = ChanxGenerator.check(document, CheckOptions.defaults().role(Role.CLIENT).keepGoing(true));
    assertEquals(52 - problems.size(), model.channels().size());
    assertEquals(51 - problems.size(), model.channels().stream().filter(c -> c.address() == null).count());
    List<GeneratedFile> files = ChanxGenerator.generate(model, "com.example.okx", EnumSet.allOf(Target.class));
    assertNull(InMemoryJavac.errors(files.stream().filter(f -> f.relativePath().endsWith(".java")).toList(), dir));
    String positions = files.stream().filter(f -> f.relativePath().endsWith("positions/PositionsRoute.java"))
        .findFirst().orElseThrow().content();
    assertTrue(positions.contains("public static PositionsRoute at(String address)"), positions);
  }
}
