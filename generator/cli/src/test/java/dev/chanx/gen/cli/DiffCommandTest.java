package dev.chanx.gen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code chanx-gen diff} over pairs of the generator's labelled corpus: exit codes, text and JSON. */
class DiffCommandTest {

  private static final Path CORPUS = Path.of("../core/src/test/resources/diff");

  @TempDir Path temp;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli = ChanxGen.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private int diff(String pair, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "diff";
    args[1] = "--old=" + CORPUS.resolve(pair).resolve("old.yaml");
    args[2] = "--new=" + CORPUS.resolve(pair).resolve("new.yaml");
    args[3] = "-v";
    System.arraycopy(more, 0, args, 4, more.length);
    return run(args);
  }

  @Test
  void aDocumentationEditIsSafeAndExitsZero() {
    assertEquals(0, diff("61-doc-info-version"), err.toString());
    assertEquals("safe: old.yaml#/info/version (line 4) -> new.yaml#/info/version (line 4): version changed;"
        + " documentation only [doc.changed]\n"
        + "chanx-gen diff: old.yaml -> new.yaml: 1 change (1 safe; breaking clients 0, servers 0, api 0;"
        + " role server); nothing breaks clients,servers,api.\n", out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void aBreakingChangeExitsThreeAndSaysWhatWhereAndWhy() {
    assertEquals(3, diff("11-enum-value-server-fwd"), err.toString());
    String text = out.toString();
    assertTrue(text.startsWith("BREAKS clients: old.yaml#/components/schemas/OrderStatus/properties/state/enum"
        + " (line 117) -> new.yaml#/components/schemas/OrderStatus/properties/state/enum/2 (line 117):"
        + " enum value \"cancelled\" added in message 'order_status'; what the server sends now accepts more"
        + " values: old clients refuse what the new server may send [schema.enum.value-added]\n"), text);
    assertTrue(text.endsWith("; 1 break clients,servers,api.\n"), text);
  }

  @Test
  void failOnChoosesWhichBreaksFail() {
    assertEquals(0, diff("11-enum-value-server-fwd", "--fail-on", "servers,api"), err.toString());
    assertTrue(out.toString().contains("BREAKS clients"), out.toString());
    assertEquals(3, diff("11-enum-value-server-fwd", "--fail-on", "clients"));
  }

  @Test
  void theRoleSaysWhichApplicationTheDocumentsDescribe() {
    // A receive operation gains a message: read as the server's documents, clients may send it;
    // read as a client's, the server sends it, which breaks old clients instead.
    assertEquals(3, diff("38-client-message-rev", "--fail-on", "servers"));
    assertTrue(out.toString().contains("BREAKS servers, api:"), out.toString());
    out.getBuffer().setLength(0);
    assertEquals(0, diff("38-client-message-rev", "--fail-on", "servers", "--role", "client"), out.toString());
    assertTrue(out.toString().contains("BREAKS clients"), out.toString());
  }

  @Test
  void jsonIsTheDocumentedFormat() throws IOException {
    assertEquals(3, diff("37-client-message-fwd", "--format", "json"), err.toString());
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertEquals("chanx-diff/1", json.path("format").asText());
    assertEquals("old.yaml", json.path("old").asText());
    assertEquals("server", json.path("role").asText());
    assertEquals("[\"clients\",\"servers\",\"api\"]", json.path("failOn").toString());
    assertTrue(json.path("failed").asBoolean());
    JsonNode removed = json.path("changes").get(0);
    assertEquals("message.removed", removed.path("kind").asText());
    assertEquals("orders", removed.path("channel").asText());
    assertEquals("[\"clients\",\"api\"]", removed.path("breaks").toString());
    assertEquals("/components/messages/place_order", removed.path("old").path("pointer").asText());
    assertEquals(50, removed.path("old").path("line").asInt());
    assertTrue(removed.path("new").isNull());
    assertEquals(json.path("changes").size(), json.path("summary").path("changes").asInt());
  }

  @Test
  void theSameInputGivesTheSameOutput() {
    diff("59-reply-fwd", "--format", "json");
    String first = out.toString();
    diff("59-reply-fwd", "--format", "json");
    assertEquals(first, out.toString());
  }

  @Test
  void aDocumentComparedWithItselfHasNoChanges() {
    Path doc = CORPUS.resolve("01-required-made-client-fwd/old.yaml");
    assertEquals(0, run("diff", "--old", doc.toString(), "--new", doc.toString()), err.toString());
    assertEquals("chanx-gen diff: old.yaml -> old.yaml: no changes.\n", out.toString());
  }

  @Test
  void aDocumentWithProblemsExitsOneNamingWhichOne() throws IOException {
    Path broken = temp.resolve("broken.yaml");
    Files.writeString(broken, "asyncapi: 3.0.0\ninfo:\n  title: x\n");
    assertEquals(1, run("diff", "--old", CORPUS.resolve("01-required-made-client-fwd/old.yaml").toString(),
        "--new", broken.toString()));
    assertTrue(err.toString().startsWith("chanx-gen: the new document " + broken + " cannot be compared:\n"),
        err.toString());
    assertTrue(err.toString().contains("broken.yaml#/info"), err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void aMissingDocumentExitsOne() {
    assertEquals(1, run("diff", "--old", "nope.yaml", "--new", "nope.yaml"));
    assertEquals("chanx-gen: nope.yaml: no such file\n", err.toString());
  }

  @Test
  void wrongOptionsAreUsageErrors() {
    assertEquals(2, diff("61-doc-info-version", "--fail-on", "clients,users"));
    assertEquals("chanx-gen: unknown audience 'users'; valid: clients, servers, api\n"
        + "Try 'chanx-gen diff --help'.\n", err.toString());
    assertEquals(2, diff("61-doc-info-version", "--format", "xml"));
    assertTrue(err.toString().contains("unknown format 'xml'; valid: text, json"), err.toString());
    assertEquals(2, diff("61-doc-info-version", "--role", "browser"));
    assertTrue(err.toString().contains("unknown role 'browser'; valid roles: server, client"), err.toString());
    assertEquals(2, run("diff", "--old", "a.yaml"));
    assertTrue(err.toString().contains("Missing required option: '--new=<file>'"), err.toString());
  }
}
