package dev.chanx.gen.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFingerprintTest {

  @TempDir Path temp;

  @Test
  void anUnchangedBuildMatchesTheStoredFingerprint() throws Exception {
    Path spec = write("spec/chat.yaml", "asyncapi: 3.0.0\n");
    Path out = temp.resolve("out");
    new InputFingerprint(spec, "com.example", null).store(out);
    assertTrue(new InputFingerprint(spec, "com.example", null).matches(out));
  }

  @Test
  void aChangedDocumentOptionOrReferencedFileDoesNot() throws Exception {
    Path spec = write("spec/chat.yaml", "asyncapi: 3.0.0\n");
    Path shared = write("spec/common/schemas.yaml", "a: 1\n");
    Path out = temp.resolve("out");
    new InputFingerprint(spec, "com.example", null).store(out);

    assertFalse(new InputFingerprint(spec, "com.other", null).matches(out));
    assertFalse(new InputFingerprint(spec, "com.example", "type").matches(out));
    Files.writeString(shared, "a: 2\n");
    assertFalse(new InputFingerprint(spec, "com.example", null).matches(out));
    new InputFingerprint(spec, "com.example", null).store(out);
    Files.writeString(spec, "asyncapi: 3.0.1\n");
    assertFalse(new InputFingerprint(spec, "com.example", null).matches(out));
  }

  @Test
  void noStoredFingerprintNeverMatches() throws Exception {
    Path spec = write("spec/chat.yaml", "asyncapi: 3.0.0\n");
    assertFalse(new InputFingerprint(spec, "com.example", null).matches(temp.resolve("nowhere")));
  }

  private Path write(String relative, String text) throws Exception {
    Path file = temp.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }
}
