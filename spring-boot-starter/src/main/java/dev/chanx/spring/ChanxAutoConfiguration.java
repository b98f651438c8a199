package dev.chanx.spring;

import dev.chanx.server.ChannelHost;
import dev.chanx.server.ServerConfig;
import dev.chanx.server.channel.ChannelHandler;
import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.server.docs.AsyncApiDocument;
import dev.chanx.server.layer.ChannelLayer;
import dev.chanx.server.presence.PresenceStore;
import dev.chanx.server.telemetry.Telemetry;
import jakarta.servlet.DispatcherType;
import jakarta.websocket.server.ServerContainer;
import java.util.List;
import java.util.Map;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Serves every bean that implements a generated handler interface at its channel's address, on
 * the application's own servlet container and port, through one {@link ChannelHost}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ServerContainer.class)
@EnableConfigurationProperties(ChanxProperties.class)
public class ChanxAutoConfiguration {

  /** Runs after Spring Security's filters (order -100), so refusals by security come first. */
  public static final int FILTER_ORDER = 0;

  /**
   * The host of the channels, started: every handler bean, the {@code chanx.*} properties, then
   * the {@link ChanxConfigurer} beans.
   *
   * @param context where the handler beans are
   * @param properties the {@code chanx.*} properties
   * @param layers a channel layer bean, if the application defines one
   * @param presences a presence store bean, if the application defines one
   * @param configurers further configuration, in order
   * @param telemetries telemetry beans ({@code ChanxMetrics}, {@code ChanxTracing}), told about the host's work
   * @return the started host
   */
  @Bean
  @ConditionalOnMissingBean
  public ChannelHost chanxChannelHost(ApplicationContext context, ChanxProperties properties,
      ObjectProvider<ChannelLayer> layers, ObjectProvider<PresenceStore> presences,
      ObjectProvider<ChanxConfigurer> configurers,
      ObjectProvider<Telemetry> telemetries) {
    Map<String, ChannelHandler> handlers = context.getBeansOfType(ChannelHandler.class);
    return ChannelHost.create(config -> {
      handlers.forEach((name, handler) -> register(config, name, handler));
      apply(properties, config);
      String redis = properties.getRedis().getUrl();
      boolean onRedis = redis != null && !redis.isBlank();
      ChannelLayer layer = layers.getIfAvailable();
      if (layer != null) {
        config.layer(layer);
      } else if (onRedis) {
        config.layer(RedisLayer.create(redis, properties.getRedis().getNamespace()));
      }
      // Presence follows the layer onto Redis: members counted on one node only would differ between applications.
      PresenceStore presence = presences.getIfAvailable();
      if (presence != null) {
        config.presence(presence);
      } else if (onRedis) {
        config.presence(RedisLayer.presence(redis, properties.getRedis().getNamespace()));
      }
      telemetries.orderedStream().forEach(config::telemetry);
      configurers.orderedStream().forEach(configurer -> configurer.configure(config));
    }).start();
  }

  /**
   * Stops the host first when the application stops, before the container closes its sockets,
   * so handlers in flight finish and clients get 1001.
   *
   * @param host the host
   * @return the host's lifecycle
   */
  @Bean
  public SmartLifecycle chanxLifecycle(ChannelHost host) {
    return new SmartLifecycle() {
      private volatile boolean running = true;

      @Override
      public void start() {
        running = true;
      }

      @Override
      public void stop() {
        host.stop();
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }
    };
  }

  /**
   * The filter that upgrades requests to channel addresses and serves the AsyncAPI document.
   *
   * @param host the host
   * @return the filter's registration
   */
  @Bean
  public FilterRegistrationBean<ChanxFilter> chanxFilter(ChannelHost host) {
    FilterRegistrationBean<ChanxFilter> registration = new FilterRegistrationBean<>(new ChanxFilter(host));
    registration.setName("chanxFilter");
    registration.setOrder(FILTER_ORDER);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.addUrlPatterns("/*");
    return registration;
  }

  /** On Tomcat, what the starter changes in the connector. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory",
      "org.apache.coyote.http11.Http11NioProtocol"})
  static class OnTomcat {

    /**
     * With {@code chanx.non-blocking-handlers=true}, Tomcat's default protocol becomes
     * {@link TomcatProtocol}, whose poller runs the events of Chanx sockets itself; a connector
     * given another protocol by the application keeps it.
     *
     * @param properties the {@code chanx.*} properties
     * @return the customizer of Tomcat's factory
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> chanxTomcatProtocol(ChanxProperties properties) {
      return factory -> {
        if (Boolean.TRUE.equals(properties.getNonBlockingHandlers())
            && TomcatWebServerFactory.DEFAULT_PROTOCOL.equals(factory.getProtocol())) {
          factory.setProtocol(TomcatProtocol.class.getName());
        }
      };
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void register(ServerConfig config, String name, ChannelHandler handler) {
    for (ChannelRoute route : ChannelRoutes.of(name, AopUtils.getTargetClass(handler))) {
      config.channel(route, handler);
    }
  }

  private static void apply(ChanxProperties p, ServerConfig config) {
    if (p.isAllowAnyOrigin()) {
      config.allowAnyOrigin();
    } else if (!p.getAllowedOrigins().isEmpty()) {
      config.allowedOrigins(p.getAllowedOrigins().toArray(String[]::new));
    }
    if (p.getCompletionFrames() != null) {
      config.completionFrames(p.getCompletionFrames());
    }
    if (p.getCamelCase() != null) {
      config.camelCase(p.getCamelCase());
    }
    if (p.getAuthenticationFrames() != null) {
      config.authenticationFrames(p.getAuthenticationFrames());
    }
    if (p.getLogFrameContents() != null) {
      config.logFrameContents(p.getLogFrameContents());
    }
    if (p.getCompression() != null) {
      config.compression(p.getCompression());
    }
    if (p.getNonBlockingHandlers() != null) {
      config.nonBlockingHandlers(p.getNonBlockingHandlers());
    }
    if (p.getMaxFrameSize() != null) {
      config.maxFrameSize(p.getMaxFrameSize());
    }
    if (p.getMaxBinaryFrameSize() != null) {
      config.maxBinaryFrameSize(p.getMaxBinaryFrameSize());
    }
    if (p.getMaxJsonDepth() != null) {
      config.maxJsonDepth(p.getMaxJsonDepth());
    }
    if (p.getMaxStringLength() != null) {
      config.maxStringLength(p.getMaxStringLength());
    }
    if (p.getMaxNumberLength() != null) {
      config.maxNumberLength(p.getMaxNumberLength());
    }
    if (p.getMaxConnections() != null) {
      config.maxConnections(p.getMaxConnections());
    }
    if (p.getMaxQueuedFrames() != null) {
      config.maxQueuedFrames(p.getMaxQueuedFrames());
    }
    if (p.getMaxQueuedBytes() != null) {
      config.maxQueuedBytes(p.getMaxQueuedBytes());
    }
    if (p.getIdleTimeout() != null) {
      config.idleTimeout(p.getIdleTimeout());
    }
    if (p.getKeepalive() != null) {
      config.keepalive(p.getKeepalive());
    }
    if (p.getStopTimeout() != null) {
      config.stopTimeout(p.getStopTimeout());
    }
    List<String> documents = p.getAsyncapi().getDocuments();
    if (documents.size() == 1) {
      config.asyncApi(documents.get(0));
    } else if (documents.size() > 1) {
      config.asyncApi(AsyncApiDocument.merge(p.getAsyncapi().getTitle(),
          documents.stream().map(AsyncApiDocument::fromClasspath).toArray(AsyncApiDocument[]::new)));
    }
  }
}
