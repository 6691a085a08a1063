import { useMediaQuery } from "./useMediaQuery.js";

/** Whether the screen is narrower than 768 px (phones): known at the first render, unlike Grid.useBreakpoint. */
export function useIsMobile(): boolean {
  return useMediaQuery("(max-width: 767.98px)");
}
