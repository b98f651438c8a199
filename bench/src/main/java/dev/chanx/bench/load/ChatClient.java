package dev.chanx.bench.load;

import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One load client: sends 100-byte chat messages stamped with {@link System#nanoTime()}, one at
 * a time (a turn is skipped while the previous message is still being written), and times every
 * message it receives against its stamp. Jetty needs a public class.
 */
public final class ChatClient implements Session.Listener.AutoDemanding {

  static final int MESSAGE_BYTES = 100;
  private static final String MARK = "\"message\":\"";

  // The window being measured: a client kept open across windows is given each one in turn.
  private volatile Window window;
  private final int recipients;
  private final String prefix;
  private final String suffix;
  private final AtomicBoolean writing = new AtomicBoolean();
  private final Callback written = Callback.from(() -> writing.set(false), failure -> writing.set(false));
  private volatile Session session;

  ChatClient(Window window, String name, int recipients) {
    this.window = window;
    this.recipients = recipients;
    this.prefix = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"";
    // 19 digits of stamp, a space, padding: the whole frame is MESSAGE_BYTES long.
    String end = "\",\"name\":\"" + name + "\"}}";
    int padding = MESSAGE_BYTES - prefix.length() - 19 - 1 - end.length();
    this.suffix = " " + "x".repeat(Math.max(0, padding)) + end;
  }

  @Override
  public void onWebSocketOpen(Session opened) {
    session = opened;
  }

  @Override
  public void onWebSocketText(String text) {
    long now = System.nanoTime();
    Window window = this.window;
    int start = text.indexOf(MARK);
    if (start < 0) {
      window.other.increment();
      return;
    }
    start += MARK.length();
    int end = text.indexOf(' ', start);
    if (end < 0) {
      window.other.increment();
      return;
    }
    window.received(Long.parseLong(text, start, end, 10), now);
  }

  /** Sends one message, unless the previous one is still being written. */
  void sendOne() {
    Window window = this.window;
    Session open = session;
    long now = System.nanoTime();
    if (open == null || !writing.compareAndSet(false, true)) {
      window.skipped(now);
      return;
    }
    window.sent(now, recipients);
    String stamp = Long.toString(now);
    open.sendText(prefix + "0".repeat(Math.max(0, 19 - stamp.length())) + stamp + suffix, written);
  }

  /** Counts what this client sends and receives in another window from now on. */
  void window(Window next) {
    window = next;
  }

  Session session() {
    return session;
  }
}
