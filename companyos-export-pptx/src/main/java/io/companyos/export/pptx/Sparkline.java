package io.companyos.export.pptx;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A sparkline of a value's history as a PNG, drawn with java.awt off screen (headless works). Oldest
 * point left, newest right with a dot; the line spans the image's height from the lowest to the highest
 * value. The same history always gives the same bytes.
 */
final class Sparkline {
  /** Pixel size; shown at 120 x 30 pt, i.e. at 200 dpi. */
  static final int WIDTH = 330;
  static final int HEIGHT = 82;

  private static final Color LINE = new Color(0x4a, 0x6f, 0xa5);

  private Sparkline() {}

  /** The PNG of {@code history}; needs at least two points. */
  static byte[] png(List<Double> history) {
    if (history.size() < 2) {
      throw new IllegalArgumentException("a sparkline needs two points, got " + history.size());
    }
    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      double min = history.stream().mapToDouble(Double::doubleValue).min().orElse(0);
      double max = history.stream().mapToDouble(Double::doubleValue).max().orElse(0);
      double pad = 8;
      Path2D.Double path = new Path2D.Double();
      double x = 0;
      double y = 0;
      for (int i = 0; i < history.size(); i++) {
        x = pad + (WIDTH - 2 * pad) * i / (history.size() - 1);
        y = max == min ? HEIGHT / 2.0 : HEIGHT - pad - (HEIGHT - 2 * pad) * (history.get(i) - min) / (max - min);
        if (i == 0) {
          path.moveTo(x, y);
        } else {
          path.lineTo(x, y);
        }
      }
      g.setColor(LINE);
      g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(path);
      g.fill(new Ellipse2D.Double(x - 6, y - 6, 12, 12));
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(img, "png", out)) {
        throw new IllegalStateException("no PNG writer in this Java runtime");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
