package dev.chanx.server;

/**
 * Decides who is connecting, from the upgrade request (headers, cookies, query and path
 * parameters), before anything reaches a handler:
 *
 * <pre>{@code
 * server.authenticate(request -> request.queryParameter("token")
 *     .flatMap(tokens::user)
 *     .map(AuthResult::ok)
 *     .orElse(AuthResult.unauthorized("Invalid token")));
 * }</pre>
 *
 * <p>Called once per upgrade on a server thread, which it may block briefly (a database
 * look-up); an exception refuses the socket with status 500.
 */
@FunctionalInterface
public interface Authenticator {

  /**
   * The principal of the connecting client, or why it is refused.
   *
   * @param request the upgrade request: path, query, headers and cookies
   * @return the principal to let in, or the refusal
   * @throws Exception on failure, which refuses the socket with status 500
   */
  AuthResult authenticate(UpgradeRequest request) throws Exception;

  /**
   * {@return an authenticator that lets everyone in without a principal, for a public channel on a
   * server that authenticates}
   */
  static Authenticator anyone() {
    return request -> AuthResult.ok(null);
  }
}
