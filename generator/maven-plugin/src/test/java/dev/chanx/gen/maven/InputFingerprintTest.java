package dev.chanx.gen.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFingerprintTest {

  private static final dev.chanx.gen.CheckOptions DEFAULTS = dev.chanx.gen.CheckOptions.defaults();

  private static final Set<Target> SERVER = Set.of(Target.SERVER);

  @TempDir Path temp;

  @Test
  void anUnchangedBuildMatchesTheStoredFingerprint() throws Exception {
    Path spec = write("spec/chat.yaml", "asyncapi: 3.0.0\n");
    Path out = temp.resolve("out");
    new InputFingerprint(spec, "com.example", DEFAULTS, SERVER).store(out);
    assertTrue(new InputFingerprint(spec, "com.example", DEFAULTS, SERVER).matches(out));
  }

  @Test
  void aChangedDocumentOptionOrReferencedFileDoesNot() throws Exception {
    Path spec = write("spec/chat.yaml", "asyncapi: 3.0.0\n");
    Path shared = write("spec/common/schemas.yaml", "a: 1\n");
    Path out = temp.resolve("out");
    new InputFingerprint(spec, "com.example", DEFAULTS, SERVER).store(out);

    assertFalse(new InputFingerprint(spec, "com.other", DEFAULTS, SERVER).matches(out));
    assertFalse(new InputFingerprint(spec, "com.example", DEFAULTS.discriminator("type"), SERVER).matches(out));
    assertFalse(new InputFingerprint(spec, "com.example", DEFAULTS.strict(true), SERVER).matches(out));
    assertFalse(new InputFingerprint(spec, "com.example", DEFAULTS.assertFormats(false), SERVER).matches(out));
    assertFalse(new InputFingerprint(spec, "com.example", DEFAULTS, Set.of(Target.SERVER, Target.JS_CLIENT)).matches(out));
    Files.writeString(shared, "a: 2\n");
    assertFalse(new InputFingerprint(spec, "com.example", DEFAULTS, SERVER).matches(out));
    new InputFingerprint(spec, "com.example", DEFAULTS, SERVER).store(out);
    Files.writeString(spec, "asyncapi: 3.0.1\n");
    assertFalse(new InputFingerprint(spec, "com.example", DEFAULTS, SERVER).matches(out));
  }

  @Test
  void noStoredFingerprintNeverMatches() throws Exception {
    Path spec = write("spec/chat.yaml", "asyncapi: 3.0.0\n");
    assertFalse(new InputFingerprint(spec, "com.example", DEFAULTS, SERVER).matches(temp.resolve("nowhere")));
  }

  private Path write(String relative, String text) throws Exception {
    Path file = temp.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }
}
