package dev.chanx.client;

import java.net.http.WebSocketHandshakeException;

/**
 * Reads a failed attempt to connect as the close code it amounts to, so that one policy decides
 * about both: an upgrade refused with 4xx as 4000 plus the status (401 as 4401, as graphql-ws and
 * others do), 429 and 503 as try again later (1013), another 5xx as 1011, anything else (no
 * server, a reset, a timeout) as 1006.
 */
final class Refusal {

  private Refusal() {}

  /** {@return the close code a failed attempt amounts to} */
  static int closeCode(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof WebSocketHandshakeException refused && refused.getResponse() != null) {
        int status = refused.getResponse().statusCode();
        if (status == 429 || status == 503) {
          return 1013;
        }
        if (status >= 400 && status < 500) {
          return 4000 + status;
        }
        return status >= 500 && status < 600 ? 1011 : 1006;
      }
    }
    return 1006;
  }
}
