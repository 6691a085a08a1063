import { Suspense } from "react";
import { PhoneRoot } from "../modules/visits/components/PhoneRoot.js";
import { isPhonePath } from "../modules/visits/utils/isPhonePath.js";
import { lazyPage } from "./lazyPage.js";

// The phone mode (/phone, opened from a QR code on a slow connection) is the app's light entry: its
// first screens (sign-in, forced password change, my households) use no Ant Design, so a phone
// downloads under 200 KB of JavaScript before it can work. The desk app, with Ant Design and every
// module, is a chunk of its own that only the other addresses load.
const DesktopApp = lazyPage(() => import("./DesktopApp.js"), "DesktopApp");

/** The Bangfu web app. */
export function App() {
  if (isPhonePath(window.location.pathname)) return <PhoneRoot />;
  return (
    <Suspense fallback={null}>
      <DesktopApp />
    </Suspense>
  );
}
