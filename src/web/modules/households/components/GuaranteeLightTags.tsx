import { Flex, Tag, Tooltip } from "antd";
import type { HouseholdListRow } from "../../../../shared/api/households.api.js";
import { useT } from "../../../i18n/useT.js";
import { GUARANTEE_ORDER } from "../utils/guaranteeOrder.js";

/** Ant Design tag colours of the traffic lights. */
export const LIGHT_COLORS = { green: "success", yellow: "warning", red: "error" } as const;

/** The five basic guarantees of a household as small coloured tags (green met, yellow at risk, red not met). */
export function GuaranteeLightTags({
  lights,
  isEndAligned = false,
}: {
  lights: HouseholdListRow["guaranteeLights"];
  isEndAligned?: boolean;
}) {
  const t = useT();
  return (
    <Flex wrap gap={2} justify={isEndAligned ? "flex-end" : "flex-start"} data-testid="guarantee-lights">
      {GUARANTEE_ORDER.map((guarantee) => {
        const light = lights[guarantee];
        const lightText = light
          ? t(`households.guarantees.lights.${light}`)
          : t("households.guarantees.unknown");
        return (
          <Tooltip key={guarantee} title={`${t(`households.guarantees.names.${guarantee}`)}：${lightText}`}>
            <Tag
              color={light ? LIGHT_COLORS[light] : "default"}
              style={{ marginInlineEnd: 0, paddingInline: 4, fontSize: 12, lineHeight: "18px" }}
              aria-label={`${t(`households.guarantees.names.${guarantee}`)} ${lightText}`}
            >
              {t(`households.guarantees.short.${guarantee}`)}
            </Tag>
          </Tooltip>
        );
      })}
    </Flex>
  );
}
