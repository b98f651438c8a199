package dev.chanx.runtime.server;

import org.eclipse.jetty.websocket.api.Session;

/** What happens to one socket, as the Jetty endpoint reports it. */
interface SocketEvents {

  void opened(Session session);

  void text(String text);

  void binary();

  void closed(int code, String reason);
}
