import { useQuery } from "@tanstack/react-query";
import { listCaseworkers } from "../../../../shared/api/households.api.js";
import { searchRegions } from "../../../../shared/api/regions.api.js";
import { callApi } from "../../../api/callApi.js";

/** One code of the printable sheet: whom or where it is for, and the phone-mode address it opens. */
export interface QrTarget {
  key: string;
  title: string;
  subtitle: string;
  path: string;
}

/** Villages or caseworkers in the caller's scope matching `text` (up to 100 / 50), as QR targets. */
export function useQrTargets(kind: "village" | "caseworker", text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: ["visits", "qr-targets", kind, q],
    queryFn: async (): Promise<QrTarget[]> => {
      if (kind === "village") {
        const { rows } = await callApi(searchRegions, { query: { q, level: "village", limit: 100 } });
        return rows.map((r) => ({
          key: r.code,
          title: r.name,
          subtitle: r.path,
          path: `/phone?village=${r.code}`,
        }));
      }
      const { rows } = await callApi(listCaseworkers, { query: { q } });
      return rows.map((c) => ({
        key: c.id,
        title: c.displayName,
        subtitle: `${c.regionName} · ${c.username}`,
        path: `/phone?caseworker=${c.id}`,
      }));
    },
  });
}
