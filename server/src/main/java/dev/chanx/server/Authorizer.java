package dev.chanx.server;

/**
 * Decides whether an authenticated client may join one channel at one address, such as
 * "may this user join {@code room1}?": {@code (principal, path) -> ((User) principal).rooms().contains(path.groupName())}.
 * A refusal is a 403.
 *
 * @param <P> the channel's typed path parameters
 */
@FunctionalInterface
public interface Authorizer<P> {

  /**
   * {@return whether the client may connect}
   *
   * @param principal what the authenticator returned, or null when there is none
   * @param path the typed path parameters of the address the client asked for
   * @throws Exception on failure, which refuses the socket with status 500
   */
  boolean allows(Object principal, P path) throws Exception;
}
