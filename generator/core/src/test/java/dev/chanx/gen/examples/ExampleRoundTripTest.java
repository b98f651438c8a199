package dev.chanx.gen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.examples.FrameExample.Side;
import dev.chanx.gen.examples.KnownDeviations.Deviation;
import dev.chanx.core.message.Decoded;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example of every document parses into its generated type and writes back equal JSON:
 * what a client sends through the channel's dispatcher, what the server sends through the
 * channel's {@code ServerMessageDecoder}, both validating as they read. Examples that break their
 * own schema are listed in {@link KnownDeviations} with the exact errors.
 */
class ExampleRoundTripTest {

  @TempDir
  static Path work;

  private static final Map<Path, CompiledDocument> COMPILED = new HashMap<>();

  static Stream<FrameExample> examples() {
    return ExampleDocuments.all().stream().flatMap(d -> FrameExample.of(d).stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void parsesIntoItsRecordAndWritesBackEqualJson(FrameExample example) {
    Deviation deviation = KnownDeviations.BY_EXAMPLE.get(example.id());
    JsonNode frame = example.frame();
    if (deviation != null) {
      assertEquals(deviation.errors(), decode(example, frame).errors(), deviation.why());
      frame = deviation.repaired(frame);
    }
    JsonNode read = frame;
    Decoded<?> decoded = decode(example, read);
    assertTrue(decoded.isValid(), () -> example.id() + " should be valid but: " + decoded.errors());
    JsonNode written = Json.written(decoded.value());
    if (deviation != null && deviation.written() != null) {
      assertFalse(Json.same(read, written), "the writer now writes back what it read: remove the entry of "
          + example.id() + " from KnownDeviations");
      read = deviation.written().apply(read);
    }
    JsonNode expected = read;
    assertTrue(Json.same(expected, written), () -> example.id() + " wrote\n  " + written + "\nfor\n  " + expected);
  }

  @Test
  void everyKnownDeviationIsAnExample() {
    SharedSpecs.assumePresent(); // every known deviation is in a reference document
    Set<String> ids = examples().map(FrameExample::id).collect(Collectors.toSet());
    assertEquals(Set.of(), KnownDeviations.BY_EXAMPLE.keySet().stream().filter(id -> !ids.contains(id))
        .collect(Collectors.toSet()));
  }

  @Test
  void theReferenceDocumentsHaveExamplesOnBothSides() {
    SharedSpecs.assumePresent(); // where they are absent, only the local examples round-trip
    List<FrameExample> shared = examples().filter(e -> ExampleDocuments.isReference(e.document())).toList();
    assertTrue(shared.stream().anyMatch(e -> e.side() == Side.CLIENT), "client examples");
    assertTrue(shared.stream().anyMatch(e -> e.side() == Side.SERVER), "server examples");
  }

  private static Decoded<?> decode(FrameExample example, JsonNode frame) {
    CompiledDocument document = COMPILED.computeIfAbsent(example.document(),
        d -> CompiledDocument.of(d, work.resolve("doc" + COMPILED.size())));
    return example.side() == Side.CLIENT
        ? document.decodeClientFrame(example.channel(), frame)
        : document.decodeServerFrame(example.channel(), frame);
  }
}
