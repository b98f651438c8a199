package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Constants in a reader never hide the types their code names. */
class ConstantNamesTest {

  @Test
  void anEnumNamedLikeItsReaderConstantCompilesAndReads(@TempDir Path dir) throws Exception {
    // Component X: its reader constant would be X too, and X.values() would then name the constant.
    Path document = dir.resolve("x.yaml");
    Files.writeString(document, """
        asyncapi: 3.0.0
        info: {title: Paint, version: 1.0.0}
        channels:
          paint:
            address: /paint
            messages:
              colour: {$ref: '#/components/messages/colour'}
        operations:
          colour:
            action: receive
            channel: {$ref: '#/channels/paint'}
            messages: [{$ref: '#/channels/paint/messages/colour'}]
        components:
          messages:
            colour:
              payload:
                type: object
                properties:
                  action: {type: string, const: colour}
                  x: {$ref: '#/components/schemas/X'}
                required: [action, x]
          schemas:
            X: {type: string, enum: [red, green]}
        """);
    CompiledChannel paint = CompiledChannel.of(document, "paint", "Paint", dir.resolve("classes"));
    String red = "{\"action\":\"colour\",\"x\":\"red\"}";
    assertEquals(red, CompiledChannel.write(paint.value(red)));
    assertEquals(List.of(CompiledChannel.error("enum", List.of("colour", "x"), "Input should be 'red' or 'green'")),
        paint.errors("{\"action\":\"colour\",\"x\":\"blue\"}"));
  }
}
