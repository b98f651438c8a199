package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.ChanxGenerator;
import dev.chanx.gen.CheckOptions;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.Role;
import dev.chanx.gen.Target;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A document written for a client, read with {@code --role client}, gives a right server and client. */
class ClientSideDocumentTest {

  @ParameterizedTest
  @ValueSource(strings = {"ticker-client.yaml", "ticker-client-2.6.yaml"})
  void theServerHandlesWhatTheClientSendsAndPushesWhatItReceives(String name, @TempDir Path dir) throws Exception {
    var model = ChanxGenerator.check(Path.of("src/test/resources/read/role").resolve(name),
        CheckOptions.defaults().role(Role.CLIENT));
    List<GeneratedFile> files = ChanxGenerator.generate(model, "com.example", EnumSet.allOf(Target.class));

    String handler = content(files, "com/example/market/MarketHandler.java");
    assertTrue(handler.contains(" subscribe(Subscribe message,"), handler);
    assertTrue(handler.contains(" onTick(Tick event,"), handler);
    String publisher = content(files, "com/example/market/MarketPublisher.java");
    assertTrue(publisher.contains(" pushTick(String connectionId, Tick message)"), publisher);
    String listener = content(files, "com/example/market/MarketListener.java");
    assertTrue(listener.contains("(Tick message)"), listener);
    InMemoryJavac.compile(files.stream().filter(f -> f.relativePath().endsWith(".java")).toList(), dir);
  }

  private static String content(List<GeneratedFile> files, String path) {
    return files.stream().filter(f -> f.relativePath().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + path + " among " + files.stream()
            .map(GeneratedFile::relativePath).toList())).content();
  }
}
