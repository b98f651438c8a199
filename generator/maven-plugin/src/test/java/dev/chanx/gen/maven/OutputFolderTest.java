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

  @Test
  void aJavaScriptClientNoLongerAskedForGoesButOtherFilesStay() throws Exception {
    OutputFolder.replaceContents(out, List.of(
        new GeneratedFile("com/example/a/A.java", "class A {}"),
        new GeneratedFile("js/chat.js", "export {};"),
        new GeneratedFile("js/chat.d.ts", "export {};")));
    Files.writeString(out.resolve("js/notes.txt"), "mine");
    Files.writeString(out.resolve("helper.js"), "mine");

    OutputFolder.replaceContents(out, List.of(new GeneratedFile("com/example/a/A.java", "class A {}")));

    assertFalse(Files.exists(out.resolve("js/chat.js")));
    assertFalse(Files.exists(out.resolve("js/chat.d.ts")));
    assertTrue(Files.exists(out.resolve("js/notes.txt")));
    assertTrue(Files.exists(out.resolve("helper.js")));
  }
}
