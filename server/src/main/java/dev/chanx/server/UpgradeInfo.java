package dev.chanx.server;

import dev.chanx.core.codec.UpgradeHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * What a connection keeps of its upgrade request, copied once since Jetty recycles requests.
 *
 * @param path the decoded request path
 * @param query every query parameter with all its values
 * @param headers the request headers, looked up case-insensitively
 */
record UpgradeInfo(String path, Map<String, List<String>> query, HttpFields headers) {

  /**
   * {@return whether the client asked the server to send nothing until its first frame} (see
   * {@link UpgradeHeaders#CLIENT_SPEAKS_FIRST} and {@link EarlyOpen})
   */
  boolean clientSpeaksFirst() {
    String value = headers.get(UpgradeHeaders.CLIENT_SPEAKS_FIRST);
    return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
  }

  /** Copies what a connection needs from an upgrade request. */
  static UpgradeInfo of(Request request) {
    Fields fields = Request.extractQueryParameters(request);
    Map<String, List<String>> query;
    if (fields.isEmpty()) {
      query = Map.of();
    } else {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      for (Fields.Field field : fields) {
        copy.put(field.getName(), List.copyOf(field.getValues()));
      }
      query = java.util.Collections.unmodifiableMap(copy);
    }
    return new UpgradeInfo(request.getHttpURI().getDecodedPath(), query, request.getHeaders().asImmutable());
  }

  /** Copies what a connection needs from a request that another container hands over. */
  static UpgradeInfo of(HostRequest request) {
    HttpFields.Mutable headers = HttpFields.build();
    request.headers().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
    Map<String, List<String>> query = new LinkedHashMap<>();
    request.query().forEach((name, values) -> query.put(name, List.copyOf(values)));
    return new UpgradeInfo(request.decodedPath(), java.util.Collections.unmodifiableMap(query), headers.asImmutable());
  }
}
