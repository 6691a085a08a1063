import { useCallback } from "react";
import { ApiError, type ApiErrorDetail } from "../api/ApiError.js";
import type { Language } from "../i18n/Language.js";
import { useI18n } from "../i18n/useI18n.js";

const HAN = /[\u4e00-\u9fff]/;
const CODE_LIKE = /^[a-z]+(_[a-z]+)*$/;

/**
 * Turns any thrown error into one sentence for the user: the server's message (already in the UI
 * language) with its field details, or ours for failures that never reached the server.
 */
export function useApiErrorText(): (error: unknown) => string {
  const { t, tryT, language } = useI18n();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return t("errors.unexpected");
      if (error.code === "NETWORK_ERROR") return t("errors.network");
      if (error.code === "BAD_RESPONSE") return t("errors.badResponse");
      const notes = error.details
        .map((detail) => tryT(`errorDetails.${detail.message}`) ?? readableDetail(detail, language))
        .filter((note): note is string => note !== undefined && note !== error.message);
      const uniqueNotes = [...new Set(notes)];
      if (uniqueNotes.length === 0) return error.message;
      return language === "en"
        ? `${error.message} (${uniqueNotes.join("; ")})`
        : `${error.message}（${uniqueNotes.join("；")}）`;
    },
    [t, tryT, language],
  );
}

// Field details come from the server in Chinese (or as zod's English); show only what the reader can read.
function readableDetail(detail: ApiErrorDetail, language: Language): string | undefined {
  if (CODE_LIKE.test(detail.message)) return undefined;
  const isChinese = HAN.test(detail.message);
  return isChinese === (language === "zh-CN") ? detail.message : undefined;
}
