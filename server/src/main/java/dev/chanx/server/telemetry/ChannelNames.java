package dev.chanx.server.telemetry;

import java.util.Arrays;

/**
 * The names of the hosted channels, to tell which one a group key ({@code <channel>/<group>})
 * belongs to on every group send without making a string. Channels are few, so a scan is
 * cheapest; keys are one per room, so answers are kept only in a fixed number of slots.
 */
public final class ChannelNames {

  // A power of two, to mask a hash; many times the 10 rooms of the fan-out load it was measured on.
  private static final int RECENT = 256;

  // Written when a channel is told, before the server starts; read on every group send.
  private volatile String[] names = new String[0];
  // The channel of a recently seen key, in the slot its hash picks; a key that hashes to a taken
  // slot replaces the one there. The keys of groups joined are interned, one string per group, so
  // a send to a group seen before finds its channel from the key's header (which the in-memory
  // layer's own lookup reads anyway), one slot and its pair: the scan reads the key's characters
  // and every hosted name's, lines nothing else on a send touches and which the frames between
  // two sends push out of the caches. A send to groups by name builds its keys afresh: an equal
  // key is found too, and left in its slot, so that such sends neither store a pair each nor push
  // out the interned key. Each slot holds an immutable pair, so a racing read sees a whole one.
  // A node sending to more groups at once than there are slots mostly misses: it pays the scan,
  // as before, and a small pair stored per send, so slots follow the groups in use.
  private final Known[] recent = new Known[RECENT];

  /**
   * Adds a hosted channel.
   *
   * @param name the channel's name
   */
  public synchronized void add(String name) {
    if (!contains(name)) {
      String[] more = Arrays.copyOf(names, names.length + 1);
      // Interned, so that a TagTable keyed by the names it answers finds them by reference.
      more[names.length] = name.intern();
      names = more;
    }
  }

  /**
   * {@return whether the channel is hosted}
   *
   * @param name the channel's name
   */
  public boolean contains(String name) {
    for (String hosted : names) {
      if (hosted.equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@return the hosted channel a group key belongs to, or {@code none} when it names no hosted
   * channel (a malformed key from another node, say), never the group}
   *
   * @param group the group key, {@code <channel>/<group>}
   * @param none what to answer when no hosted channel matches
   */
  public String of(String group, String none) {
    int hash = group.hashCode();
    int slot = (hash ^ hash >>> 16) & (RECENT - 1);
    Known known = recent[slot];
    // String.equals answers the same string at once, by reference, before it reads characters.
    if (known != null && known.key.equals(group)) {
      return known.channel;
    }
    String channel = scan(group);
    if (channel == null) {
      // Not kept: such keys are rare, and none may differ from one caller to the next.
      return none;
    }
    // A hit stays true: the channel is the one its key's prefix names exactly, whatever is added later.
    recent[slot] = new Known(group, channel);
    return channel;
  }

  private String scan(String group) {
    int slash = group.indexOf('/');
    int length = slash < 0 ? group.length() : slash;
    for (String hosted : names) {
      if (hosted.length() == length && group.startsWith(hosted)) {
        return hosted;
      }
    }
    return null;
  }

  /** A group key and its channel. */
  private record Known(String key, String channel) {}
}
