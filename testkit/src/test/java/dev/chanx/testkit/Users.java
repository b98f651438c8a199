package dev.chanx.testkit;

import dev.chanx.server.AuthResult;
import dev.chanx.server.UpgradeRequest;
import dev.chanx.server.testing.chat.ChatPath;
import java.util.Optional;
import java.util.Set;

/** A test authenticator: tokens in the query, a cookie or a bearer header; users allowed into some rooms. */
final class Users {

  /** Who a token stands for. */
  record User(String name, Set<String> rooms) {}

  static final User ALICE = new User("alice", Set.of("room1", "vault"));
  static final User BOB = new User("bob", Set.of("room2"));

  private Users() {}

  static AuthResult authenticate(UpgradeRequest request) {
    Optional<String> token = request.queryParameter("token")
        .or(() -> request.cookie("session"))
        .or(() -> request.header("Authorization").map(value -> value.replaceFirst("^Bearer ", "")));
    if (token.isEmpty()) {
      return AuthResult.unauthorized("Authentication credentials were not provided.");
    }
    if (request.pathParameter("group_name").orElse("").equals("vault") && !token.get().equals("alice")) {
      return AuthResult.forbidden("Only alice opens the vault.");
    }
    return switch (token.get()) {
      case "alice" -> AuthResult.ok(ALICE);
      case "bob" -> AuthResult.ok(BOB);
      case "boom" -> throw new IllegalStateException("the user store is down");
      default -> AuthResult.forbidden("Invalid token.");
    };
  }

  /** May this user join the room the address names? */
  static boolean mayJoin(Object principal, ChatPath path) {
    return principal instanceof User user && user.rooms().contains(path.groupName());
  }
}
