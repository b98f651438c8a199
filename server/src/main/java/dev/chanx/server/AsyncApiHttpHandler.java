package dev.chanx.server;

import dev.chanx.server.docs.AsyncApiDocument;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** Serves the document at {@code /asyncapi/schema/} (JSON, or YAML) and its page at {@code /asyncapi/docs/}. */
final class AsyncApiHttpHandler extends Handler.Abstract.NonBlocking {

  private final AsyncApiDocument document;

  AsyncApiHttpHandler(AsyncApiDocument document) {
    this.document = document;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (path.equals("/asyncapi/schema/") || path.equals("/asyncapi/schema")) {
      Fields query = Request.extractQueryParameters(request);
      boolean yaml = "yaml".equalsIgnoreCase(query.getValue("format"));
      return serve(request, response, callback, yaml ? document.yaml() : document.json(),
          yaml ? "application/yaml;charset=utf-8" : "application/json");
    }
    if (path.equals("/asyncapi/docs/")) {
      return serve(request, response, callback, document.html(), "text/html;charset=utf-8");
    }
    if (path.equals("/asyncapi/docs") || path.equals("/asyncapi") || path.equals("/asyncapi/")) {
      Response.sendRedirect(request, response, callback, "/asyncapi/docs/");
      return true;
    }
    return false;
  }

  private static boolean serve(Request request, Response response, Callback callback, byte[] body, String type) {
    if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
      Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
      return true;
    }
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    boolean head = HttpMethod.HEAD.is(request.getMethod());
    response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body).asReadOnlyBuffer(), callback);
    return true;
  }
}
