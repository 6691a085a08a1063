import type { ReactNode } from "react";
import { PhoneLanguageSwitch } from "./PhoneLanguageSwitch.js";

/** The frame of the phone's sign-in and password screens: a card in the middle, the language switch above. */
export function PhoneSheet({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
}) {
  return (
    <div className="phone" style={{ padding: 16 }}>
      <div style={{ display: "flex", justifyContent: "flex-end", maxWidth: 420, margin: "0 auto" }}>
        <PhoneLanguageSwitch />
      </div>
      <main className="phone-sheet">
        <h1>{title}</h1>
        <p className="phone-secondary" style={{ margin: "0 0 24px" }}>
          {subtitle}
        </p>
        {children}
      </main>
    </div>
  );
}
