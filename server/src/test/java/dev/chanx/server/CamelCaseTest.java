package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.core.codec.FrameWriter;
import dev.chanx.core.codec.TextFrame;
import org.junit.jupiter.api.Test;

class CamelCaseTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void snakeCaseKeysAreCamelized() {
    assertEquals("userName", CamelCase.camelize("user_name"));
    assertEquals("aBC", CamelCase.camelize("a_b_c"));
    assertEquals("_private", CamelCase.camelize("_private"));
    assertEquals("trailing", CamelCase.camelize("trailing_"));
    assertEquals("double", CamelCase.camelize("double__"));
    assertEquals("x1Y", CamelCase.camelize("x1_y"));
  }

  @Test
  void camelCaseKeysAreDecamelizedAcronymsIncluded() {
    assertEquals("user_name", CamelCase.decamelize("userName"));
    assertEquals("user_name", CamelCase.decamelize("UserName"));
    assertEquals("user_id", CamelCase.decamelize("userID"));
    assertEquals("http_server", CamelCase.decamelize("HTTPServer"));
    assertEquals("a1_b", CamelCase.decamelize("a1B"));
    assertEquals("already_snake", CamelCase.decamelize("already_snake"));
    assertEquals("user_name", CamelCase.decamelize("user_Name"));
  }

  @Test
  void keysThatNeedNoChangeAreNotCopied() {
    String key = "message";
    assertSame(key, CamelCase.camelize(key));
    assertSame(key, CamelCase.decamelize(key));
  }

  @Test
  void treesAreDecamelizedAtEveryDepthAndLeftAloneWhenNothingChanges() throws Exception {
    JsonNode frame = JSON.readTree("{\"action\":\"x\",\"payload\":{\"userName\":\"Ann Lee\",\"pets\":[{\"petName\":\"Rex\"},1],"
        + "\"plain\":{\"a\":\"camelValue\"}}}");
    assertEquals("{\"action\":\"x\",\"payload\":{\"user_name\":\"Ann Lee\",\"pets\":[{\"pet_name\":\"Rex\"},1],"
        + "\"plain\":{\"a\":\"camelValue\"}}}", CamelCase.decamelizeKeys(frame).toString());
    JsonNode snake = JSON.readTree("{\"action\":\"x\",\"payload\":{\"user_name\":[{\"a\":1}]}}");
    assertSame(snake, CamelCase.decamelizeKeys(snake));
  }

  @Test
  void theGeneratorCamelizesFieldsAndTreesButNotTheRef() throws Exception {
    TextFrame frame = FrameWriter.write(out -> {
      out.writeStringField("action", "profile_updated");
      out.writeObjectFieldStart("payload");
      out.writeStringField("display_name", "Ann");
      out.writeFieldName("extra_data");
      out.writeTree(JSON.readTree("{\"nested_key\":[{\"deep_key\":true}]}"));
      out.writeEndObject();
    }, JSON.readTree("{\"my_ref\":1}"), CamelCaseGenerator.when(true));
    assertEquals("{\"action\":\"profile_updated\",\"payload\":{\"displayName\":\"Ann\",\"extraData\":"
        + "{\"nestedKey\":[{\"deepKey\":true}]}},\"ref\":{\"my_ref\":1}}", frame.text());
  }
}
