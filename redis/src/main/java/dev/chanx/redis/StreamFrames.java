package dev.chanx.redis;

import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.output.CommandOutput;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The reply of an {@code XRANGE} on a group's stream, decoded flat as it arrives: per entry its
 * offset, its frame's bytes and its time, with no message, map or string per entry (Lettuce's own
 * stream output builds those, which costs more than the read itself for 1,000 entries).
 */
final class StreamFrames extends CommandOutput<String, byte[], StreamFrames.Entries> {

  /**
   * The entries of a range, in order, as parallel lists.
   *
   * @param offsets each entry's offset, the first part of its id
   * @param frames each entry's {@code f} field, or null when it has none
   * @param times each entry's {@code t} field in ms, or -1 when it has none
   */
  record Entries(List<Long> offsets, List<byte[]> frames, List<Long> times) {}

  // Fields left to read in the current entry, -1 while the next value is an entry id.
  private int fieldsLeft = -1;
  // Set after an id: the next array announced holds that entry's fields.
  private boolean afterId;
  private byte[] fieldName;

  StreamFrames(RedisCodec<String, byte[]> codec) {
    super(codec, new Entries(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
  }

  @Override
  public void multi(int count) {
    if (afterId) {
      afterId = false;
      fieldsLeft = Math.max(count, 0);
      if (fieldsLeft == 0) {
        fieldsLeft = -1;
      }
    }
  }

  @Override
  public void set(ByteBuffer bytes) {
    if (fieldsLeft < 0) {
      output.offsets().add(offset(bytes));
      output.frames().add(null);
      output.times().add(-1L);
      afterId = true;
      return;
    }
    if (fieldsLeft % 2 == 0) {
      fieldName = bytes == null ? null : take(bytes);
    } else if (fieldName != null && fieldName.length == 1 && bytes != null) {
      int last = output.offsets().size() - 1;
      if (fieldName[0] == 'f') {
        output.frames().set(last, take(bytes));
      } else if (fieldName[0] == 't') {
        output.times().set(last, number(bytes));
      }
    }
    if (--fieldsLeft == 0) {
      fieldsLeft = -1;
    }
  }

  /** {@return the first part of an entry id such as {@code 42-0}} */
  private static long offset(ByteBuffer id) {
    long value = 0;
    while (id.hasRemaining()) {
      byte b = id.get();
      if (b == '-') {
        break;
      }
      value = value * 10 + (b - '0');
    }
    return value;
  }

  /** {@return a decimal number's value, -1 when the text is not one} */
  private static long number(ByteBuffer text) {
    if (!text.hasRemaining()) {
      return -1;
    }
    long value = 0;
    while (text.hasRemaining()) {
      byte b = text.get();
      if (b < '0' || b > '9') {
        return -1;
      }
      value = value * 10 + (b - '0');
    }
    return value;
  }

  private static byte[] take(ByteBuffer bytes) {
    byte[] copy = new byte[bytes.remaining()];
    bytes.get(copy);
    return copy;
  }
}
