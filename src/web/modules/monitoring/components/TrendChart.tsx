import { Flex, Typography } from "antd";
import { useT } from "../../../i18n/useT.js";

interface TrendPoint {
  month: string;
  opened: number;
  identified: number;
  eliminated: number;
}

const SERIES = [
  { key: "opened", color: "#faad14" },
  { key: "identified", color: "#f5222d" },
  { key: "eliminated", color: "#52c41a" },
] as const;

/**
 * Grouped monthly bars drawn as SVG: three series over twelve months needs no chart library
 * (ECharts would add about 1 MB to the bundle for this one picture).
 */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  const t = useT();
  const width = 720;
  const height = 220;
  const top = 16;
  const bottom = 28;
  const left = 32;
  const max = Math.max(1, ...points.flatMap((p) => SERIES.map((s) => p[s.key])));
  const slot = (width - left) / Math.max(1, points.length);
  const bar = Math.max(2, (slot - 8) / SERIES.length);
  const y = (value: number) => top + (height - top - bottom) * (1 - value / max);

  return (
    <div data-testid="trend-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={t("monitoring.overview.trend")}
      >
        <line x1={left} x2={width} y1={y(0)} y2={y(0)} stroke="#d9d9d9" />
        <text x={left - 4} y={y(max) + 4} fontSize={10} textAnchor="end">
          {max}
        </text>
        <text x={left - 4} y={y(0) + 4} fontSize={10} textAnchor="end">
          0
        </text>
        {points.map((point, i) => (
          <g key={point.month}>
            {SERIES.map((series, j) => (
              <rect
                key={series.key}
                x={left + i * slot + 4 + j * bar}
                y={y(point[series.key])}
                width={bar - 1}
                height={y(0) - y(point[series.key])}
                fill={series.color}
              >
                <title>{`${point.month} ${t(`monitoring.overview.${series.key}`)}: ${point[series.key]}`}</title>
              </rect>
            ))}
            <text x={left + i * slot + slot / 2} y={height - 10} fontSize={10} textAnchor="middle">
              {point.month.slice(2)}
            </text>
          </g>
        ))}
      </svg>
      <Flex gap={16} justify="center">
        {SERIES.map((series) => (
          <Typography.Text key={series.key}>
            <span
              style={{
                display: "inline-block",
                width: 10,
                height: 10,
                background: series.color,
                marginInlineEnd: 4,
              }}
            />
            {t(`monitoring.overview.${series.key}`)}
          </Typography.Text>
        ))}
      </Flex>
    </div>
  );
}
