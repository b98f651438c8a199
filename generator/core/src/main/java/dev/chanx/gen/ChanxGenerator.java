package dev.chanx.gen;

import dev.chanx.gen.codegen.JavaGenerator;
import dev.chanx.gen.codegen.JsClientGenerator;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.read.Reading;
import dev.chanx.gen.read.SpecReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The one entry point that the CLI and the Maven plugin share: read, check, generate, write. */
public final class ChanxGenerator {

  private static final Pattern PACKAGE =
      Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

  private ChanxGenerator() {}

  /** Reads and checks a document without generating anything. */
  public static ApiModel validate(Path spec, String discriminator) throws SpecException {
    return check(spec, CheckOptions.defaults().discriminator(discriminator));
  }

  /**
   * Reads a document and checks everything that generating any target would, without writing
   * anything; what generated code would not enforce is in {@link ApiModel#warnings()}. Every
   * problem of every channel is found in one run: a channel that cannot be read is not generated,
   * so that the others still are checked.
   *
   * <p>With {@link CheckOptions#keepGoing()}, the channels with problems are left out of the model
   * and their problems are in {@link ApiModel#skipped()}; the document still fails when a problem
   * is about no channel in particular, or when no channel is left.
   *
   * @throws SpecException listing every problem, and with {@link CheckOptions#strict()} every warning too
   */
  public static ApiModel check(Path spec, CheckOptions options) throws SpecException {
    Reading reading = SpecReader.reading(options, spec);
    ApiModel model = reading.model();
    if (model == null) {
      throw new SpecException(reading.problems());
    }
    List<SpecProblem> problems = new ArrayList<>(reading.problems());
    Set<String> failed = new HashSet<>();
    boolean whole = blame(reading, problems, failed);
    if (!whole) {
      try {
        generate(without(model, failed, List.of()), "chanx.check", EnumSet.allOf(Target.class));
      } catch (SpecException e) {
        List<SpecProblem> generating = e.problems().stream().map(reading::locate).toList();
        problems.addAll(generating);
        whole = blame(reading, generating, failed);
      }
    }
    if (!problems.isEmpty()) {
      if (!options.keepGoing() || whole || failed.size() == model.channels().size()) {
        throw new SpecException(problems);
      }
      model = without(model, failed, problems);
    }
    if (options.strict() && !model.warnings().isEmpty()) {
      throw new SpecException(model.warnings());
    }
    return model;
  }

  /** Adds the channels each problem is about to {@code failed}; {@return whether one is about none} */
  private static boolean blame(Reading reading, List<SpecProblem> problems, Set<String> failed) {
    boolean whole = false;
    for (SpecProblem problem : problems) {
      Set<String> channels = reading.channelsOf(problem);
      whole |= channels.isEmpty();
      failed.addAll(channels);
    }
    return whole;
  }

  private static ApiModel without(ApiModel model, Set<String> failed, List<SpecProblem> problems) {
    return model.leavingOut(model.channels().stream().filter(c -> !failed.contains(c.key())).toList(), problems);
  }

  /** Reads a document and generates the server's Java for it, without writing anything. */
  public static List<GeneratedFile> generate(Path spec, String basePackage, String discriminator)
      throws SpecException {
    return generate(spec, basePackage, discriminator, Set.of(Target.SERVER));
  }

  /**
   * Reads a document and generates the targets asked for, without writing anything: Java for
   * {@link Target#SERVER} and {@link Target#JAVA_CLIENT} (sharing one package per channel under
   * {@code basePackage}), {@code js/<title>.js} and its {@code .d.ts} for {@link Target#JS_CLIENT}.
   *
   * @param basePackage the Java base package; only needed, and only checked, for Java targets
   * @return the files, ordered by path
   * @throws IllegalArgumentException when no target is given or the package is not valid
   */
  public static List<GeneratedFile> generate(Path spec, String basePackage, String discriminator,
      Set<Target> targets) throws SpecException {
    checkTargets(basePackage, targets);
    return generate(SpecReader.read(spec, discriminator), basePackage, targets);
  }

  /**
   * Generates the targets asked for from a document already read and checked ({@link #check}),
   * without writing anything.
   *
   * @param basePackage the Java base package; only needed, and only checked, for Java targets
   * @return the files, ordered by path
   * @throws IllegalArgumentException when no target is given or the package is not valid
   */
  public static List<GeneratedFile> generate(ApiModel model, String basePackage, Set<Target> targets)
      throws SpecException {
    boolean java = checkTargets(basePackage, targets);
    List<GeneratedFile> files = new ArrayList<>(java ? JavaGenerator.generate(model, basePackage, targets) : List.of());
    if (targets.contains(Target.JS_CLIENT)) {
      files.addAll(JsClientGenerator.generate(model));
    }
    files.sort(Comparator.comparing(GeneratedFile::relativePath));
    return List.copyOf(files);
  }

  /** Refuses a call without targets, or with a Java target and no valid package; {@return whether Java is asked for} */
  private static boolean checkTargets(String basePackage, Set<Target> targets) {
    if (targets == null || targets.isEmpty()) {
      throw new IllegalArgumentException("no target to generate; valid targets: " + Target.ids());
    }
    boolean java = targets.stream().anyMatch(Target::isJava);
    if (java && (basePackage == null || !PACKAGE.matcher(basePackage).matches())) {
      throw new IllegalArgumentException(basePackage == null ? "a Java target needs a package"
          : "not a valid Java package name: " + basePackage);
    }
    return java;
  }

  /**
   * Writes generated files under {@code outputDir}, leaving a file untouched when its content is
   * already the same so that incremental compilers see no change.
   *
   * @return the paths written or kept, in the files' order
   */
  public static List<Path> write(List<GeneratedFile> files, Path outputDir) throws IOException {
    List<Path> written = new ArrayList<>(files.size());
    for (GeneratedFile file : files) {
      Path target = outputDir.resolve(file.relativePath());
      byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
      if (!Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
      }
      written.add(target);
    }
    return written;
  }
}
