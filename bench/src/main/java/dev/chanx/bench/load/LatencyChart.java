package dev.chanx.bench.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws delivery latency against clients, one line per server, with Java2D: p95 solid, p99
 * dashed, a log scale for latency, and the 500 ms line the step stops at. One panel per
 * compression setting that was stepped.
 */
final class LatencyChart {

  private static final int PANEL_W = 900;
  private static final int PANEL_H = 520;
  private static final int LEFT = 80;
  private static final int RIGHT = 200;
  private static final int TOP = 60;
  private static final int BOTTOM = 60;
  private static final Map<ServerKind, Color> COLORS = Map.of(
      ServerKind.CHANX, new Color(0x1f, 0x77, 0xb4),
      ServerKind.JETTY, new Color(0x33, 0x33, 0x33),
      ServerKind.NODE, new Color(0x2c, 0xa0, 0x2c),
      ServerKind.QUARKUS, new Color(0xd6, 0x27, 0x28));
  private static final double MIN_MS = 1;
  private static final double MAX_MS = 10_000;

  private LatencyChart() {}

  /** Writes a PNG with one panel per entry of {@code panels} (title to the runs of that panel). */
  static void draw(Map<String, List<LoadResult>> panels, String subtitle, double limitMs, Path png) throws Exception {
    BufferedImage image = new BufferedImage(PANEL_W, PANEL_H * panels.size(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    int y = 0;
    for (Map.Entry<String, List<LoadResult>> panel : panels.entrySet()) {
      panel(g, y, panel.getKey(), subtitle, panel.getValue(), limitMs);
      y += PANEL_H;
    }
    g.dispose();
    Files.createDirectories(png.toAbsolutePath().getParent());
    ImageIO.write(image, "png", png.toFile());
  }

  private static void panel(Graphics2D g, int y0, String title, String subtitle, List<LoadResult> runs,
      double limitMs) {
    int plotW = PANEL_W - LEFT - RIGHT;
    int plotH = PANEL_H - TOP - BOTTOM;
    int maxClients = runs.stream().mapToInt(r -> r.load().clients()).max().orElse(1000);
    double xMax = niceCeiling(maxClients);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, LEFT, y0 + 24);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString(subtitle, LEFT, y0 + 44);

    // Grid and axes.
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (double ms = MIN_MS; ms <= MAX_MS; ms *= 10) {
      int py = yOf(ms, y0, plotH);
      g.setColor(new Color(0xdd, 0xdd, 0xdd));
      g.drawLine(LEFT, py, LEFT + plotW, py);
      g.setColor(Color.BLACK);
      String label = ms >= 1000 ? String.format(Locale.ROOT, "%.0f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
      g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), py + 4);
    }
    double xStep = xMax / 5;
    for (int i = 0; i <= 5; i++) {
      double clients = i * xStep;
      int px = LEFT + (int) (plotW * clients / xMax);
      g.setColor(new Color(0xee, 0xee, 0xee));
      g.drawLine(px, y0 + TOP, px, y0 + TOP + plotH);
      g.setColor(Color.BLACK);
      String label = String.format(Locale.ROOT, "%.0f", clients);
      g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, y0 + TOP + plotH + 18);
    }
    g.drawRect(LEFT, y0 + TOP, plotW, plotH);
    g.drawString("clients", LEFT + plotW / 2 - 20, y0 + TOP + plotH + 40);
    g.rotate(-Math.PI / 2);
    g.drawString("delivery latency (log scale)", -(y0 + TOP + plotH / 2 + 80), 20);
    g.rotate(Math.PI / 2);

    // The limit the step stops at.
    int limitY = yOf(limitMs, y0, plotH);
    g.setColor(new Color(0xaa, 0x00, 0x00));
    g.setStroke(dashed(1f));
    g.drawLine(LEFT, limitY, LEFT + plotW, limitY);
    g.drawString(String.format(Locale.ROOT, "p95 limit %.0f ms", limitMs), LEFT + plotW - 110, limitY - 6);

    // One line per server: p95 solid, p99 dashed.
    int legendY = y0 + TOP + 10;
    for (ServerKind kind : ServerKind.values()) {
      List<LoadResult> mine = runs.stream().filter(r -> r.server() == kind)
          .sorted((a, b) -> Integer.compare(a.load().clients(), b.load().clients())).toList();
      if (mine.isEmpty()) {
        continue;
      }
      Color color = COLORS.get(kind);
      g.setColor(color);
      line(g, mine, true, xMax, y0, plotW, plotH);
      line(g, mine, false, xMax, y0, plotW, plotH);
      g.setStroke(new BasicStroke(2.5f));
      g.drawLine(LEFT + plotW + 15, legendY, LEFT + plotW + 40, legendY);
      g.setColor(Color.BLACK);
      g.drawString(kind.label, LEFT + plotW + 46, legendY + 4);
      legendY += 22;
    }
    g.setColor(Color.GRAY);
    g.setStroke(new BasicStroke(2.5f));
    g.drawLine(LEFT + plotW + 15, legendY + 10, LEFT + plotW + 40, legendY + 10);
    g.setColor(Color.BLACK);
    g.drawString("p95", LEFT + plotW + 46, legendY + 14);
    g.setColor(Color.GRAY);
    g.setStroke(dashed(1.5f));
    g.drawLine(LEFT + plotW + 15, legendY + 30, LEFT + plotW + 40, legendY + 30);
    g.setColor(Color.BLACK);
    g.drawString("p99", LEFT + plotW + 46, legendY + 34);
    g.setStroke(new BasicStroke(1f));
  }

  private static void line(Graphics2D g, List<LoadResult> runs, boolean p95, double xMax, int y0, int plotW,
      int plotH) {
    g.setStroke(p95 ? new BasicStroke(2.5f) : dashed(1.5f));
    int lastX = -1;
    int lastY = -1;
    for (LoadResult run : runs) {
      double ms = p95 ? run.p95() : run.p99();
      if (Double.isNaN(ms)) {
        continue;
      }
      int x = LEFT + (int) (plotW * run.load().clients() / xMax);
      int y = yOf(ms, y0, plotH);
      if (lastX >= 0) {
        g.drawLine(lastX, lastY, x, y);
      }
      if (p95) {
        g.fillOval(x - 4, y - 4, 8, 8);
      }
      lastX = x;
      lastY = y;
    }
  }

  private static int yOf(double ms, int y0, int plotH) {
    double clamped = Math.max(MIN_MS, Math.min(MAX_MS, ms));
    double f = (Math.log10(clamped) - Math.log10(MIN_MS)) / (Math.log10(MAX_MS) - Math.log10(MIN_MS));
    return y0 + TOP + plotH - (int) Math.round(f * plotH);
  }

  private static double niceCeiling(int value) {
    double step = Math.pow(10, Math.floor(Math.log10(Math.max(1, value))));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * step >= value) {
        return m * step;
      }
    }
    return 10 * step;
  }

  private static Stroke dashed(float width) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 5f}, 0f);
  }
}
