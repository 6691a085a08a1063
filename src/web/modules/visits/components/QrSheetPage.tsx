import { Button, Empty, Flex, Input, Segmented, Spin, Typography } from "antd";
import { useState } from "react";
import { useT } from "../../../i18n/useT.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useDebouncedValue } from "../../../ui/useDebouncedValue.js";
import { VisitsNav } from "../../campaigns/components/VisitsNav.js";
import { useQrTargets } from "../hooks/useQrTargets.js";
import { QrCode } from "./QrCode.js";

// Printing shows the sheet alone: the app's menu and header are hidden, codes do not split across pages.
const PRINT_STYLE = `@media print {
  .ant-layout-sider, .ant-layout-header, [data-print="hide"] { display: none !important; }
  .ant-layout-content { padding: 0 !important; }
  [data-testid="qr-card"] { break-inside: avoid; }
}`;

/**
 * A printable sheet of QR codes, one per village or per caseworker. Scanning one on a phone opens
 * the phone mode: the login first, then that village's households or the caseworker's own.
 */
export function QrSheetPage() {
  const t = useT();
  const [kind, setKind] = useState<"village" | "caseworker">("village");
  const [text, setText] = useState("");
  const debounced = useDebouncedValue(text, 300);
  const { data: targets, isPending } = useQrTargets(kind, debounced);
  const origin = window.location.origin;

  return (
    <>
      <style>{PRINT_STYLE}</style>
      <div data-print="hide">
        <VisitsNav />
        <PageHeader
          title={t("visits.qr.title")}
          extra={
            <Button type="primary" onClick={() => window.print()} data-testid="qr-print">
              {t("visits.qr.print")}
            </Button>
          }
        />
        <Typography.Paragraph type="secondary">{t("visits.qr.hint")}</Typography.Paragraph>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Segmented
            value={kind}
            onChange={(value) => setKind(value as "village" | "caseworker")}
            options={[
              { value: "village", label: t("visits.qr.byVillage") },
              { value: "caseworker", label: t("visits.qr.byCaseworker") },
            ]}
          />
          <Input.Search
            allowClear
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={t("visits.qr.search")}
            style={{ maxWidth: 280 }}
          />
        </Flex>
      </div>
      {isPending ? <Spin /> : null}
      {targets && targets.length === 0 ? <Empty /> : null}
      <Flex wrap gap={16}>
        {targets?.map((target) => (
          <Flex
            key={target.key}
            vertical
            align="center"
            data-testid="qr-card"
            style={{ width: 200, padding: 12, border: "1px solid #d9d9d9", borderRadius: 8 }}
          >
            <QrCode text={`${origin}${target.path}`} label={target.title} />
            <Typography.Text strong style={{ marginTop: 8 }}>
              {target.title}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: "center" }}>
              {target.subtitle}
            </Typography.Text>
            <Typography.Text
              style={{ fontSize: 10, wordBreak: "break-all", textAlign: "center" }}
              data-testid="qr-target"
            >
              {`${origin}${target.path}`}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
    </>
  );
}
