package dev.chanx.example;

import dev.chanx.example.system.SystemPublisher;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.layer.ChannelLayer;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * The tutorial's server as the end-to-end tests drive it, whichever runtime hosts it: our Jetty
 * ({@link ChatServer}) here, or another one that a module running these same tests provides
 * through {@link Factory} (examples/spring-boot-chat runs them against Spring Boot's Tomcat).
 */
interface TutorialServer {

  /** {@return the port it listens on} */
  int port();

  /** {@return the channel layer its channels share} */
  ChannelLayer layer();

  /** {@return a publisher to its system channel} */
  SystemPublisher systemPublisher();

  /** Stops it, closing every socket. */
  void stop();

  /** Starts tutorial servers; found with {@link ServiceLoader}, or the Jetty one when there is none. */
  interface Factory {

    /** {@return the tutorial's server, started on {@code port} (0 for any)} */
    TutorialServer start(int port);
  }

  /** {@return the tutorial's server, started on {@code port} (0 for any) by the factory on the class path} */
  static TutorialServer start(int port) {
    Iterator<Factory> factories = ServiceLoader.load(Factory.class).iterator();
    if (factories.hasNext()) {
      return factories.next().start(port);
    }
    ChanxServer server = ChatServer.create(port).start();
    return new TutorialServer() {
      @Override
      public int port() {
        return server.port();
      }

      @Override
      public ChannelLayer layer() {
        return server.layer();
      }

      @Override
      public SystemPublisher systemPublisher() {
        return SystemPublisher.of(server);
      }

      @Override
      public void stop() {
        server.stop();
      }
    };
  }
}
