package dev.chanx.bench.recovery;

import dev.chanx.example.ChatRoom;
import dev.chanx.example.chat.ChatRoute;
import dev.chanx.server.ChanxServer;
import java.time.Duration;

/**
 * The tutorial's chat channel (its generated route, the example's {@code ChatRoom}, handlers on
 * the I/O thread as the example's server runs them) with its group sends recoverable, two
 * minutes and 1,000 frames per room: the fan-out load's {@code chanx-recover} server, against
 * which {@code chanx} (the example's server as it ships) is the plain twin.
 *
 * <p>Run: {@code java -cp chanx-bench.jar dev.chanx.bench.recovery.RecoverableChatServer --port 8000}.
 */
public final class RecoverableChatServer {

  /** How long and how much each room keeps, as the recovery docs' example. */
  static final Duration WINDOW = Duration.ofMinutes(2);
  static final int SIZE = 1000;

  private RecoverableChatServer() {}

  public static void main(String[] args) {
    if (args.length != 2 || !args[0].equals("--port")) {
      System.err.println("usage: --port N");
      System.exit(2);
      return;
    }
    int port = Integer.parseInt(args[1]);
    ChanxServer server = ChanxServer.create(config -> {
      config.port(port);
      config.nonBlockingHandlers(true);
      config.channel(ChatRoute.create(), new ChatRoom(), chat -> chat.recovery(WINDOW, SIZE));
    }).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "recoverable-chat-stop"));
  }
}
