package dev.chanx.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a channel's authenticator, then its authorizer, for one upgrade; never throws. */
final class Admission {

  private static final Logger LOG = LoggerFactory.getLogger(Admission.class);
  static final String FORBIDDEN = "You do not have permission to perform this action.";

  private Admission() {}

  /** Whether the client may connect, and as whom. */
  static <P> AuthResult decide(Authenticator authenticator, Authorizer<? super P> authorizer,
      UpgradeRequest request, P path) {
    AuthResult result = AuthResult.ANONYMOUS;
    try {
      if (authenticator != null) {
        result = authenticator.authenticate(request);
        if (result == null) {
          throw new IllegalStateException("the authenticator returned null");
        }
      }
      if (result.isOk() && authorizer != null && !authorizer.allows(result.principal().orElse(null), path)) {
        result = AuthResult.forbidden(FORBIDDEN);
      }
    } catch (Exception e) {
      LOG.error("Authentication failed with an exception at {}", request.path(), e);
      return AuthResult.refuse(500, "Failed to authenticate");
    }
    if (!result.isOk()) {
      LOG.debug("Refused {} at {}: {} {}", request.channel(), request.path(), result.status(), result.detail());
    }
    return result;
  }
}
