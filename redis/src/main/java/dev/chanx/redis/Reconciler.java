package dev.chanx.redis;

/**
 * Brings the subscriptions in line with the local groups: subscribes what a local member needs
 * and Redis has not confirmed, and drops what no local member needs any more.
 *
 * <p>Lettuce subscribes again by itself after a reconnect; this pass also repairs what that
 * cannot know about, such as a SUBSCRIBE or UNSUBSCRIBE refused while Redis was down.
 */
final class Reconciler implements Runnable {

  private final RedisNames names;
  private final LocalGroups groups;
  private final Subscriptions subscriptions;
  private final String nodeChannel;

  Reconciler(RedisNames names, LocalGroups groups, Subscriptions subscriptions, String nodeChannel) {
    this.names = names;
    this.groups = groups;
    this.subscriptions = subscriptions;
    this.nodeChannel = nodeChannel;
  }

  @Override
  public void run() {
    if (!subscriptions.isOpen()) {
      return;
    }
    if (!subscriptions.isConfirmed(nodeChannel)) {
      subscriptions.subscribe(nodeChannel);
    }
    groups.forEachGroup(group -> {
      String channel = names.group(group);
      if (!subscriptions.isConfirmed(channel)) {
        subscriptions.subscribe(channel);
      }
    });
    for (String channel : subscriptions.confirmed()) {
      String group = names.groupKey(channel);
      if (group != null) {
        groups.ifEmpty(group, () -> subscriptions.unsubscribe(channel));
      }
    }
  }
}
