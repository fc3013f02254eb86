package io.companyos.export.pdf;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import io.companyos.render.PackDocument;
import io.companyos.render.chart.Chart;
import io.companyos.render.chart.ChartLayout;
import io.companyos.render.chart.Mark;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * Paints the charts of a pack into the PDF as vector drawings: the same {@link ChartLayout} the SVG is written from,
 * drawn through the renderer's Graphics2D bridge into a form of the page, so the PDF shows the picture the HTML
 * shows without an SVG engine on the class path. Text goes through the renderer's fonts (DejaVu Sans, embedded).
 */
final class ChartDrawing implements FSObjectDrawerFactory {
  private final Map<String, Chart> charts = new HashMap<>();

  ChartDrawing(PackDocument doc) {
    for (int s = 0; s < doc.sections().size(); s++) {
      for (int c = 0; c < doc.sections().get(s).charts().size(); c++) {
        charts.put(ChartFigure.key(s, c), doc.sections().get(s).charts().get(c));
      }
    }
  }

  @Override
  public boolean isReplacedObject(Element e) {
    return ChartFigure.TYPE.equals(e.getAttribute("type")) && charts.containsKey(e.getAttribute("data-chart"));
  }

  @Override
  public @Nullable FSObjectDrawer createDrawer(Element e) {
    Chart chart = charts.get(e.getAttribute("data-chart"));
    if (chart == null) {
      return null;
    }
    ChartLayout layout = ChartLayout.of(chart);
    return (el, x, y, width, height, device, ctx, dotsPerPixel) -> {
      float w = (float) (width / dotsPerPixel);
      float h = (float) (height / dotsPerPixel);
      device.drawWithGraphics((float) x, (float) y, w, h, g -> paint(g, layout, w, h));
      return null;
    };
  }

  /** Draws {@code layout} scaled to {@code w} x {@code h}. */
  static void paint(Graphics2D g, ChartLayout layout, double w, double h) {
    g.scale(w / layout.width(), h / layout.height());
    for (Mark m : layout.marks()) {
      if (m instanceof Mark.Line l) {
        stroke(g, l.colour(), l.width(), l.dashed());
        g.draw(new Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2()));
      } else if (m instanceof Mark.Polyline p) {
        stroke(g, p.colour(), p.width(), p.dashed());
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < p.points().size(); i++) {
          Mark.Pt pt = p.points().get(i);
          if (i == 0) {
            path.moveTo(pt.x(), pt.y());
          } else {
            path.lineTo(pt.x(), pt.y());
          }
        }
        g.draw(path);
      } else if (m instanceof Mark.Dot d) {
        g.setColor(Color.decode(d.colour()));
        g.fill(new Ellipse2D.Double(d.x() - 3, d.y() - 3, 6, 6));
      } else if (m instanceof Mark.Bar b) {
        g.setColor(Color.decode(b.colour()));
        g.fill(new Rectangle2D.Double(b.x(), b.y(), b.width(), b.height()));
      } else if (m instanceof Mark.Swatch s) {
        if (s.square()) {
          g.setColor(Color.decode(s.colour()));
          g.fill(new Rectangle2D.Double(s.x(), s.y() - 5, 14, 10));
        } else {
          stroke(g, s.colour(), 2, s.dashed());
          g.draw(new Line2D.Double(s.x(), s.y(), s.x() + 16, s.y()));
        }
      } else if (m instanceof Mark.Label t) {
        g.setColor(Color.decode(t.colour()));
        g.setFont(new Font(PrintLayout.FONT, t.bold() ? Font.BOLD : Font.PLAIN, (int) Math.round(t.size())));
        double tw = g.getFontMetrics().getStringBounds(t.text(), g).getWidth();
        double x = switch (t.anchor()) {
          case START -> t.x();
          case MIDDLE -> t.x() - tw / 2;
          case END -> t.x() - tw;
        };
        g.drawString(t.text(), (float) x, (float) t.y());
      }
    }
  }

  private static void stroke(Graphics2D g, String colour, double width, boolean dashed) {
    g.setColor(Color.decode(colour));
    g.setStroke(dashed ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
        new float[] {5f, 3f}, 0f) : new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
  }
}
