import { Flex, Spin } from "antd";

/** Shown while a page's code or the session is on its way. */
export function PageLoading({ isFullScreen = false }: { isFullScreen?: boolean }) {
  return (
    <Flex justify="center" align="center" style={{ minHeight: isFullScreen ? "100vh" : 240 }}>
      <Spin size="large" />
    </Flex>
  );
}
