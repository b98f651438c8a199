/**
 * The server's seam for metrics and traces: {@link dev.chanx.server.telemetry.Telemetry}, off
 * unless a module such as {@code chanx-micrometer} or {@code chanx-opentelemetry} is given to
 * {@code ServerConfig.telemetry}.
 */
package dev.chanx.server.telemetry;
