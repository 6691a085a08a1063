import { MONITORING_LINE_2020, POVERTY_LINE_2020 } from "../../../../shared/basic-guarantees.js";

/** Per-capita net income bands of the list filter, around the poverty line and the monitoring line. */
export const INCOME_BANDS = {
  below_poverty_line: { incomeBelow: POVERTY_LINE_2020 },
  monitoring_band: { incomeAtLeast: POVERTY_LINE_2020, incomeBelow: MONITORING_LINE_2020 },
  above_monitoring_line: { incomeAtLeast: MONITORING_LINE_2020 },
} as const satisfies Record<string, { incomeBelow?: number; incomeAtLeast?: number }>;

export type IncomeBand = keyof typeof INCOME_BANDS;
