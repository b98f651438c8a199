package dev.chanx.gen.read;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names the channels of a 2.x document, whose keys are addresses, so that packages and classes
 * get sensible names. A channel's name is its {@code x-channelId} when it has one (the extension
 * the official converter to 3.0 takes the channel's key from), else the words of its address
 * joined by {@code _}: the runs of ASCII letters and digits, parameter names included, so {@code
 * /ws/chat/{room}} is {@code ws_chat_room}; an address without any ({@code /}) is {@code root}.
 * Names that clash once lower-cased with other characters as {@code _} (as package names are)
 * get {@code _2}, {@code _3}... in document order, after every {@code x-channelId} is given out.
 */
final class ChannelNames {

  /** The extension that names a 2.x channel. */
  static final String EXTENSION = "x-channelId";

  private ChannelNames() {}

  /**
   * The names of channels, in the order given.
   *
   * @param addresses the channels' keys
   * @param explicit each channel's {@code x-channelId}, or null when it has none
   */
  static List<String> assign(List<String> addresses, List<String> explicit) {
    Set<String> taken = new HashSet<>();
    List<String> names = new ArrayList<>();
    for (String id : explicit) {
      names.add(id == null ? null : claim(id, taken));
    }
    for (int i = 0; i < addresses.size(); i++) {
      if (names.get(i) == null) {
        names.set(i, claim(fromAddress(addresses.get(i)), taken));
      }
    }
    return names;
  }

  /** {@code /ws/chat/{room}} → {@code ws_chat_room}; {@code /} → {@code root}. */
  static String fromAddress(String address) {
    String ascii = Normalizer.normalize(address, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    List<String> words = new ArrayList<>();
    for (String word : ascii.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words.isEmpty() ? "root" : String.join("_", words);
  }

  /** The form in which two names clash: as a package segment. */
  static String normal(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
  }

  /** {@code candidate}, or it with the first free suffix {@code _2}, {@code _3}...; marks it taken. */
  static String claim(String candidate, Set<String> taken) {
    String name = candidate;
    for (int n = 2; !taken.add(normal(name)); n++) {
      name = candidate + "_" + n;
    }
    return name;
  }
}
