package dev.chanx.gen.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * A released document named by Maven coordinates, {@code groupId:artifactId:version[:classifier[:type]]}:
 * the document itself when the artifact is one (type {@code yaml}, the default, {@code yml} or
 * {@code json}), or one entry of it when it is an archive ({@code jar}, {@code zip}), unpacked whole
 * so that the entry's relative {@code $ref}s still resolve.
 *
 * @param groupId the group
 * @param artifactId the artifact
 * @param version the version
 * @param classifier the classifier, or empty
 * @param type the type, which is also the file's extension
 */
record BaselineArtifact(String groupId, String artifactId, String version, String classifier, String type) {

  private static final Pattern COORDINATES =
      Pattern.compile("([^:/\\\\\\s]+):([^:/\\\\\\s]+):([^:/\\\\\\s]+)(?::([^:/\\\\\\s]*)(?::([^:/\\\\\\s]+))?)?");

  /** {@return the coordinates read from text, or null when the text is not coordinates} */
  static BaselineArtifact parse(String text) {
    Matcher m = COORDINATES.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    String classifier = m.group(4) == null ? "" : m.group(4);
    String type = m.group(5) == null ? "yaml" : m.group(5);
    return new BaselineArtifact(m.group(1), m.group(2), m.group(3), classifier, type);
  }

  /** {@return whether the artifact is an archive holding the document rather than the document} */
  boolean isArchive() {
    return type.equals("jar") || type.equals("zip");
  }

  /**
   * Resolves the artifact through Maven's repositories, as dependencies are.
   *
   * @throws ArtifactResolutionException when no repository has it
   */
  Path resolve(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories)
      throws ArtifactResolutionException {
    DefaultArtifact artifact = new DefaultArtifact(groupId, artifactId, classifier, type, version);
    return system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null)).getArtifact()
        .getFile().toPath();
  }

  /**
   * Unpacks an archive into {@code folder} and returns its entry {@code entry}.
   *
   * @throws IOException when the archive cannot be read, or has no such entry
   */
  static Path unpack(Path archive, String entry, Path folder) throws IOException {
    Files.createDirectories(folder);
    Path root = folder.toAbsolutePath().normalize();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        Path target = root.resolve(e.getName()).normalize();
        if (!target.startsWith(root)) {
          throw new IOException(archive.getFileName() + " has an entry outside its folder: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          copy(zip, target);
        }
      }
    }
    Path document = root.resolve(entry).normalize();
    if (!document.startsWith(root) || !Files.isRegularFile(document)) {
      throw new IOException(archive.getFileName() + " has no entry " + entry);
    }
    return document;
  }

  private static void copy(InputStream in, Path target) throws IOException {
    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public String toString() {
    return groupId + ":" + artifactId + ":" + version + (classifier.isEmpty() ? "" : ":" + classifier) + ":" + type;
  }
}
