package dev.chanx.server;

import dev.chanx.core.codec.FrameWriter;
import dev.chanx.core.codec.TextFrame;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * How a client learns the outcome of authentication: Chanx's {@code authentication} frame on an
 * accepted socket, or an HTTP refusal of the upgrade with the same {@code {"detail": ...}}.
 */
final class AuthFrames {

  private static final TextFrame OK = frame(AuthResult.ANONYMOUS, false);
  private static final TextFrame OK_CAMEL = frame(AuthResult.ANONYMOUS, true);

  private AuthFrames() {}

  /** {@code {"action":"authentication","payload":{"status_code":..,"status_text":..,"data":{"detail":..}}}}. */
  static TextFrame of(AuthResult result, boolean camelCase) {
    if (result.isOk()) {
      return camelCase ? OK_CAMEL : OK;
    }
    return frame(result, camelCase);
  }

  /** Answers the upgrade request with the refusal's status and a JSON body {@code {"detail": ...}}. */
  static void refuse(Response response, Callback callback, AuthResult refusal) {
    response.setStatus(refusal.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, FrameWriter.write(out -> out.writeStringField("detail", refusal.detail()), null).buffer(),
        callback);
  }

  private static TextFrame frame(AuthResult result, boolean camelCase) {
    return FrameWriter.write(out -> {
      out.writeStringField("action", "authentication");
      out.writeObjectFieldStart("payload");
      out.writeNumberField("status_code", result.status());
      out.writeStringField("status_text", result.statusText());
      out.writeObjectFieldStart("data");
      out.writeStringField("detail", result.detail());
      out.writeEndObject();
      out.writeEndObject();
    }, null, CamelCaseGenerator.when(camelCase));
  }
}
