package com.releaseledger.reporting;

import java.awt.BasicStroke;
import java.awt.Color;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;

/**
 * Draws a burn-down chart of the error-budget review (reports/error-budget.jrxml) so that it reads at a glance: the
 * service's line solid and dark, the ideal burn dashed and grey, and the zero line marked, so an exhausted budget
 * is plainly below it.
 */
public class BurndownChart implements JRChartCustomizer {

    private static final Color SERVICE = new Color(0x1F, 0x3A, 0x5F);
    private static final Color IDEAL = new Color(0x9A, 0xA5, 0xB1);

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        if (!(chart.getPlot() instanceof CategoryPlot plot)) {
            return;
        }
        CategoryItemRenderer renderer = plot.getRenderer();
        for (int series = 0; series < plot.getDataset().getRowCount(); series++) {
            boolean ideal = "ideal burn".equals(plot.getDataset().getRowKey(series));
            renderer.setSeriesPaint(series, ideal ? IDEAL : SERVICE);
            renderer.setSeriesStroke(series, ideal
                    ? new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f)
                    : new BasicStroke(1.6f));
        }
        // a label a week (days 1, 8, 15, ...): thirty-one would overlap at this width
        CategoryAxis days = plot.getDomainAxis();
        days.setTickLabelFont(days.getTickLabelFont().deriveFont(6f));
        days.setCategoryMargin(0);
        days.setMaximumCategoryLabelWidthRatio(10f);
        for (int i = 0; i < plot.getDataset().getColumnCount(); i++) {
            if (i % 7 != 0) {
                days.setTickLabelPaint(plot.getDataset().getColumnKey(i), new Color(0, 0, 0, 0));
            }
        }
        plot.getRangeAxis().setTickLabelFont(plot.getRangeAxis().getTickLabelFont().deriveFont(6f));
        plot.setRangeZeroBaselineVisible(true);
        plot.setRangeZeroBaselinePaint(new Color(0xC0, 0x39, 0x2B));
    }
}
