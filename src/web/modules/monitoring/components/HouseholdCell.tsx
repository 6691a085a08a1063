import { Flex, Typography } from "antd";
import { Link } from "react-router";

/** A table cell naming a household: its head (or number) as a link, its village and number below. */
export function HouseholdCell({
  to,
  testId,
  row,
}: {
  to: string;
  testId: string;
  row: { headName: string; householdNumber: string; regionName: string };
}) {
  return (
    <Flex vertical>
      <Link to={to} data-testid={testId}>
        {row.headName || row.householdNumber}
      </Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {row.regionName} · {row.householdNumber}
      </Typography.Text>
    </Flex>
  );
}
