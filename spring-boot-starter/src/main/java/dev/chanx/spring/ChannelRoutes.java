package dev.chanx.spring;

import dev.chanx.server.channel.ChannelHandler;
import dev.chanx.server.channel.ChannelRoute;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the generated route of a handler bean: a generated handler interface {@code ChatHandler}
 * has its route {@code ChatRoute}, with {@code create()}, in the same package.
 */
final class ChannelRoutes {

  private ChannelRoutes() {}

  /**
   * The routes of the generated handler interfaces a bean class implements.
   *
   * @throws IllegalStateException naming the bean when an interface has no route beside it
   */
  static List<ChannelRoute<?, ?, ?, ?>> of(String beanName, Class<?> beanClass) {
    List<ChannelRoute<?, ?, ?, ?>> routes = new ArrayList<>();
    for (Class<?> type = beanClass; type != null; type = type.getSuperclass()) {
      for (Class<?> face : type.getInterfaces()) {
        if (face != ChannelHandler.class && ChannelHandler.class.isAssignableFrom(face)) {
          routes.add(route(beanName, face));
        }
      }
    }
    if (routes.isEmpty()) {
      throw new IllegalStateException("bean " + beanName + " (" + beanClass.getName()
          + ") is a ChannelHandler but implements no generated handler interface, such as ChatHandler");
    }
    return routes;
  }

  private static ChannelRoute<?, ?, ?, ?> route(String beanName, Class<?> handler) {
    String simple = handler.getSimpleName();
    String name = handler.getPackageName() + "."
        + (simple.endsWith("Handler") ? simple.substring(0, simple.length() - "Handler".length()) : simple) + "Route";
    try {
      Class<?> routeClass = Class.forName(name, true, handler.getClassLoader());
      if (!ChannelRoute.class.isAssignableFrom(routeClass) || !handledBy(routeClass, handler)) {
        throw new IllegalStateException(name + " is not the generated route of " + handler.getName());
      }
      Method create = routeClass.getMethod("create");
      if (!Modifier.isStatic(create.getModifiers())) {
        throw new IllegalStateException(name + ".create() is not static");
      }
      return (ChannelRoute<?, ?, ?, ?>) create.invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("bean " + beanName + " implements " + handler.getName()
          + " but its generated route " + name + " with a static create() is not on the classpath: " + e, e);
    }
  }

  /** Whether the route's first type argument, its handler interface, is {@code handler}. */
  private static boolean handledBy(Class<?> routeClass, Class<?> handler) {
    for (Type face : routeClass.getGenericInterfaces()) {
      if (face instanceof ParameterizedType type && type.getRawType() == ChannelRoute.class) {
        return type.getActualTypeArguments()[0] == handler;
      }
    }
    return false;
  }
}
