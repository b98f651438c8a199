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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.impl.DefaultServiceLocator;
import org.eclipse.aether.repository.LocalRepository;
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

  /** A local repository holding pair 37's old document as a released artifact, and the mojo set to resolve from it. */
  private CheckCompatibilityMojo fromRepository(String baseline, String type) throws Exception {
    Path repository = temp.resolve("repository");
    Path folder = repository.resolve("com/example/chat-api/1.0.0");
    Files.createDirectories(folder);
    Path old = CORPUS.resolve("37-client-message-fwd/old.yaml");
    if (type.equals("jar")) {
      try (ZipOutputStream jar = new ZipOutputStream(Files.newOutputStream(folder.resolve("chat-api-1.0.0.jar")))) {
        jar.putNextEntry(new ZipEntry("asyncapi/new.yaml"));
        jar.write(Files.readAllBytes(old));
        jar.closeEntry();
      }
    } else {
      Files.copy(old, folder.resolve("chat-api-1.0.0-asyncapi.yaml"));
    }
    DefaultServiceLocator locator = MavenRepositorySystemUtils.newServiceLocator();
    RepositorySystem system = locator.getService(RepositorySystem.class);
    DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
    session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(repository.toFile())));
    CheckCompatibilityMojo mojo = mojo(baseline, CORPUS.resolve("37-client-message-fwd/new.yaml"), "clients");
    set(mojo, "repositorySystem", system);
    set(mojo, "repositorySession", session);
    set(mojo, "remoteRepositories", List.of());
    set(mojo, "buildDirectory", temp.resolve("target").toFile());
    return mojo;
  }

  @Test
  void aReleasedArtifactIsResolvedAndCompared() throws Exception {
    MojoFailureException e = assertThrows(MojoFailureException.class,
        () -> fromRepository("com.example:chat-api:1.0.0:asyncapi", "yaml").execute());
    assertTrue(e.getMessage().startsWith("chanx-gen: new.yaml has 1 breaking change against"
        + " chat-api-1.0.0-asyncapi.yaml (failOn clients):"), e.getMessage());
  }

  @Test
  void aReleasedJarIsUnpackedAndItsEntryCompared() throws Exception {
    CheckCompatibilityMojo mojo = fromRepository("com.example:chat-api:1.0.0::jar", "jar");
    set(mojo, "baselineEntry", "asyncapi/new.yaml");
    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
    assertTrue(e.getMessage().startsWith("chanx-gen: new.yaml has 1 breaking change against new.yaml"), e.getMessage());
    assertTrue(Files.isRegularFile(temp.resolve("target/chanx-baseline/chat-api/asyncapi/new.yaml")));
  }

  @Test
  void anArtifactNoRepositoryHasIsNamed() throws Exception {
    MojoFailureException e = assertThrows(MojoFailureException.class,
        () -> fromRepository("com.example:chat-api:2.0.0:asyncapi", "yaml").execute());
    assertTrue(e.getMessage().startsWith("chanx-gen: baseline com.example:chat-api:2.0.0:asyncapi:yaml cannot be"
        + " resolved: "), e.getMessage());
  }

  @Test
  void aMissingBaselineAndABadFailOnAreNamed() throws Exception {
    Path input = CORPUS.resolve("61-doc-info-version/new.yaml");
    String missing = temp.resolve("released.yaml").toString();
    assertEquals("chanx-gen: baseline " + missing + " does not exist (give a file, or a released artifact as"
        + " groupId:artifactId:version[:classifier[:type]])",
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
