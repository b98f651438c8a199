package dev.chanx.server;

import dev.chanx.server.layer.Position;
import java.security.SecureRandom;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names the stream of a connection on a channel whose direct frames are recoverable
 * ({@code x-chanx: {recovery: {direct: true}}}): a group of its own, {@code ~} and 128 random
 * bits, that only the server names. The client learns the name from the {@code recovery} frame
 * and the {@code pos} of its frames, and presents it with its position when it reconnects, so its
 * next connection reads the same stream. The name is what lets a client read the stream: it is
 * never guessable and never chosen by a client.
 */
final class ConnectionStream {

  /** What starts the name of every stream, and no group a handler may join. */
  static final String PREFIX = "~";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern NAME = Pattern.compile("~[0-9a-z]{20,32}");

  private ConnectionStream() {}

  /** {@return the stream a client presented a position in, or a new one when it presented none} */
  static String of(Map<String, Position> presented) {
    String resumed = null;
    for (String name : presented.keySet()) {
      // Only one in practice; the first in order should a client present several.
      if (isStream(name) && NAME.matcher(name).matches() && (resumed == null || name.compareTo(resumed) < 0)) {
        resumed = name;
      }
    }
    return resumed != null ? resumed : fresh();
  }

  /** {@return whether a group's name is a stream's, which a handler may not join} */
  static boolean isStream(String group) {
    return group.startsWith(PREFIX);
  }

  private static String fresh() {
    String high = Long.toString(RANDOM.nextLong() >>> 1, 36);
    String low = Long.toString(RANDOM.nextLong() >>> 1, 36);
    return PREFIX + "0".repeat(13 - high.length()) + high + "0".repeat(13 - low.length()) + low;
  }
}
