package dev.chanx.gen.maven;

import dev.chanx.gen.ChanxGenerator;
import dev.chanx.gen.CheckOptions;
import dev.chanx.gen.Role;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.SpecProblem;
import dev.chanx.gen.diff.Audience;
import dev.chanx.gen.diff.Change;
import dev.chanx.gen.diff.CompatibilityDiff;
import dev.chanx.gen.diff.DiffOptions;
import dev.chanx.gen.diff.DiffReport;
import dev.chanx.gen.diff.JsonRenderer;
import dev.chanx.gen.diff.TextRenderer;
import dev.chanx.gen.model.ApiModel;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Fails the build when the AsyncAPI document breaks what its released version promised: compares
 * it with a baseline and lists every change, each with its place in both documents and whom it
 * breaks (existing clients, existing servers, the generated Java API), as {@code chanx-gen diff}
 * does.
 */
@Mojo(name = "check-compatibility", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckCompatibilityMojo extends AbstractMojo {

  /** The AsyncAPI document as it is now (YAML or JSON). */
  @Parameter(property = "chanx.inputSpec", required = true)
  private File inputSpec;

  /**
   * The document as released, to compare with: a file, or a released artifact given as
   * groupId:artifactId:version[:classifier[:type]] and resolved from Maven's repositories like a
   * dependency. The type defaults to yaml (the document attached to the release, for example by
   * build-helper-maven-plugin's attach-artifact); for a jar or zip, baselineEntry names the document
   * inside it.
   */
  @Parameter(property = "chanx.baseline", required = true)
  private String baseline;

  /**
   * The document's path inside a jar or zip baseline; by default inputSpec's file name at the
   * archive's root, where src/main/resources puts it.
   */
  @Parameter(property = "chanx.baselineEntry")
  private String baselineEntry;

  @Component
  private RepositorySystem repositorySystem;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
  private RepositorySystemSession repositorySession;

  @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true)
  private List<RemoteRepository> remoteRepositories;

  @Parameter(defaultValue = "${project.build.directory}", readonly = true)
  private File buildDirectory;

  /** Which breaks fail the build, comma separated, any of: clients, servers, api. */
  @Parameter(property = "chanx.failOn", defaultValue = "clients,servers,api")
  private String failOn;

  /**
   * Which application both documents' operations belong to, as for the generate goal: server
   * (receive is what clients send) or client (send is what clients send).
   */
  @Parameter(property = "chanx.role", defaultValue = "server")
  private String role;

  /** The property that tells a channel's messages apart, in both documents; inferred when not set. */
  @Parameter(property = "chanx.discriminator")
  private String discriminator;

  /**
   * {@code assert}: a changed {@code format} changes what is accepted; {@code annotate}: format
   * only documents.
   */
  @Parameter(property = "chanx.formats", defaultValue = "assert")
  private String formats;

  /** Where the report is written as JSON (format chanx-diff/1, docs/reference/diff.md), for CI bots. */
  @Parameter(property = "chanx.diffReport", defaultValue = "${project.build.directory}/chanx-diff.json")
  private File reportFile;

  /** Skips the check. */
  @Parameter(property = "chanx.skipCompatibility", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping the compatibility check: chanx.skipCompatibility is set");
      return;
    }
    Set<Audience> audiences;
    Role judged;
    try {
      audiences = Audience.parse(failOn);
      judged = Role.parse(role);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("chanx-gen: " + e.getMessage());
    }
    if (!formats.equals("assert") && !formats.equals("annotate")) {
      throw new MojoFailureException("chanx-gen: formats must be assert or annotate, not '" + formats + "'");
    }
    File old = baselineFile();
    if (!inputSpec.isFile()) {
      throw new MojoFailureException("chanx-gen: inputSpec " + inputSpec + " does not exist");
    }
    CheckOptions check = CheckOptions.defaults().discriminator(discriminator).assertFormats(formats.equals("assert"))
        .role(judged);
    ApiModel before = read(old, "baseline", check);
    ApiModel after = read(inputSpec, "inputSpec", check);
    DiffReport report = CompatibilityDiff.compare(old.toPath(), before, inputSpec.toPath(), after,
        DiffOptions.defaults().check(check));
    writeReport(report, audiences);
    List<Change> breaking = report.breaking(audiences);
    for (Change change : report.changes()) {
      if (breaking.contains(change)) {
        getLog().error(TextRenderer.line(change));
      } else {
        getLog().info(TextRenderer.line(change));
      }
    }
    getLog().info(TextRenderer.summary(report, audiences));
    if (!breaking.isEmpty()) {
      StringBuilder message = new StringBuilder("chanx-gen: ").append(inputSpec.getName()).append(" has ")
          .append(breaking.size()).append(" breaking change").append(breaking.size() == 1 ? "" : "s")
          .append(" against ").append(old.getName()).append(" (failOn ").append(failOn).append("):");
      breaking.forEach(c -> message.append("\n  ").append(TextRenderer.line(c)));
      throw new MojoFailureException(message.toString());
    }
  }

  /** The baseline as a file: the file named, or the released artifact's document. */
  private File baselineFile() throws MojoFailureException {
    File file = new File(baseline);
    if (file.isFile()) {
      return file;
    }
    BaselineArtifact artifact = BaselineArtifact.parse(baseline);
    if (artifact == null) {
      throw new MojoFailureException("chanx-gen: baseline " + baseline + " does not exist (give a file, or a"
          + " released artifact as groupId:artifactId:version[:classifier[:type]])");
    }
    Path resolved;
    try {
      resolved = artifact.resolve(repositorySystem, repositorySession, remoteRepositories);
    } catch (ArtifactResolutionException e) {
      throw new MojoFailureException("chanx-gen: baseline " + artifact + " cannot be resolved: " + e.getMessage());
    }
    if (!artifact.isArchive()) {
      return resolved.toFile();
    }
    String entry = baselineEntry != null && !baselineEntry.isBlank() ? baselineEntry : inputSpec.getName();
    try {
      return BaselineArtifact.unpack(resolved, entry,
          buildDirectory.toPath().resolve("chanx-baseline").resolve(artifact.artifactId())).toFile();
    } catch (IOException e) {
      throw new MojoFailureException("chanx-gen: baseline " + artifact + ": " + e.getMessage()
          + " (set baselineEntry to the document's path inside it)");
    }
  }

  private ApiModel read(File document, String parameter, CheckOptions check) throws MojoFailureException {
    try {
      return ChanxGenerator.check(document.toPath(), check);
    } catch (SpecException e) {
      for (SpecProblem problem : e.problems()) {
        getLog().error(problem.render());
      }
      throw new MojoFailureException("chanx-gen: " + parameter + " " + document.getName() + " has "
          + e.problems().size() + " problem(s) and cannot be compared; see above");
    }
  }

  private void writeReport(DiffReport report, Set<Audience> audiences) throws MojoExecutionException {
    try {
      Files.createDirectories(reportFile.toPath().toAbsolutePath().getParent());
      Files.writeString(reportFile.toPath(), JsonRenderer.render(report, audiences), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("chanx-gen: cannot write " + reportFile + ": " + e.getMessage(), e);
    }
  }
}
