package dev.chanx.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code chanx.*} settings of the channels a Spring Boot application hosts. A setting left
 * out keeps the embedded server's default (see {@code ServerConfig}), so both runtimes behave
 * alike unless told otherwise.
 */
@ConfigurationProperties("chanx")
public class ChanxProperties {

  /** Origins of pages allowed to connect, such as https://app.example.com; by default pages of this host only. */
  private List<String> allowedOrigins = new ArrayList<>();
  /** Whether pages of any origin may connect (for public APIs; browsers send cookies along). */
  private boolean allowAnyOrigin;
  /** Whether the server tells the end of each reply, group broadcast and push in a completion frame (default false). */
  private Boolean completionFrames;
  /** Whether frames use camelCase keys on the wire instead of the document's snake_case (default false). */
  private Boolean camelCase;
  /** Whether clients learn the authenticator's verdict in an authentication frame instead of an HTTP status (default false). */
  private Boolean authenticationFrames;
  /** Whether DEBUG frame logs show frame contents, not only their actions and sizes (default false). */
  private Boolean logFrameContents;
  /** Whether permessage-deflate may be negotiated (default false). */
  private Boolean compression;
  /**
   * Whether the handlers are promised never to block, so that on Tomcat a socket's frames are
   * handled on the poller thread that found them, without a hand-off to the connector's executor
   * per read; a handler that blocks then holds up every socket (default false).
   */
  private Boolean nonBlockingHandlers;
  /** The largest message a client may send, in bytes; larger ones close the socket with 1009 (default 65536). */
  private Integer maxFrameSize;
  /** The largest binary message a client may send, in bytes; larger ones close the socket with 1009 (default 65536). */
  private Integer maxBinaryFrameSize;
  /** The deepest JSON nesting accepted in a client frame (default 32). */
  private Integer maxJsonDepth;
  /** The longest JSON string accepted in a client frame, in characters (default 65536). */
  private Integer maxStringLength;
  /** The longest JSON number accepted in a client frame, in digits (default 100). */
  private Integer maxNumberLength;
  /** The most sockets open at once; further upgrades get 503 (default 10000). */
  private Integer maxConnections;
  /** The most frames waiting to be written to one socket before it is closed with 1008 as not reading (default 1024). */
  private Integer maxQueuedFrames;
  /** The most bytes waiting to be written to one socket before it is closed with 1008 as not reading (default 1048576). */
  private Long maxQueuedBytes;
  /** How long a socket may stay quiet before it is closed (default 5 minutes). */
  private Duration idleTimeout;
  /** How often every socket is pinged; 0 turns keepalive off (default 25 seconds). */
  private Duration keepalive;
  /** How long handlers in flight get to finish when the application stops (default 5 seconds). */
  private Duration stopTimeout;
  /** The AsyncAPI document served at /asyncapi/schema/ and /asyncapi/docs/. */
  private final Asyncapi asyncapi = new Asyncapi();
  /** The Redis channel layer and presence store, for groups, pushes and presence across nodes. */
  private final Redis redis = new Redis();

  /** The AsyncAPI document served at {@code /asyncapi/schema/} and {@code /asyncapi/docs/}. */
  public static class Asyncapi {

    /** Classpath resources of the documents to serve, merged into one when more than one; none serves nothing. */
    private List<String> documents = new ArrayList<>();
    /** The title of the merged document, when several are served. */
    private String title = "AsyncAPI";

    public List<String> getDocuments() {
      return documents;
    }

    public void setDocuments(List<String> documents) {
      this.documents = documents;
    }

    public String getTitle() {
      return title;
    }

    public void setTitle(String title) {
      this.title = title;
    }
  }

  /** The Redis channel layer. */
  public static class Redis {

    /** The Redis URI, such as redis://localhost:6379, for the channel layer and presence; unset or blank keeps them in this process. */
    private String url;
    /** The prefix of every Redis channel name, so applications can share one Redis. */
    private String namespace = "chanx";

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }

