import { AppProviders } from "./AppProviders.js";
import { AppRoutes } from "./AppRoutes.js";

/** The Bangfu web app. */
export function App() {
  return (
    <AppProviders>
      <AppRoutes />
    </AppProviders>
  );
}
