package dev.chanx.gen.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.GeneratedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

  @TempDir Path out;

  @Test
  void staleSourcesGoAndUnchangedOnesKeepTheirTimestamp() throws Exception {
    OutputFolder.replaceContents(out, List.of(
        new GeneratedFile("com/example/a/A.java", "class A {}"),
        new GeneratedFile("com/example/b/B.java", "class B {}")));
    Path a = out.resolve("com/example/a/A.java");
    FileTime old = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(a, old);

    OutputFolder.replaceContents(out, List.of(new GeneratedFile("com/example/a/A.java", "class A {}")));

    assertTrue(Files.exists(a));
    assertEquals(old, Files.getLastModifiedTime(a));
    assertFalse(Files.exists(out.resolve("com/example/b/B.java")));
  }
}
