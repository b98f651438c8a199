package dev.chanx.gen.maven;

import dev.chanx.gen.ChanxGenerator;
import dev.chanx.gen.CheckOptions;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.Role;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.SpecProblem;
import dev.chanx.gen.Target;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates the server, the Java client and/or the JavaScript client of an AsyncAPI document and
 * adds the output folder to the compile sources.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

  /** The AsyncAPI document (YAML or JSON). */
  @Parameter(property = "chanx.inputSpec", required = true)
  private File inputSpec;

  /** The base package; each channel gets a sub-package named after it. Required for Java targets. */
  @Parameter(property = "chanx.packageName")
  private String packageName;

  /**
   * What to generate, comma separated: {@code server}, {@code java-client}, {@code js-client}
   * (written as {@code js/<document-title-in-kebab-case>.js} and {@code .d.ts} in the output folder).
   */
  @Parameter(property = "chanx.targets", defaultValue = "server")
  private String targets;

  /** Where the sources are written; added to the compile source roots. */
  @Parameter(
      property = "chanx.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/chanx")
  private File outputDirectory;

  /** The property that tells a channel's messages apart; inferred when not set. */
  @Parameter(property = "chanx.discriminator")
  private String discriminator;

  /**
   * Fails the build on anything generated code would not enforce (keywords it does not know,
   * formats it does not check) instead of warning.
   */
  @Parameter(property = "chanx.strict", defaultValue = "false")
  private boolean strict;

  /**
   * {@code assert}: check {@code format} (date-time, email, ipv4, uri...) in what is received;
   * {@code annotate}: treat it as documentation only.
   */
  @Parameter(property = "chanx.formats", defaultValue = "assert")
  private String formats;

  /**
   * Whose operations the document lists: {@code server} (its receive operations are what clients
   * send) or {@code client} (a document written for the API's users: its send operations are).
   * Either way a server and a client can be generated.
   */
  @Parameter(property = "chanx.role", defaultValue = "server")
  private String role;

  /**
   * Generates the channels that have no problem and logs the problems of the others as warnings
   * instead of failing the build; a problem outside every channel still fails it.
   */
  @Parameter(property = "chanx.keepGoing", defaultValue = "false")
  private boolean keepGoing;

  /** Skips generation. */
  @Parameter(property = "chanx.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping chanx-gen: chanx.skip is set");
      return;
    }
    if (!inputSpec.isFile()) {
      throw new MojoFailureException("chanx-gen: inputSpec " + inputSpec + " does not exist");
    }
    Set<Target> chosen;
    try {
      chosen = Target.parse(targets);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("chanx-gen: targets: " + e.getMessage());
    }
    if (!formats.equals("assert") && !formats.equals("annotate")) {
      throw new MojoFailureException("chanx-gen: formats must be assert or annotate, not '" + formats + "'");
    }
    Role application;
    try {
      application = Role.parse(role);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("chanx-gen: role: " + e.getMessage());
    }
    project.addCompileSourceRoot(outputDirectory.getPath());
    try {
      CheckOptions options = CheckOptions.defaults().discriminator(discriminator)
          .assertFormats(formats.equals("assert")).strict(strict).role(application).keepGoing(keepGoing);
      InputFingerprint fingerprint = new InputFingerprint(inputSpec.toPath(), packageName, options, chosen);
      if (fingerprint.matches(outputDirectory.toPath())) {
        getLog().info("Skipping chanx-gen: " + inputSpec.getName() + " has not changed since the last run");
        return;
      }
      ApiModel model = ChanxGenerator.check(inputSpec.toPath(), options);
      for (SpecProblem warning : model.warnings()) {
        getLog().warn(warning.render());
      }
      for (SpecProblem problem : model.skipped()) {
        getLog().warn(problem.render());
      }
      if (!model.skipped().isEmpty()) {
        getLog().warn("chanx-gen: keepGoing: the channels with the " + model.skipped().size()
            + " problem(s) above are not generated");
      }
      List<GeneratedFile> files = ChanxGenerator.generate(model, packageName, chosen);
      OutputFolder.replaceContents(outputDirectory.toPath(), files);
      fingerprint.store(outputDirectory.toPath());
      getLog().info("chanx-gen: generated " + files.size() + " files from " + inputSpec.getName()
          + " into " + outputDirectory);
    } catch (SpecException e) {
      for (SpecProblem problem : e.problems()) {
        getLog().error(problem.render());
      }
      throw new MojoFailureException("chanx-gen: " + inputSpec.getName() + " has "
          + e.problems().size() + " problem(s); see above");
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("chanx-gen: " + e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException("chanx-gen: cannot write " + outputDirectory + ": " + e.getMessage(), e);
    }
  }
}
