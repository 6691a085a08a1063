import { AppProviders } from "./AppProviders.js";
import { AppRoutes } from "./AppRoutes.js";

/** The desk app: Ant Design frame, side menu and every module's pages (each loaded with its route). */
export function DesktopApp() {
  return (
    <AppProviders>
      <AppRoutes />
    </AppProviders>
  );
}
