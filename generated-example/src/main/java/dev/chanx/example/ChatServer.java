package dev.chanx.example;

import dev.chanx.example.chat.ChatRoute;
import dev.chanx.runtime.server.ChanxServer;

/** Starts the tutorial chat: {@code java -jar chat-server.jar [--port N]}. */
public final class ChatServer {

  private ChatServer() {}

  /** The chat server, configured but not started: tests start it on port 0. */
  public static ChanxServer create(int port) {
    return ChanxServer.create()
        .port(port)
        .channel(ChatRoute.create(), new ChatRoom())
        .staticResources("/chat/", "public/chat")
        .asyncApi("chat.asyncapi.yaml");
  }

  public static void main(String[] args) throws Exception {
    ChatServerOptions options;
    try {
      options = ChatServerOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("chat-server: " + e.getMessage() + ". Try --help.");
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.println(ChatServerOptions.USAGE);
      return;
    }
    ChanxServer server = create(options.port).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "chat-server-stop"));
    System.out.println("Chat: http://localhost:" + server.port() + "/chat/  "
        + "API docs: http://localhost:" + server.port() + "/asyncapi/docs/");
    // Jetty's threads keep the JVM alive until the shutdown hook stops the server.
  }
}
