package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.ChanxGenerator;
import dev.chanx.gen.CheckOptions;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.Role;
import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.SpecProblem;
import dev.chanx.gen.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every AsyncAPI document of the corpus ({@code ../shared/corpus/asyncapi}, real documents nobody
 * here wrote), read as the side it describes, generates the server and both clients; the Java
 * compiles with every lint an error and Node loads the JavaScript. Binary frames (Deepgram's
 * audio) and frames that are not objects (Coincheck's arrays, gitter's string heartbeat,
 * Coinbase's mixed choices) generate, and so do OKX's channels without an address (each placed in
 * code). The count that does is a floor, and a refusal would be listed with its first problem, so
 * the number only goes up.
 */
class CorpusDocumentsTest {

  /**
   * Each document by its root (multi-file ones by the file that refers to the others, as their
   * PROVENANCE says), with the side it describes: those published for an API's users describe
   * the client.
   */
  private static final Map<String, Role> DOCUMENTS = new LinkedHashMap<>();

  static {
    DOCUMENTS.put("chanx/chanx_sandbox_django_asyncapi_schema.json", Role.SERVER);
    DOCUMENTS.put("chanx/chanx_sandbox_fastapi_asyncapi_schema.yaml", Role.SERVER);
    DOCUMENTS.put("chanx/chanx_tutorial_django_generated.json", Role.SERVER);
    DOCUMENTS.put("peers/kraken-websocket-request-reply-message-filter-in-reply-asyncapi.yml", Role.SERVER);
    DOCUMENTS.put("peers/slack-rtm-asyncapi.yml", Role.SERVER);
    DOCUMENTS.put("peers/websocket-gemini-2.6.0.yml", Role.SERVER);
    DOCUMENTS.put("peers/social-media/backend/asyncapi.yaml", Role.SERVER);
    // The frontend sends likes to the backend and receives the counts: a client.
    DOCUMENTS.put("peers/social-media/frontend/asyncapi.yaml", Role.CLIENT);
    DOCUMENTS.put("realworld/bitget_ws_asyncapi.yaml", Role.CLIENT);
    DOCUMENTS.put("realworld/coinbase_ws_asyncapi.yaml", Role.CLIENT);
    DOCUMENTS.put("realworld/coincheck_ws_asyncapi.yaml", Role.CLIENT);
    DOCUMENTS.put("realworld/deepgram-asyncapi.yml", Role.CLIENT);
    DOCUMENTS.put("realworld/firezone-asyncapi.yml", Role.SERVER);
    DOCUMENTS.put("realworld/fk-rtf-manuell/asyncapi.yaml", Role.SERVER);
    DOCUMENTS.put("realworld/gitter-streaming-asyncapi.yml", Role.SERVER);
    DOCUMENTS.put("realworld/hyperliquid_ws_asyncapi.yaml", Role.CLIENT);
    DOCUMENTS.put("realworld/lemmy-asyncapi.yaml", Role.SERVER);
    DOCUMENTS.put("realworld/okx_ws_asyncapi.yaml", Role.CLIENT);
    DOCUMENTS.put("realworld/rpc-server-asyncapi.yml", Role.SERVER);
    DOCUMENTS.put("realworld/streetlights-mqtt-asyncapi.yml", Role.SERVER);
  }

  /** How many generate and compile today: it may only go up. */
  private static final int FLOOR = 20;

  /** The documents refused today, each for a reason listed in the test's output. */
  private static final Set<String> REFUSED = Set.of();

  @Test
  void everyDocumentGeneratesCompilesAndLoadsOrIsAKnownRefusal(@TempDir Path dir) throws Exception {
    Path corpus = SharedSpecs.corpus("asyncapi");
    Set<String> roots = new TreeSet<>(DOCUMENTS.keySet());
    assertEquals(roots, roots(corpus), "every document of the corpus is in the table, by its root");
    boolean node = NodeProcess.available();
    List<String> passed = new ArrayList<>();
    Map<String, String> refused = new LinkedHashMap<>();
    Map<String, String> broken = new LinkedHashMap<>();
    int n = 0;
    for (Map.Entry<String, Role> document : DOCUMENTS.entrySet()) {
      Path out = dir.resolve(String.valueOf(n++));
      String name = document.getKey();
      List<GeneratedFile> files;
      try {
        var model = ChanxGenerator.check(corpus.resolve(name), CheckOptions.defaults().role(document.getValue()));
        files = ChanxGenerator.generate(model, "com.example.api", EnumSet.allOf(Target.class));
      } catch (SpecException e) {
        List<SpecProblem> problems = e.problems();
        refused.put(name, problems.size() + " problem(s)" + keepingGoing(corpus.resolve(name), document.getValue(),
            out) + "; first: " + problems.get(0).render());
        continue;
      }
      String failure = InMemoryJavac.errors(files.stream().filter(f -> f.relativePath().endsWith(".java")).toList(),
          out);
      if (failure == null && node) {
        failure = loads(files, out);
      }
      if (failure == null) {
        passed.add(name);
      } else {
        broken.put(name, failure);
      }
    }
    StringBuilder report = new StringBuilder("corpus: " + passed.size() + " of " + DOCUMENTS.size()
        + " generate (server, java-client, js-client) and compile" + (node ? ", and load in Node" : " (no node here)")
        + "\n");
    passed.forEach(d -> report.append("  ok       ").append(d).append(" (--role ").append(DOCUMENTS.get(d))
        .append(")\n"));
    refused.forEach((d, why) -> report.append("  refused  ").append(d).append(": ").append(why).append('\n'));
    broken.forEach((d, why) -> report.append("  BROKEN   ").append(d).append(": ").append(why).append('\n'));
    System.out.print(report);

    assertEquals(Map.of(), broken, "generated but does not compile or load:\n" + report);
    for (String document : refused.keySet()) {
      assertTrue(REFUSED.contains(document), document + " is refused now:\n" + report);
    }
    assertTrue(passed.size() >= FLOOR, "fewer than " + FLOOR + " documents pass:\n" + report);
  }

  /** What {@code --keep-going} makes of a refused document: how many of its channels compile. */
  private static String keepingGoing(Path document, Role role, Path dir) {
    try {
      var model = ChanxGenerator.check(document, CheckOptions.defaults().role(role).keepGoing(true));
      List<GeneratedFile> files = ChanxGenerator.generate(model, "com.example.api", EnumSet.allOf(Target.class));
      String failure = InMemoryJavac.errors(files.stream().filter(f -> f.relativePath().endsWith(".java")).toList(),
          dir.resolve("keep-going"));
      return failure != null ? ", --keep-going: does not compile: " + failure
          : ", --keep-going: " + model.channels().size() + " channel(s) generate and compile";
    } catch (SpecException e) {
      return ", --keep-going: nothing generated";
    }
  }

  /** Null when Node checks and imports the module, else what it said. */
  private static String loads(List<GeneratedFile> files, Path dir) throws Exception {
    GeneratedFile js = files.stream().filter(f -> f.relativePath().endsWith(".js")).findFirst().orElseThrow();
    Path module = dir.resolve(js.relativePath());
    Files.createDirectories(module.getParent());
    Files.writeString(module, js.content(), StandardCharsets.UTF_8);
    NodeProcess.Result result = NodeProcess.call(Map.of(), "--input-type=module", "-e",
        "await import(" + JsSource.string(module.toUri().toString()) + ");");
    return result.exit() == 0 ? null : "node: " + result.output();
  }

  /** The corpus's documents by their root: every YAML or JSON file but those another refers to. */
  private static Set<String> roots(Path corpus) {
    Set<String> out = new TreeSet<>();
    for (Path file : SharedSpecs.documentsIn(corpus)) {
      String name = corpus.relativize(file).toString().replace('\\', '/');
      if (!name.startsWith("peers/social-media/common/") && !name.endsWith("/kogito-cloudevent.yaml")) {
        out.add(name);
      }
    }
    return out;
  }
}
