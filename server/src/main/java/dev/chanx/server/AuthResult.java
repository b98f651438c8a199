package dev.chanx.server;

import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpStatus;

/** What an {@link Authenticator} decided: a principal (possibly none), or a refusal with a status and a detail. */
public final class AuthResult {

  static final AuthResult ANONYMOUS = new AuthResult(null, 200, "OK");

  private final Object principal;
  private final int status;
  private final String detail;

  private AuthResult(Object principal, int status, String detail) {
    this.principal = principal;
    this.status = status;
    this.detail = detail;
  }

  /**
   * Lets the client in; handlers see the principal through {@code connection.principal()}.
   *
   * @param principal who the client is, or null for no principal
   * @return a result that lets the client in
   */
  public static AuthResult ok(Object principal) {
    return principal == null ? ANONYMOUS : new AuthResult(principal, 200, "OK");
  }

  /**
   * Refuses with 401: the client did not say who it is, or not convincingly.
   *
   * @param detail what the client is told about the refusal
   * @return a 401 refusal
   */
  public static AuthResult unauthorized(String detail) {
    return refuse(401, detail);
  }

  /**
   * Refuses with 403: the client is known but may not connect here.
   *
   * @param detail what the client is told about the refusal
   * @return a 403 refusal
   */
  public static AuthResult forbidden(String detail) {
    return refuse(403, detail);
  }

  /**
   * Refuses with a 4xx or 5xx status and a detail the client is told.
   *
   * @param status the 4xx or 5xx HTTP status
   * @param detail what the client is told about the refusal
   * @return a refusal with this status
   */
  public static AuthResult refuse(int status, String detail) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("a refusal needs a 4xx or 5xx status: " + status);
    }
    return new AuthResult(null, status, Objects.requireNonNull(detail, "detail"));
  }

  /**
   * {@return whether the client is let in}
   */
  public boolean isOk() {
    return status == 200;
  }

  /**
   * {@return the principal of a client let in, if the authenticator named one}
   */
  public Optional<Object> principal() {
    return Optional.ofNullable(principal);
  }

  /**
   * {@return 200 when let in, else the refusal's HTTP status}
   */
  public int status() {
    return status;
  }

  /**
   * {@return the status's reason phrase, such as {@code Unauthorized}}
   */
  public String statusText() {
    return HttpStatus.getMessage(status);
  }

  /**
   * {@code OK} when let in, else what the client is told about the refusal.
   *
   * @return {@code OK} when let in, else the refusal's detail
   */
  public String detail() {
    return detail;
  }

  @Override
  public String toString() {
    return isOk() ? "AuthResult[ok " + principal + "]" : "AuthResult[" + status + " " + detail + "]";
  }
}
