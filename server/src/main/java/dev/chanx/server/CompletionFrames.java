package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;

/** The completion frames, written once: each has only {@code action} and a null {@code payload}. */
final class CompletionFrames {

  /** After every client frame has been handled, answered or not. */
  static final TextFrame COMPLETE = TextFrame.of("{\"action\":\"complete\",\"payload\":null}");
  /** After every broadcast frame delivered to a client. */
  static final TextFrame GROUP_COMPLETE = TextFrame.of("{\"action\":\"group_complete\",\"payload\":null}");
  /** After every server-pushed event delivered to a client. */
  static final TextFrame EVENT_COMPLETE = TextFrame.of("{\"action\":\"event_complete\",\"payload\":null}");

  private CompletionFrames() {}
}
