package dev.chanx.example;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chanx.redis.RedisChannelLayer;
import dev.chanx.redis.RedisForTests;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.DroppingProxy;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;

/**
 * Two example servers on the tests' Redis, one near it and one far: what the far node sends
 * waits in a proxy before it reaches Redis, so its SUBSCRIBE lands well after a PUBLISH the near
 * node sends at the same time.
 *
 * @param proxy the proxy the far node reaches Redis through
 * @param near the node near Redis
 * @param far the node whose commands reach Redis late
 */
record NearAndFarNodes(DroppingProxy proxy, ChanxServer near, ChanxServer far) implements AutoCloseable {

  /** Starts both; every read from the far node waits {@code delay} on its way to Redis. */
  static NearAndFarNodes start(Duration delay) throws Exception {
    URI direct = URI.create(RedisForTests.uri());
    assumeTrue(InetAddress.getByName(direct.getHost()).isLoopbackAddress(), "the proxy reaches only a Redis on loopback");
    DroppingProxy proxy = DroppingProxy.to(direct.getPort());
    proxy.delay(delay);
    String throughProxy = new URI(direct.getScheme(), direct.getUserInfo(), "127.0.0.1", proxy.port(),
        direct.getPath(), direct.getQuery(), null).toString();
    ChanxServer near = ChatServer.create(config -> config.port(0).layer(RedisChannelLayer.create(direct.toString())))
        .start();
    ChanxServer far = ChatServer.create(config -> config.port(0).layer(RedisChannelLayer.create(throughProxy)))
        .start();
    return new NearAndFarNodes(proxy, near, far);
  }

  @Override
  public void close() throws Exception {
    near.stop();
    far.stop();
    proxy.close();
  }
}
