package dev.chanx.server.testing;

import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.chat.ChatRoute;

/** A chat server in its own JVM that stops on SIGTERM: prints {@code port=<n>} once it listens. */
public final class SignalServerMain {

  private SignalServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    ChanxServer server = ChanxServer.create(config -> config.host("127.0.0.1").port(0).stopOnSignal()
        .channel(ChatRoute.create(), new ChatRoom())).start();
    System.out.println("port=" + server.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
