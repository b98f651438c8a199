package dev.chanx.gen.maven;

import dev.chanx.gen.ChanxGenerator;
import dev.chanx.gen.CheckOptions;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.SpecProblem;
import dev.chanx.gen.diff.Audience;
import dev.chanx.gen.diff.Change;
import dev.chanx.gen.diff.CompatibilityDiff;
import dev.chanx.gen.diff.DiffOptions;
import dev.chanx.gen.diff.DiffReport;
import dev.chanx.gen.diff.JsonRenderer;
import dev.chanx.gen.diff.Role;
import dev.chanx.gen.diff.TextRenderer;
import dev.chanx.gen.model.ApiModel;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the AsyncAPI document breaks what its released version promised: compares
 * it with a baseline and lists every change, each with its place in both documents and whom it
 * breaks (existing clients, existing servers, the generated Java API), as {@code chanx-gen diff}
 * does.
 */
@Mojo(name = "check-compatibility", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckCompatibilityMojo extends AbstractMojo {

  /** Maven coordinates: {@code groupId:artifactId:version[:classifier[:type]]}. */
  static final Pattern COORDINATES = Pattern.compile("[^:/\\\\\\s]+(:[^:/\\\\\\s]*){2,4}");

  /** The AsyncAPI document as it is now (YAML or JSON). */
  @Parameter(property = "chanx.inputSpec", required = true)
  private File inputSpec;

  /**
   * The document as released, to compare with: a file. (A released artifact's document, given as
   * groupId:artifactId:version[:classifier[:type]], is not resolved yet; the build says so.)
   */
  @Parameter(property = "chanx.baseline", required = true)
  private String baseline;

  /** Which breaks fail the build, comma separated, any of: clients, servers, api. */
  @Parameter(property = "chanx.failOn", defaultValue = "clients,servers,api")
  private String failOn;

  /**
   * Whose generated Java API the api verdicts are about: server (records, handler, route) or
   * client (records, Java client, listener).
   */
  // TODO(role): read the role from CheckOptions once the branch adding --role there lands.
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
    CheckOptions check = CheckOptions.defaults().discriminator(discriminator).assertFormats(formats.equals("assert"));
    ApiModel before = read(old, "baseline", check);
    ApiModel after = read(inputSpec, "inputSpec", check);
    DiffReport report = CompatibilityDiff.compare(old.toPath(), before, inputSpec.toPath(), after,
        DiffOptions.defaults().check(check).role(judged));
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

  /** The baseline as a file; coordinates are refused with what to do instead. */
  private File baselineFile() throws MojoFailureException {
    File file = new File(baseline);
    if (file.isFile()) {
      return file;
    }
    if (COORDINATES.matcher(baseline).matches()) {
      throw new MojoFailureException("chanx-gen: baseline " + baseline + " names a Maven artifact; resolving a"
          + " released artifact's document is not supported yet. Give the released document as a file"
          + " (for example unpacked with maven-dependency-plugin's copy goal into target/) and set baseline"
          + " to that file.");
    }
    throw new MojoFailureException("chanx-gen: baseline " + baseline + " does not exist");
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