    public String getNamespace() {
      return namespace;
    }

    public void setNamespace(String namespace) {
      this.namespace = namespace;
    }
  }

  public List<String> getAllowedOrigins() {
    return allowedOrigins;
  }

  public void setAllowedOrigins(List<String> allowedOrigins) {
    this.allowedOrigins = allowedOrigins;
  }

  public boolean isAllowAnyOrigin() {
    return allowAnyOrigin;
  }

  public void setAllowAnyOrigin(boolean allowAnyOrigin) {
    this.allowAnyOrigin = allowAnyOrigin;
  }

  public Boolean getCompletionFrames() {
    return completionFrames;
  }

  public void setCompletionFrames(Boolean completionFrames) {
    this.completionFrames = completionFrames;
  }

  public Boolean getCamelCase() {
    return camelCase;
  }

  public void setCamelCase(Boolean camelCase) {
    this.camelCase = camelCase;
  }

  public Boolean getAuthenticationFrames() {
    return authenticationFrames;
  }

  public void setAuthenticationFrames(Boolean authenticationFrames) {
    this.authenticationFrames = authenticationFrames;
  }

  public Boolean getLogFrameContents() {
    return logFrameContents;
  }

  public void setLogFrameContents(Boolean logFrameContents) {
    this.logFrameContents = logFrameContents;
  }

  public Boolean getCompression() {
    return compression;
  }

  public void setCompression(Boolean compression) {
    this.compression = compression;
  }

  public Boolean getNonBlockingHandlers() {
    return nonBlockingHandlers;
  }

  public void setNonBlockingHandlers(Boolean nonBlockingHandlers) {
    this.nonBlockingHandlers = nonBlockingHandlers;
  }

  public Integer getMaxFrameSize() {
    return maxFrameSize;
  }

  public void setMaxFrameSize(Integer maxFrameSize) {
    this.maxFrameSize = maxFrameSize;
  }

  public Integer getMaxBinaryFrameSize() {
    return maxBinaryFrameSize;
  }

  public void setMaxBinaryFrameSize(Integer maxBinaryFrameSize) {
    this.maxBinaryFrameSize = maxBinaryFrameSize;
  }

  public Integer getMaxJsonDepth() {
    return maxJsonDepth;
  }

  public void setMaxJsonDepth(Integer maxJsonDepth) {
    this.maxJsonDepth = maxJsonDepth;
  }

  public Integer getMaxStringLength() {
    return maxStringLength;
  }

  public void setMaxStringLength(Integer maxStringLength) {
    this.maxStringLength = maxStringLength;
  }

  public Integer getMaxNumberLength() {
    return maxNumberLength;
  }

  public void setMaxNumberLength(Integer maxNumberLength) {
    this.maxNumberLength = maxNumberLength;
  }

  public Integer getMaxConnections() {
    return maxConnections;
  }

  public void setMaxConnections(Integer maxConnections) {
    this.maxConnections = maxConnections;
  }

  public Integer getMaxQueuedFrames() {
    return maxQueuedFrames;
  }

  public void setMaxQueuedFrames(Integer maxQueuedFrames) {
    this.maxQueuedFrames = maxQueuedFrames;
  }

  public Long getMaxQueuedBytes() {
    return maxQueuedBytes;
  }

  public void setMaxQueuedBytes(Long maxQueuedBytes) {
    this.maxQueuedBytes = maxQueuedBytes;
  }

  public Duration getIdleTimeout() {
    return idleTimeout;
  }

  public void setIdleTimeout(Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
  }

  public Duration getKeepalive() {
    return keepalive;
  }

  public void setKeepalive(Duration keepalive) {
    this.keepalive = keepalive;
  }

  public Duration getStopTimeout() {
    return stopTimeout;
  }

  public void setStopTimeout(Duration stopTimeout) {
    this.stopTimeout = stopTimeout;
  }

  public Asyncapi getAsyncapi() {
    return asyncapi;
  }

  public Redis getRedis() {
    return redis;
  }
}
