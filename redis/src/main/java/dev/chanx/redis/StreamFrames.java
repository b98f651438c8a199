package dev.chanx.redis;

import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.output.CommandOutput;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The reply of an {@code XRANGE} on a group's stream, decoded flat as it arrives: per entry its
 * offset and time (its id, {@code <offset>-<ms>}) and its frame's bytes, into arrays sized by the
 * reply's length, with no message, map, string or boxed number per entry (Lettuce's own stream
 * output builds those, which costs more than the read itself for 1,000 entries).
 */
final class StreamFrames extends CommandOutput<String, byte[], StreamFrames.Entries> {

  /** The entries of a range, in order. */
  static final class Entries {

    private long[] offsets = new long[0];
    private long[] times = new long[0];
    private byte[][] frames = new byte[0][];
    private int size;

    /** {@return how many entries the range holds} */
    int size() {
      return size;
    }

    /** {@return an entry's offset, the first part of its id} */
    long offset(int i) {
      return offsets[i];
    }

    /** {@return an entry's time in ms, the second part of its id} */
    long time(int i) {
      return times[i];
    }

    /** {@return an entry's {@code f} field, or null when it has none} */
    byte[] frame(int i) {
      return frames[i];
    }

    private void expect(int count) {
      if (count > offsets.length - size) {
        int length = Math.max(size + count, offsets.length * 2);
        offsets = Arrays.copyOf(offsets, length);
        times = Arrays.copyOf(times, length);
        frames = Arrays.copyOf(frames, length);
      }
    }

    private void add(ByteBuffer id) {
      expect(1);
      long offset = 0;
      while (id.hasRemaining()) {
        byte b = id.get();
        if (b == '-') {
          break;
        }
        offset = offset * 10 + (b - '0');
      }
      long time = 0;
      while (id.hasRemaining()) {
        time = time * 10 + (id.get() - '0');
      }
      offsets[size] = offset;
      times[size] = time;
      size++;
    }
  }

  // Fields left to read in the current entry, -1 while the next value is an entry id.
  private int fieldsLeft = -1;
  // Set after an id: the next array announced holds that entry's fields.
  private boolean afterId;
  // Whether the array of entries was announced: its length sizes the arrays once.
  private boolean sized;
  private boolean frameField;

  StreamFrames(RedisCodec<String, byte[]> codec) {
    super(codec, new Entries());
  }

  @Override
  public void multi(int count) {
    if (!sized) {
      sized = true;
      output.expect(Math.max(count, 0));
    } else if (afterId) {
      afterId = false;
      fieldsLeft = count > 0 ? count : -1;
    }
  }

  @Override
  public void set(ByteBuffer bytes) {
    if (fieldsLeft < 0) {
      output.add(bytes);
      afterId = true;
      return;
    }
    if (fieldsLeft % 2 == 0) {
      frameField = bytes != null && bytes.remaining() == 1 && bytes.get(bytes.position()) == 'f';
    } else if (frameField && bytes != null) {
      byte[] frame = new byte[bytes.remaining()];
      bytes.get(frame);
      output.frames[output.size - 1] = frame;
    }
    if (--fieldsLeft == 0) {
      fieldsLeft = -1;
    }
  }
}
