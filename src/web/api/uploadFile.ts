import type { Endpoint, ParamsOf, QueryOf, ResponseOf } from "../../shared/endpoint.js";
import { ApiError } from "./ApiError.js";
import { apiContext } from "./apiContext.js";
import { apiErrorOf } from "./apiErrorOf.js";
import { parseJson } from "./parseJson.js";
import { requestUrl } from "./requestUrl.js";

export interface UploadInput<E extends Endpoint> {
  params?: ParamsOf<E>;
  query?: QueryOf<E>;
  /** The file sent as the request body (see Endpoint.upload). */
  file: Blob;
  /** Bytes sent so far out of the file's size. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Sends a file to an endpoint that takes one (`Endpoint.upload`) and returns the JSON response,
 * parsed by the contract's schema. Uses XMLHttpRequest, since fetch cannot report upload progress.
 */
export function uploadFile<E extends Endpoint>(endpoint: E, input: UploadInput<E>): Promise<ResponseOf<E>> {
  const accepted = endpoint.upload;
  if (!accepted) throw new Error(`${endpoint.method} ${endpoint.path} does not take a file`);
  // Browsers name types differently (a .csv is application/vnd.ms-excel on Windows with Excel);
  // the server reads the content, so anything unlisted goes as the generic type.
  // A multipart body built by the caller carries its boundary in its type, and is sent as it is.
  const isMultipart =
    input.file.type.startsWith("multipart/form-data;") && accepted.includes("multipart/form-data");
  const type =
    accepted.includes(input.file.type) || isMultipart
      ? input.file.type
      : (accepted.find((t) => t === "application/octet-stream") ?? accepted[0] ?? "application/octet-stream");

  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(endpoint.method, requestUrl(endpoint.path, input.params, input.query));
    request.withCredentials = true;
    request.setRequestHeader("Accept", "application/json");
    request.setRequestHeader("Accept-Language", apiContext.language);
    request.setRequestHeader("Content-Type", type);
    if (apiContext.csrfToken) request.setRequestHeader("X-CSRF-Token", apiContext.csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) input.onProgress?.(event.loaded, event.total);
    };
    request.onerror = () => reject(new ApiError("NETWORK_ERROR", "", 0));
    request.onabort = () => reject(new DOMException("The upload was cancelled", "AbortError"));
    request.onload = () => {
      const payload = parseJson(request.responseText);
      if (request.status < 200 || request.status >= 300) {
        reject(apiErrorOf(endpoint, request.status, payload));
        return;
      }
      const parsed = endpoint.response.safeParse(payload);
      if (parsed.success) resolve(parsed.data as ResponseOf<E>);
      else reject(new ApiError("BAD_RESPONSE", "", request.status));
    };
    input.signal?.addEventListener("abort", () => request.abort(), { once: true });
    request.send(input.file);
  });
}
