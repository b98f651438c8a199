package dev.chanx.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ClientConfig} held when its lambda returned; fixed for the client's life.
 *
 * @param query the query parameters added to the address, in the order given
 * @param headers the headers of the upgrade request, in the order given
 * @param reconnect when to connect again after the connection is lost
 * @param connectTimeout how long opening one connection may take
 * @param requestTimeout how long a request waits for its reply
 * @param serverTimeout how long the server may send nothing before the connection is taken for dead; zero for never
 * @param httpClient the HTTP client that opens connections, or null for one shared by all clients
 */
record ClientSettings(Map<String, List<String>> query, Map<String, List<String>> headers, Reconnect reconnect,
    Duration connectTimeout, Duration requestTimeout, Duration serverTimeout, HttpClient httpClient) {

  static Map<String, List<String>> copy(Map<String, List<String>> values) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    values.forEach((name, list) -> out.put(name, List.copyOf(list)));
    return Collections.unmodifiableMap(out);
  }
}
