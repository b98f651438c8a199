package dev.chanx.server.docs;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The runtime frames one hosted channel may send, to document beside its own messages.
 *
 * @param name the channel's key in the document, such as {@code chat}
 * @param address its address, such as {@code ws/chat/{group_name}/} (AsyncAPI 2 keys channels by it)
 * @param frames what the runtime may send on it
 */
public record ChannelFrames(String name, String address, Set<RuntimeFrame> frames) {

  /**
   * Keeps the frames in declaration order, unmodifiable.
   *
   * @param name the channel's key in the document
   * @param address the channel's address template
   * @param frames the runtime frames the channel may send
   */
  public ChannelFrames {
    // In declaration order, so the document comes out the same every time.
    EnumSet<RuntimeFrame> ordered = EnumSet.noneOf(RuntimeFrame.class);
    ordered.addAll(frames);
    frames = Collections.unmodifiableSet(ordered);
  }
}
