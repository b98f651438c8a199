package dev.chanx.server.telemetry;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * Values by a few names the document bounds, such as a channel's message tags or the hosted
 * channels, made on first use and read on every frame or group send.
 *
 * <p>A read scans one array comparing references, so it touches that array and the value, where
 * a hash map also reads its table and a node: on a server whose caches the load has flushed
 * between frames, each is a miss. Names are interned when added, and the names the server passes
 * are the generated code's constants or the hosted channels' own (see {@link ChannelNames}), so
 * they match by reference; an equal name that is another object is found on a second scan.
 *
 * @param <V> the values
 */
public final class TagTable<V> {

  private final Function<String, ? extends V> make;
  // name, value, name, value...: copied when a name is added, read without a lock.
  private volatile Object[] entries = new Object[0];

  /**
   * Makes an empty table.
   *
   * @param make what to make for a name when it is first asked for; called once per name
   */
  public TagTable(Function<String, ? extends V> make) {
    this.make = Objects.requireNonNull(make, "make");
  }

  /**
   * {@return the value of a name, made now if it is the first time it is asked for}
   *
   * @param name the name; the set of names asked for must be bounded, as a document's tags are
   */
  @SuppressWarnings("unchecked")
  public V get(String name) {
    Object[] table = entries;
    for (int i = 0; i < table.length; i += 2) {
      if (table[i] == name) {
        return (V) table[i + 1];
      }
    }
    V equal = find(table, name);
    return equal != null ? equal : add(name);
  }

  @SuppressWarnings("unchecked")
  private static <V> V find(Object[] table, String name) {
    for (int i = 0; i < table.length; i += 2) {
      if (table[i].equals(name)) {
        return (V) table[i + 1];
      }
    }
    return null;
  }

  private synchronized V add(String name) {
    Object[] table = entries;
    V added = find(table, name);
    if (added != null) {
      return added;
    }
    V value = Objects.requireNonNull(make.apply(name), "made value");
    Object[] more = Arrays.copyOf(table, table.length + 2);
    more[table.length] = name.intern();
    more[table.length + 1] = value;
    entries = more;
    return value;
  }
}
