import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/ApiError.js";

/** Server-state cache: retries only what may succeed on a second try (network trouble, 5xx). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          failureCount < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
