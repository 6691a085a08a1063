import { useMediaQuery } from "./useMediaQuery.js";

/**
 * Whether the user asked the system for less motion (also the choice of many cheap phones' power
 * savers): Ant Design's animations are then switched off, and dialogs and lists appear at once.
 */
export function usePrefersReducedMotion(): boolean {
  return useMediaQuery("(prefers-reduced-motion: reduce)");
}
