import { QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { BrowserRouter, Route, Routes, useLocation } from "react-router";
import { createQueryClient } from "../../../app/createQueryClient.js";
import { I18nProvider } from "../../../i18n/I18nProvider.js";
import { useSessionEvents } from "../../session/hooks/useSessionEvents.js";
import { PhoneApp } from "./PhoneApp.js";

/**
 * The phone mode opened directly (a QR code, a bookmark): language, server-state cache and router
 * without the desk app's Ant Design frame. An address outside /phone loads the desk app.
 */
export function PhoneRoot() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <BrowserRouter>
          <PhoneRoutes />
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  );
}

function PhoneRoutes() {
  useSessionEvents();
  return (
    <Routes>
      <Route path="/phone/*" element={<PhoneApp />} />
      <Route path="*" element={<OpenDeskApp />} />
    </Routes>
  );
}

// Leaving the phone mode (a link to the desk) loads the page afresh, with the desk app.
function OpenDeskApp() {
  const location = useLocation();
  useEffect(() => {
    window.location.assign(`${location.pathname}${location.search}${location.hash}`);
  }, [location]);
  return null;
}
