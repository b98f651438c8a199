package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The transport's UTF-8 check agrees with the JDK's strict decoder. */
class Utf8Test {

  private static boolean jdkAccepts(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @Test
  void knownCases() {
    byte[] mixed = "héllo €𝄞".getBytes(StandardCharsets.UTF_8);
    assertTrue(Utf8.valid(mixed, 0, mixed.length));
    assertFalse(Utf8.valid(mixed, 0, mixed.length - 1), "the last character cut short");
    assertFalse(Utf8.valid(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3), "a surrogate");
    assertFalse(Utf8.valid(new byte[] {(byte) 0xC0, (byte) 0xAF}, 0, 2), "an overlong slash");
    assertFalse(Utf8.valid(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, 0, 4), "past U+10FFFF");
    assertFalse(Utf8.valid(new byte[] {'a', (byte) 0xE2, (byte) 0x82}, 0, 3), "cut short");
    assertTrue(Utf8.valid(new byte[] {'a', (byte) 0xE2, (byte) 0x82}, 0, 1), "only the range is read");
  }

  @Test
  void randomBytesAreJudgedAsTheJdkJudgesThem() {
    Random random = new Random(21);
    int valid = 0;
    for (int i = 0; i < 200_000; i++) {
      byte[] bytes = new byte[1 + random.nextInt(6)];
      random.nextBytes(bytes);
      if (random.nextBoolean()) {
        // Mostly plausible lead and continuation bytes, so that valid sequences come up often.
        for (int j = 1; j < bytes.length; j++) {
          bytes[j] = (byte) (0x80 | (bytes[j] & 0x3F));
        }
      }
      boolean expected = jdkAccepts(bytes);
      valid += expected ? 1 : 0;
      assertEquals(expected, Utf8.valid(bytes, 0, bytes.length), () -> java.util.HexFormat.of().formatHex(bytes));
    }
    assertTrue(valid > 1000, "valid cases tried: " + valid);
  }
}
