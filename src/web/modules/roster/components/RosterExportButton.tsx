import { App, Button, Dropdown, Flex, type MenuProps, Typography } from "antd";
import type { listHouseholds } from "../../../../shared/api/households.api.js";
import { exportRoster } from "../../../../shared/api/roster.api.js";
import type { QueryOf } from "../../../../shared/endpoint.js";
import { useT } from "../../../i18n/useT.js";
import { useFileDownload } from "../../../ui/useFileDownload.js";

const FORMATS = ["xlsx", "csv"] as const;

interface RosterExportButtonProps {
  /** The household list's query: its search and filters are exported, its sorting and paging are not. */
  listQuery: QueryOf<typeof listHouseholds>;
  /** Whether the file will hold full ID numbers, phones and bank accounts (else they are masked). */
  isUnmasked: boolean;
}

/** Exports the filtered household list in the national layout, as .xlsx or CSV, saying what is masked. */
export function RosterExportButton({ listQuery, isUnmasked }: RosterExportButtonProps) {
  const t = useT();
  const { message } = App.useApp();
  const { download, isDownloading } = useFileDownload();

  const handleExport = async (key: string) => {
    const format = FORMATS.find((name) => name === key);
    if (!format) return;
    const { page: _page, pageSize: _pageSize, sort: _sort, order: _order, ...filters } = listQuery;
    const fileName = await download(exportRoster, { query: { ...filters, format } });
    if (fileName) {
      message.success(t(isUnmasked ? "roster.export.done" : "roster.export.doneMasked", { fileName }));
    }
  };

  const items: MenuProps["items"] = [
    {
      type: "group",
      key: "formats",
      label: (
        <Flex vertical data-testid="household-export-note">
          <span>{t("roster.export.scope")}</span>
          <Typography.Text type={isUnmasked ? "warning" : "secondary"} style={{ fontSize: 12 }}>
            {t(isUnmasked ? "roster.export.unmasked" : "roster.export.masked")}
          </Typography.Text>
        </Flex>
      ),
      children: FORMATS.map((format) => ({
        key: format,
        label: <span data-testid={`household-export-${format}`}>{t(`roster.export.${format}`)}</span>,
      })),
    },
  ];

  return (
    <Dropdown
      trigger={["click"]}
      menu={{ items, onClick: ({ key }) => handleExport(key) }}
      styles={{ root: { maxWidth: 320 } }}
    >
      <Button data-testid="household-export" loading={isDownloading}>
        {t("roster.export.button")}
      </Button>
    </Dropdown>
  );
}
