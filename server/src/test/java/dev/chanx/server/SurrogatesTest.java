package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SurrogatesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void pairsAreTextLoneHalvesAreNot() {
    assertFalse(Surrogates.hasLone("a\ud83d\ude00b"));
    assertTrue(Surrogates.hasLone("\ud83d"));
    assertTrue(Surrogates.hasLone("\ude00\ud83d"));
    assertTrue(Surrogates.hasLone("x\udfff"));
    assertEquals("a\uFFFDb\ud83d\ude00\uFFFD", Surrogates.replaceLone("a\ud800b\ud83d\ude00\udc00"));
  }

  @Test
  void findsThemInValuesKeysAndArraysOnlyWhenEscaped() throws Exception {
    String escaped = "{\"a\":[1,{\"b\":\"\\ud800\"}]}";
    assertTrue(Surrogates.mayHide(escaped));
    assertTrue(Surrogates.inTree(JSON.readTree(escaped)));
    assertTrue(Surrogates.inTree(JSON.readTree("{\"\\udc00\":1}")));
    assertFalse(Surrogates.inTree(JSON.readTree("{\"a\":\"\\ud83d\\ude00\"}")));
    assertFalse(Surrogates.mayHide("{\"a\":\"\ud83d\ude00\"}"));
  }
}
