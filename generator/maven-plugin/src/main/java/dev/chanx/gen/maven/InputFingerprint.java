package dev.chanx.gen.maven;

import dev.chanx.gen.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A hash of everything that decides the output: the document, the documents beside it that it
 * may reference, the options (targets included) and the generator's own version. Stored beside the output so an
 * unchanged build skips generation, as openapi-generator does.
 */
final class InputFingerprint {

  static final String FILE_NAME = ".chanx-gen.sha256";

  private final String value;

  InputFingerprint(Path spec, String packageName, dev.chanx.gen.CheckOptions options, Set<Target> targets)
      throws IOException {
    this.value = compute(spec, packageName, options, targets);
  }

  boolean matches(Path outputDirectory) throws IOException {
    Path stored = outputDirectory.resolve(FILE_NAME);
    return Files.isRegularFile(stored) && Files.readString(stored, StandardCharsets.UTF_8).trim().equals(value);
  }

  void store(Path outputDirectory) throws IOException {
    Files.createDirectories(outputDirectory);
    Files.writeString(outputDirectory.resolve(FILE_NAME), value + "\n", StandardCharsets.UTF_8);
  }

  private static String compute(Path spec, String packageName, dev.chanx.gen.CheckOptions options,
      Set<Target> targets)
      throws IOException {
    MessageDigest digest = sha256();
    update(digest, "generator " + version());
    update(digest, "package " + packageName);
    update(digest, "options " + options);
    update(digest, "targets " + new TreeSet<>(targets));
    // References may point at any document in the spec's folder tree, so all of them count.
    Path folder = spec.toAbsolutePath().getParent();
    List<Path> documents;
    try (Stream<Path> files = Files.walk(folder, 8)) {
      documents = files.filter(Files::isRegularFile).filter(InputFingerprint::isDocument).sorted()
          .collect(Collectors.toList());
    }
    for (Path document : documents) {
      update(digest, folder.relativize(document).toString().replace('\\', '/'));
      digest.update(Files.readAllBytes(document));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static boolean isDocument(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

  private static String version() {
    Package generator = dev.chanx.gen.ChanxGenerator.class.getPackage();
    String version = generator == null ? null : generator.getImplementationVersion();
    // Snapshot builds change without a version bump: the jar's own timestamp then decides.
    try {
      Path jar = Path.of(dev.chanx.gen.ChanxGenerator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return version + "@" + Files.getLastModifiedTime(jar).toMillis();
    } catch (Exception e) {
      return String.valueOf(version);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
