import { Card, Col, Row, Statistic } from "antd";
import type { RosterImportView } from "../../../../shared/api/roster.api.js";
import { useT } from "../../../i18n/useT.js";

const COUNTS = ["created", "updated", "unchanged", "rejected"] as const;
const COLORS: Record<(typeof COUNTS)[number], string | undefined> = {
  created: "#389e0d",
  updated: "#1677ff",
  unchanged: undefined,
  rejected: "#cf1322",
};

/** Households the file would create, update, leave unchanged, and those refused for errors. */
export function RosterImportCounts({ view }: { view: RosterImportView }) {
  const t = useT();
  return (
    <Row gutter={[12, 12]}>
      {COUNTS.map((name) => (
        <Col key={name} xs={12} sm={6}>
          <Card size="small">
            <Statistic
              data-testid={`roster-count-${name}`}
              title={t(`roster.counts.${name}`)}
              value={view[name]}
              styles={{
                content: { color: name === "rejected" && view.rejected === 0 ? undefined : COLORS[name] },
              }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
