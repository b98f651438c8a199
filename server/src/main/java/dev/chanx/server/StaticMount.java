package dev.chanx.server;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * A classpath folder served under a URL prefix: {@code index.html} for the folder itself, content
 * types by file extension, no directory listings, nothing outside the folder.
 *
 * @param contextPath the URL prefix without its trailing slash, such as {@code /chat} ("" for root)
 * @param folder the classpath folder, such as {@code public/chat}
 */
record StaticMount(String contextPath, String folder) {

  /** Checks and normalises a mount as the user wrote it. */
  static StaticMount of(String urlPrefix, String classpathFolder) {
    if (!urlPrefix.startsWith("/")) {
      throw new IllegalArgumentException("a URL prefix starts with '/': " + urlPrefix);
    }
    String folder = classpathFolder.replaceAll("^/+|/+$", "");
    if (classLoader().getResource(folder.isEmpty() ? "." : folder) == null) {
      throw new IllegalArgumentException("no classpath folder " + classpathFolder);
    }
    return new StaticMount(urlPrefix.replaceAll("/+$", ""), folder);
  }

  /** A Jetty handler serving this mount, to be added to a started-later server. */
  Handler handler() {
    ContextHandler context = new ContextHandler(contextPath.isEmpty() ? "/" : contextPath);
    ResourceHandler files = new ResourceHandler();
    Resource base = ResourceFactory.of(context).newClassLoaderResource(folder, false);
    if (base == null) {
      throw new IllegalStateException("no classpath folder " + folder);
    }
    files.setBaseResource(base);
    files.setDirAllowed(false);
    files.setWelcomeFiles("index.html");
    files.setEtags(true);
    context.setHandler(files);
    return context;
  }

  private static ClassLoader classLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : StaticMount.class.getClassLoader();
  }
}
