package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.read.SpecReader;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that are keywords, clash with library types or members, differ only in case or are not
 * ASCII still give Java that compiles, with names chosen the same way every time.
 */
class AwkwardNamesTest {

  private static final Path NAMES = Path.of("src/test/resources/codegen/names.yaml");

  @Test
  void awkwardNamesGenerateCompilingJavaWithPredictableNames(@TempDir Path dir) throws Exception {
    List<GeneratedFile> files = JavaGenerator.generate(SpecReader.read(NAMES, null), "com.example");
    ClassLoader loader = InMemoryJavac.compile(files, dir);

    assertEquals(List.of(
            "com/example/cafe__/CafeClientMessage.java", "com/example/cafe__/CafeDispatcher.java",
            "com/example/cafe__/CafeHandler.java", "com/example/cafe__/CafePath.java",
            "com/example/cafe__/CafeReader.java", "com/example/cafe__/CafeRoute.java",
            "com/example/cafe__/CafeServerMessage.java", "com/example/cafe__/New.java",
            "com/example/cafe__/NewRecord.java",
            "com/example/class_/ClassClientMessage.java", "com/example/class_/ClassDispatcher.java",
            "com/example/class_/ClassHandler.java", "com/example/class_/ClassHandler2.java",
            "com/example/class_/ClassPath.java", "com/example/class_/ClassReader.java",
            "com/example/class_/ClassRoute.java", "com/example/class_/ClassServerMessage.java",
            "com/example/class_/HandleMessageRequest.java", "com/example/class_/Message2.java",
            "com/example/class_/Message2Letter.java", "com/example/class_/Message3.java",
            "com/example/class_/String2.java"),
        files.stream().map(GeneratedFile::relativePath).toList());

    Class<?> message = loader.loadClass("com.example.class_.Message2");
    assertEquals(List.of("class_", "default_", "toString2", "hashCode2", "wireTag2", "name", "name2", "naive",
            "value", "_1st", "json", "out", "at", "problems", "errors", "item", "items", "entry", "letter"),
        Arrays.stream(message.getRecordComponents()).map(RecordComponent::getName).toList());
    assertEquals(List.of("A", "A2", "_1X", "EMPTY", "CLASS", "TWO_WORDS"),
        Arrays.stream(loader.loadClass("com.example.class_.Message2Letter").getEnumConstants())
            .map(Object::toString).toList());
    assertEquals(List.of("for_", "firstOne"),
        Arrays.stream(loader.loadClass("com.example.class_.ClassPath").getRecordComponents())
            .map(RecordComponent::getName).toList());
    assertEquals(List.of("var_", "yield_"),
        Arrays.stream(loader.loadClass("com.example.cafe__.NewRecord").getRecordComponents())
            .map(RecordComponent::getName).toList());
  }
}
