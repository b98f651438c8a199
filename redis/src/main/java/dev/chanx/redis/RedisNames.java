package dev.chanx.redis;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The Redis names of one namespace: channels {@code <ns>:g:<group>} per group and
 * {@code <ns>:n:<node>} per node; for a recoverable group, the stream {@code <ns>:h:<group>} of its
 * recent frames and the hash {@code <ns>:m:<group>} of its epoch and offset.
 *
 * <p>Group names come from URLs, so from users. They are percent-encoded: the encoding is
 * injective, so no two groups share a channel, and an encoded name holds no {@code :}, glob
 * character ({@code * ? [ ] \}), space or control character, so it cannot pose as a node
 * channel or widen a pattern an operator types into {@code PUBSUB CHANNELS}.
 */
final class RedisNames {

  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final String groupPrefix;
  private final String nodePrefix;
  private final String historyPrefix;
  private final String metaPrefix;

  RedisNames(String namespace) {
    checkNamespace(namespace);
    this.groupPrefix = namespace + ":g:";
    this.nodePrefix = namespace + ":n:";
    this.historyPrefix = namespace + ":h:";
    this.metaPrefix = namespace + ":m:";
  }

  /** The stream holding a recoverable group's recent frames, entry ids {@code <offset>-0}. */
  String history(String groupKey) {
    return historyPrefix + encode(groupKey);
  }

  /** The hash holding a recoverable group's {@code epoch} and last {@code offset}. */
  String meta(String groupKey) {
    return metaPrefix + encode(groupKey);
  }

  /** Refuses a namespace that could overlap another's channels, as one holding {@code :} would. */
  static String checkNamespace(String namespace) {
    if (!NAMESPACE.matcher(namespace).matches()) {
      throw new IllegalArgumentException("not a valid namespace (1 to 64 letters, digits, _.-): " + namespace);
    }
    return namespace;
  }

  /** The channel of a group key such as {@code chat/room1}. */
  String group(String groupKey) {
    return groupPrefix + encode(groupKey);
  }

  /** The channel of a node's direct sends. */
  String node(String nodeId) {
    return nodePrefix + encode(nodeId);
  }

  /** The group key of a group channel, or null when the channel is not one. */
  String groupKey(String channel) {
    return channel.startsWith(groupPrefix) ? decode(channel.substring(groupPrefix.length())) : null;
  }

  /** Whether a channel is a node channel of this namespace. */
  boolean isNode(String channel) {
    return channel.startsWith(nodePrefix);
  }

  static String encode(String name) {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(utf8.length + 8);
    for (byte b : utf8) {
      int c = b & 0xFF;
      if (isKept(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /** The name an encoded name came from, or null when it is not one this class writes. */
  static String decode(String encoded) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%' && i + 2 < encoded.length()) {
        int hi = Character.digit(encoded.charAt(i + 1), 16);
        int lo = Character.digit(encoded.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        out.write(hi << 4 | lo);
        i += 2;
      } else if (c < 128 && isKept(c)) {
        out.write(c);
      } else {
        return null;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  // Unreserved URL characters, and '/' which separates a channel from its group in a key.
  private static boolean isKept(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
  }
}
