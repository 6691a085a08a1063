// Where the charts put their legend and plot. ECharts 6 puts a legend at the bottom by default,
// where it covered the category labels; here it goes on top (scrolling when it is long) and the
// plot starts below it. Kept apart from EChart.tsx so that a page can use it without loading ECharts.

/** The legend of every chart that has one: on top, scrolling sideways when it does not fit. */
export const CHART_LEGEND = { type: "scroll", top: 0 } as const;

/** The plot of a chart: its labels inside, below a legend when `hasLegend`. */
export function chartGrid(options: { hasLegend: boolean; right?: number }) {
  return {
    left: 8,
    right: options.right ?? 8,
    top: options.hasLegend ? 36 : 16,
    bottom: 8,
    containLabel: true,
  } as const;
}
