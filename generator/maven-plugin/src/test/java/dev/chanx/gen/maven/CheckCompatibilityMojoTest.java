package dev.chanx.gen.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check-compatibility goal over pairs of the generator's labelled corpus. */
class CheckCompatibilityMojoTest {

  private static final Path CORPUS = Path.of("../core/src/test/resources/diff");

  @TempDir Path temp;

  private final List<String> errors = new ArrayList<>();
  private final List<String> infos = new ArrayList<>();

  private CheckCompatibilityMojo mojo(String pair, String failOn) throws Exception {
    return mojo(CORPUS.resolve(pair).resolve("old.yaml").toString(), CORPUS.resolve(pair).resolve("new.yaml"), failOn);
  }

  private CheckCompatibilityMojo mojo(String baseline, Path input, String failOn) throws Exception {
    CheckCompatibilityMojo mojo = new CheckCompatibilityMojo();
    set(mojo, "inputSpec", input.toFile());
    set(mojo, "baseline", baseline);
    set(mojo, "failOn", failOn);
    set(mojo, "role", "server");
    set(mojo, "formats", "assert");
    set(mojo, "reportFile", temp.resolve("chanx-diff.json").toFile());
    mojo.setLog(new SystemStreamLog() {
      @Override
      public void error(CharSequence content) {
        errors.add(content.toString());
      }

      @Override
      public void info(CharSequence content) {
        infos.add(content.toString());
      }
    });
    return mojo;
  }

  private static void set(Object target, String field, Object value) throws Exception {
    Field f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }

  @Test
  void aBreakingChangeFailsTheBuildListingIt() throws Exception {
    MojoFailureException e = assertThrows(MojoFailureException.class,
        () -> mojo("37-client-message-fwd", "clients,servers,api").execute());
    assertEquals("chanx-gen: new.yaml has 1 breaking change against old.yaml (failOn clients,servers,api):\n"
        + "  BREAKS clients, api: old.yaml#/components/messages/place_order (line 50) -> (removed):"
        + " message 'place_order' removed; the new server refuses it from old clients; its generated type is"
        + " gone [message.removed]", e.getMessage());
    assertEquals(1, errors.size(), errors::toString);
    String json = Files.readString(temp.resolve("chanx-diff.json"), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"format\" : \"chanx-diff/1\""), json);
    assertTrue(json.contains("\"failed\" : true"), json);
  }

  @Test
  void whatFailOnLeavesOutOnlyInforms() throws Exception {
    mojo("11-enum-value-server-fwd", "servers,api").execute();
    assertEquals(List.of(), errors);
    assertTrue(infos.get(0).startsWith("BREAKS clients: "), infos::toString);
  }

  @Test
  void aDocumentationEditPasses() throws Exception {
    mojo("61-doc-info-version", "clients,servers,api").execute();
    assertEquals(List.of(), errors);
    assertTrue(infos.get(infos.size() - 1).endsWith("nothing breaks clients,servers,api."), infos::toString);
  }

  @Test
  void anArtifactBaselineIsRefusedWithWhatToDo() throws Exception {
    MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo("com.example:chat-api:1.0.0:asyncapi:yaml",
        CORPUS.resolve("61-doc-info-version/new.yaml"), "clients").execute());
    assertTrue(e.getMessage().startsWith("chanx-gen: baseline com.example:chat-api:1.0.0:asyncapi:yaml names a Maven"
        + " artifact; resolving a released artifact's document is not supported yet."), e.getMessage());
  }

  @Test
  void aMissingBaselineAndABadFailOnAreNamed() throws Exception {
    Path input = CORPUS.resolve("61-doc-info-version/new.yaml");
    String missing = temp.resolve("released.yaml").toString();
    assertEquals("chanx-gen: baseline " + missing + " does not exist",
        assertThrows(MojoFailureException.class, () -> mojo(missing, input, "clients").execute()).getMessage());
    assertEquals("chanx-gen: unknown audience 'wire'; valid: clients, servers, api",
        assertThrows(MojoFailureException.class,
            () -> mojo(input.toString(), input, "wire").execute()).getMessage());
  }

  @Test
  void aBaselineWithProblemsIsNamed() throws Exception {
    File broken = temp.resolve("broken.yaml").toFile();
    Files.writeString(broken.toPath(), "asyncapi: 3.0.0\n");
    MojoFailureException e = assertThrows(MojoFailureException.class,
        () -> mojo(broken.toString(), CORPUS.resolve("61-doc-info-version/new.yaml"), "clients").execute());
    assertTrue(e.getMessage().startsWith("chanx-gen: baseline broken.yaml has "), e.getMessage());
    assertTrue(errors.get(0).startsWith("broken.yaml#"), errors::toString);
  }
}
