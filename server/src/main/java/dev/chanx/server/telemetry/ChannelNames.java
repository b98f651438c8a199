package dev.chanx.server.telemetry;

import java.util.Arrays;

/**
 * The names of the hosted channels, to tell which one a group key ({@code <channel>/<group>})
 * belongs to on every group send without making a string: keys are one per room, so neither the
 * key's prefix nor an answer per key may be kept. Channels are few, so a scan is cheapest.
 */
public final class ChannelNames {

  // Written when a channel is told, before the server starts; read on every group send.
  private volatile String[] names = new String[0];

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
    int slash = group.indexOf('/');
    int length = slash < 0 ? group.length() : slash;
    for (String hosted : names) {
      if (hosted.length() == length && group.startsWith(hosted)) {
        return hosted;
      }
    }
    return none;
  }
}
