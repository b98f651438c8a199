package dev.chanx.bench.recovery;

import dev.chanx.example.ChatRoom;
import dev.chanx.example.chat.ChatRoute;
import dev.chanx.server.ChanxServer;
import java.time.Duration;

/**
 * The tutorial's chat channel (its generated route, the example's {@code ChatRoom}, handlers on
 * the I/O thread as the example's server runs them) with its group sends recoverable, two
 * minutes and 1,000 frames per room: the fan-out load's {@code chanx-recover} server; with
 * {@code --recovery off}, its plain twin {@code chanx-chat}, the same main from the same jar, so
 * that the two differ in recovery alone.
 *
 * <p>Run: {@code java -cp chanx-bench.jar dev.chanx.bench.recovery.RecoverableChatServer --port 8000
 * [--recovery on|off]}.
 */
public final class RecoverableChatServer {

  /** How long and how much each room keeps, as the recovery docs' example. */
  static final Duration WINDOW = Duration.ofMinutes(2);
  static final int SIZE = 1000;

  private RecoverableChatServer() {}

  public static void main(String[] args) {
    int port = -1;
    boolean recoverable = true;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--recovery" -> recoverable = !args[i + 1].equals("off");
        default -> port = -1;
      }
    }
    if (port < 0 || args.length % 2 != 0) {
      System.err.println("usage: --port N [--recovery on|off]");
      System.exit(2);
      return;
    }
    int listen = port;
    boolean recovery = recoverable;
    ChanxServer server = ChanxServer.create(config -> {
      config.port(listen);
      config.nonBlockingHandlers(true);
      config.channel(ChatRoute.create(), new ChatRoom(), chat -> {
        if (recovery) {
          chat.recovery(WINDOW, SIZE);
        }
      });
    }).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "recoverable-chat-stop"));
  }
}
