import { Flex, Typography } from "antd";

/** A region in a search list: name and code, with its path below so that same-named places differ. */
export function RegionOptionLabel({ name, code, path }: { name: string; code: string; path: string }) {
  return (
    <Flex vertical style={{ minWidth: 0, lineHeight: 1.35, paddingBlock: 2 }}>
      <Flex gap={8} justify="space-between" style={{ minWidth: 0 }}>
        <Typography.Text ellipsis>{name}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, flex: "none" }}>
          {code}
        </Typography.Text>
      </Flex>
      {path ? (
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
          {path}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
