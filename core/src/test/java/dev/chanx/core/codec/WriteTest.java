package dev.chanx.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class WriteTest {

  @Test
  void writesATreeWithAGeneratorThatHasNoCodec() throws Exception {
    String json = "{\"a\":[1,2.5,\"x\",null,true,{\"b\":12345678901234}],\"c\":{}}";
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
      Write.tree(generator, Frames.json(json));
    }

    assertEquals(json, out.toString());
  }
}
