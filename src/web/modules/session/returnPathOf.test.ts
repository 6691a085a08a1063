import { describe, expect, it } from "vitest";
import { returnPathOf } from "./returnPathOf.js";

describe("returnPathOf", () => {
  it("keeps an address inside the app, query included (a QR code's list)", () => {
    expect(returnPathOf({ from: "/phone?village=341823100001" })).toBe("/phone?village=341823100001");
    expect(returnPathOf({ from: "/households/1" })).toBe("/households/1");
  });

  it("refuses the sign-in and password screens, other sites and anything else", () => {
    expect(returnPathOf({ from: "/login" })).toBeUndefined();
    expect(returnPathOf({ from: "/change-password" })).toBeUndefined();
    expect(returnPathOf({ from: "//evil.example/phone" })).toBeUndefined();
    expect(returnPathOf({ from: "https://evil.example/" })).toBeUndefined();
    expect(returnPathOf({ from: 3 })).toBeUndefined();
    expect(returnPathOf(null)).toBeUndefined();
    expect(returnPathOf(undefined)).toBeUndefined();
  });
});
