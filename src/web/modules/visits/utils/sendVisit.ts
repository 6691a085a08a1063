import { getSession } from "../../../../shared/api/session.api.js";
import { recordVisit } from "../../../../shared/api/visits.api.js";
import type { OutboxTransport } from "../../../../shared/visit-outbox.js";
import { ApiError } from "../../../api/ApiError.js";
import { apiContext } from "../../../api/apiContext.js";
import { callApi } from "../../../api/callApi.js";

/** POSTs one visit of the outbox; after a reload offline the CSRF token is fetched first. */
export const sendVisit: OutboxTransport = async (body, signal) => {
  if (!apiContext.csrfToken) {
    try {
      apiContext.csrfToken = (await callApi(getSession)).csrfToken;
    } catch (error) {
      // No answer: try again later. An answer (signed out): the outbox stops until sign-in.
      if (error instanceof ApiError && error.status > 0)
        return { status: error.status, errorCode: error.code };
      throw error;
    }
  }
  const response = await fetch(recordVisit.path, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json",
      "Accept-Language": apiContext.language,
      "X-CSRF-Token": apiContext.csrfToken ?? "",
    },
    body: JSON.stringify(body),
    credentials: "same-origin",
    signal,
  });
  if (response.ok) return { status: response.status, errorCode: undefined };
  let errorCode: string | undefined;
  try {
    errorCode = ((await response.json()) as { error?: { code?: string } }).error?.code;
  } catch {
    errorCode = undefined;
  }
  return { status: response.status, errorCode };
};
