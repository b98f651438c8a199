package dev.chanx.gen;

import dev.chanx.gen.codegen.JavaGenerator;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.read.SpecReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The one entry point that the CLI and the Maven plugin share: read, check, generate, write. */
public final class ChanxGenerator {

  private static final Pattern PACKAGE =
      Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

  private ChanxGenerator() {}

  /** Reads and checks a document without generating anything. */
  public static ApiModel validate(Path spec, String discriminator) throws SpecException {
    return SpecReader.read(spec, discriminator);
  }

  /** Reads a document and generates the Java for it, without writing anything. */
  public static List<GeneratedFile> generate(Path spec, String basePackage, String discriminator)
      throws SpecException {
    if (basePackage == null || !PACKAGE.matcher(basePackage).matches()) {
      throw new IllegalArgumentException("not a valid Java package name: " + basePackage);
    }
    return JavaGenerator.generate(SpecReader.read(spec, discriminator), basePackage);
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
