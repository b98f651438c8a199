package dev.chanx.server.layer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.chanx.core.codec.TextFrame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code pos} key of a recoverable frame: the frame's position in each group it was sent to,
 * written as the frame's last top-level key so that every recipient shares one encoding:
 * <pre>{"action":"new_chat_message","payload":{...},"pos":{"room1":{"epoch":"k3x9qa","offset":17}}}</pre>
 *
 * <p>Existing Chanx clients ignore a top-level key they do not know.
 */
public final class FramePositions {

  /** The top-level key. */
  public static final String KEY = "pos";

  private static final byte[] MARK = ",\"pos\":{".getBytes(StandardCharsets.US_ASCII);
  private static final JsonFactory JSON = new JsonFactory();

  /** The positions of the last frame read, by identity: the layer hands one frame to many members in a row. */
  private record Cached(TextFrame frame, Map<String, Position> positions) {}

  // One per thread: threads delivering different frames at once do not evict each other's.
  private static final ThreadLocal<Cached> LAST = ThreadLocal.withInitial(() -> new Cached(null, null));

  private FramePositions() {}

  /**
   * {@return the frame with its positions appended as its last key}
   *
   * @param frame a JSON object frame, without {@code pos}
   * @param names the groups' names on the wire, in order
   * @param positions the frame's position in each of those groups
   */
  public static TextFrame write(TextFrame frame, List<String> names, List<Position> positions) {
    // Written once per send and shared by every recipient: the frame's bytes copied once, no text made.
    StringBuilder pos = new StringBuilder(48 * names.size()).append(",\"pos\":{");
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        pos.append(',');
      }
      Position position = positions.get(i);
      pos.append(quoted(names.get(i))).append(":{\"epoch\":").append(quoted(position.epoch()))
          .append(",\"offset\":").append(position.offset()).append('}');
    }
    byte[] tail = pos.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    int length = frame.length();
    java.nio.ByteBuffer bytes = frame.buffer();
    if (length < 2 || bytes.get(length - 1) != '}') {
      throw new IllegalArgumentException("not a JSON object frame");
    }
    byte[] out = new byte[length - 1 + tail.length];
    bytes.get(out, 0, length - 1);
    System.arraycopy(tail, 0, out, length - 1, tail.length);
    return TextFrame.ofUtf8(out);
  }

  /**
   * {@return what {@link #write(TextFrame, byte[], long)} puts before a frame's offset in one
   * group, from the comma before {@code "pos"} to the colon after {@code "offset"}: made once per
   * group and epoch}
   *
   * @param name the group's name on the wire
   * @param epoch the epoch of its history
   */
  public static byte[] tail(String name, String epoch) {
    return (",\"pos\":{" + quoted(name) + ":{\"epoch\":" + quoted(epoch) + ",\"offset\":")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@return the frame with its position in one group appended as its last key: the same bytes as
   * {@link #write(TextFrame, List, List)} with one group, in one array and no text made, as the
   * cost of every recoverable send to one group is this}
   *
   * @param frame a JSON object frame, without {@code pos}
   * @param tail the group's {@link #tail(String, String)}
   * @param offset the frame's offset in the group
   */
  public static TextFrame write(TextFrame frame, byte[] tail, long offset) {
    int length = frame.length();
    java.nio.ByteBuffer bytes = frame.buffer();
    if (length < 2 || bytes.get(length - 1) != '}') {
      throw new IllegalArgumentException("not a JSON object frame");
    }
    int digits = digits(offset);
    byte[] out = new byte[length - 1 + tail.length + digits + 3];
    bytes.get(out, 0, length - 1);
    System.arraycopy(tail, 0, out, length - 1, tail.length);
    int end = length - 1 + tail.length + digits;
    for (long rest = offset, at = end - 1; at >= end - digits; at--, rest /= 10) {
      out[(int) at] = (byte) ('0' + rest % 10);
    }
    out[end] = '}';
    out[end + 1] = '}';
    out[end + 2] = '}';
    return TextFrame.ofUtf8(out);
  }

  private static int digits(long value) {
    int digits = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    return digits;
  }

  /**
   * {@return the text that ends a frame's JSON once its positions are known, for a layer that
   * appends them elsewhere (a Redis script): the frame without its closing brace}
   *
   * @param frame a JSON object frame, without {@code pos}
   */
  public static byte[] head(TextFrame frame) {
    byte[] bytes = bytes(frame);
    byte[] head = new byte[bytes.length - 1];
    System.arraycopy(bytes, 0, head, 0, head.length);
    return head;
  }

  /**
   * {@return a group name as a JSON string, quotes included}
   *
   * @param name the group's name on the wire
   */
  public static String quoted(String name) {
    if (plain(name)) {
      return "\"" + name + "\"";
    }
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(name)) + "\"";
  }

  /**
   * {@return the frame's positions by group name, or null when it carries none}
   *
   * @param frame a frame as a layer delivers it
   */
  public static Map<String, Position> of(TextFrame frame) {
    Cached cached = LAST.get();
    if (cached.frame() == frame) {
      return cached.positions();
    }
    byte[] bytes = new byte[frame.length()];
    frame.buffer().get(bytes);
    Map<String, Position> positions = bytes.length < 2 || bytes[bytes.length - 1] != '}' ? null : read(bytes);
    LAST.set(new Cached(frame, positions));
    return positions;
  }

  /**
   * {@return the frame's position in one group, or null when it has none there}
   *
   * @param frame a frame as a layer delivers it
   * @param name the group's name on the wire
   */
  public static Position of(TextFrame frame, String name) {
    Map<String, Position> positions = of(frame);
    return positions == null ? null : positions.get(name);
  }

  static Map<String, Position> read(byte[] frame) {
    int at = lastIndexOf(frame, MARK);
    if (at < 0) {
      return null;
    }
    int start = at + MARK.length - 1;
    try (JsonParser parser = JSON.createParser(frame, start, frame.length - 1 - start)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Map<String, Position> positions = new LinkedHashMap<>(2);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        String epoch = null;
        long offset = -1;
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          return null;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          JsonToken value = parser.nextToken();
          if ("epoch".equals(field) && value == JsonToken.VALUE_STRING) {
            epoch = parser.getText();
          } else if ("offset".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
            offset = parser.getLongValue();
          } else {
            parser.skipChildren();
          }
        }
        if (epoch == null || epoch.isEmpty() || offset < 0) {
          return null;
        }
        positions.put(name, new Position(epoch, offset));
      }
      return positions;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  // Nothing to escape: the usual group names and every epoch.
  private static boolean plain(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || c > 0x7E) {
        return false;
      }
    }
    return true;
  }

  private static byte[] bytes(TextFrame frame) {
    byte[] bytes = new byte[frame.length()];
    frame.buffer().get(bytes);
    if (bytes.length < 2 || bytes[bytes.length - 1] != '}') {
      throw new IllegalArgumentException("not a JSON object frame");
    }
    return bytes;
  }

  private static int lastIndexOf(byte[] in, byte[] what) {
    outer:
    for (int i = in.length - what.length; i >= 0; i--) {
      for (int j = 0; j < what.length; j++) {
        if (in[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
