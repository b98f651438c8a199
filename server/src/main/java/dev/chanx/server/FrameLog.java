package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.helpers.NOPMDCAdapter;

/**
 * What the logs say about frames: while a client frame is handled, the MDC holds its connection
 * id, its own short id and (once decoded) its action, so the handler's log lines carry them too;
 * frame texts are logged only when the server says so, on their own logger.
 */
final class FrameLog {

  /** MDC key of the connection id, such as {@code k3x9qa.1f}. */
  static final String CONNECTION = "chanx.connection";
  /** MDC key of the frame id: the connection id, a slash and the frame's number on it, such as {@code k3x9qa.1f/3}. */
  static final String FRAME = "chanx.frame";
  /** MDC key of the frame's action, once known. */
  static final String ACTION = "chanx.action";
  /** Where frame texts go when {@code logFrameContents(true)}; never otherwise. */
  static final Logger CONTENTS = LoggerFactory.getLogger("dev.chanx.server.frames");
  /** Whether the logging backend keeps an MDC at all (slf4j-simple does not): if not, nothing is put there. */
  static final boolean MDC_KEPT = !(MDC.getMDCAdapter() instanceof NOPMDCAdapter);

  private FrameLog() {}

  /** Marks the start of a client frame on this thread. */
  static void enter(String connectionId, String frameId) {
    MDC.put(CONNECTION, connectionId);
    MDC.put(FRAME, frameId);
  }

  /** Adds the frame's action once decoded. */
  static void action(String action) {
    if (action != null) {
      MDC.put(ACTION, action);
    }
  }

  /** Marks the end of a client frame on this thread. */
  static void exit() {
    MDC.remove(ACTION);
    MDC.remove(FRAME);
    MDC.remove(CONNECTION);
  }

  /** Logs a client frame's text. */
  static void received(String frameId, String text) {
    CONTENTS.info("<- {} {}", frameId, text);
  }

  /** Logs the text of a frame on its way to a connection. */
  static void sent(String connectionId, TextFrame frame) {
    CONTENTS.info("-> {} {}", connectionId, frame.text());
  }

  /** Logs a binary frame sent, by its size: its bytes are no text. */
  static void sentBinary(String connectionId, int length) {
    CONTENTS.info("-> {} binary frame of {} bytes", connectionId, length);
  }
}
