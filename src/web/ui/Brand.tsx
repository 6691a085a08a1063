import { Flex, Typography, theme } from "antd";

/** The app's mark and name. */
export function Brand({ name }: { name: string }) {
  const { token } = theme.useToken();
  return (
    <Flex align="center" gap={8} style={{ minWidth: 0 }}>
      <span
        aria-hidden="true"
        style={{
          display: "inline-flex",
          alignItems: "center",
          justifyContent: "center",
          flex: "none",
          width: 28,
          height: 28,
          borderRadius: 6,
          background: token.colorPrimary,
          color: token.colorWhite,
          fontWeight: 600,
        }}
      >
        帮
      </span>
      <Typography.Text strong ellipsis style={{ fontSize: 16 }}>
        {name}
      </Typography.Text>
    </Flex>
  );
}
