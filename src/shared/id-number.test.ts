import { describe, expect, it } from "vitest";
import { idNumberChecksum, maskIdNumber, maskPhone, parseIdNumber } from "./id-number.js";

const TODAY = new Date("2026-11-22T00:00:00Z");
const withChecksum = (first17: string) => first17 + idNumberChecksum(first17);

describe("idNumberChecksum", () => {
  it("matches the published GB 11643-1999 examples", () => {
    expect(idNumberChecksum("11010519491231002")).toBe("X");
    expect(idNumberChecksum("44052418800101001")).toBe("4");
  });

  it("yields every one of the 11 check characters", () => {
    const chars = new Set<string>();
    for (let sequence = 0; sequence < 100; sequence += 1) {
      chars.add(idNumberChecksum(`341823199001010${String(sequence).padStart(2, "0")}`));
    }
    expect([...chars].sort()).toEqual([..."0123456789X"].sort());
  });
});

describe("parseIdNumber", () => {
  it("accepts the published example and reads its fields", () => {
    expect(parseIdNumber("11010519491231002X", TODAY)).toEqual({
      ok: true,
      idNumber: "11010519491231002X",
      birthDate: "1949-12-31",
      sex: "female",
      regionCode6: "110105",
    });
    expect(parseIdNumber("11010519491231002x", TODAY)).toMatchObject({
      ok: true,
      idNumber: "11010519491231002X",
    });
  });

  it("reads the sex from the seventeenth digit", () => {
    const man = withChecksum("34182319850614123");
    const woman = withChecksum("34182319850614124");
    expect(parseIdNumber(man, TODAY)).toMatchObject({ ok: true, sex: "male", birthDate: "1985-06-14" });
    expect(parseIdNumber(woman, TODAY)).toMatchObject({ ok: true, sex: "female", regionCode6: "341823" });
  });

  it("rejects a wrong check character", () => {
    const valid = withChecksum("51142120010203456");
    const wrong = valid.slice(0, 17) + (valid[17] === "0" ? "1" : "0");
    expect(parseIdNumber(valid, TODAY).ok).toBe(true);
    expect(parseIdNumber(wrong, TODAY)).toEqual({ ok: false, reason: "checksum" });
    expect(parseIdNumber("110105194912310021", TODAY)).toEqual({ ok: false, reason: "checksum" });
    // A single mistyped digit is always caught.
    expect(parseIdNumber("11010519491231003X", TODAY)).toEqual({ ok: false, reason: "checksum" });
  });

  it("rejects text that is not an ID number", () => {
    for (const bad of [
      "",
      "1101051949123100",
      "11010519491231002XX",
      "1101051949123100X2",
      "11010519491231002Y",
    ]) {
      expect(parseIdNumber(bad, TODAY), bad).toEqual({ ok: false, reason: "format" });
    }
    expect(parseIdNumber("11010549123100X", TODAY)).toEqual({ ok: false, reason: "format" });
  });

  it("rejects birth dates that are not real calendar dates", () => {
    for (const date of ["19900230", "19900229", "19901301", "19900001", "19900431", "19900100"]) {
      expect(parseIdNumber(withChecksum(`341823${date}123`), TODAY), date).toEqual({
        ok: false,
        reason: "birth_date",
      });
    }
    expect(parseIdNumber(withChecksum("34182320000229123"), TODAY)).toMatchObject({
      ok: true,
      birthDate: "2000-02-29",
    });
  });

  it("rejects birth dates in the future or before 1900", () => {
    expect(parseIdNumber(withChecksum("34182320261123123"), TODAY)).toEqual({
      ok: false,
      reason: "birth_date",
    });
    expect(parseIdNumber(withChecksum("34182320261122123"), TODAY)).toMatchObject({ ok: true });
    expect(parseIdNumber(withChecksum("34182318991231123"), TODAY)).toEqual({
      ok: false,
      reason: "birth_date",
    });
    expect(parseIdNumber(withChecksum("34182319000101123"), TODAY)).toMatchObject({ ok: true });
  });

  it("converts legacy 15-digit numbers to 18 characters", () => {
    // 15 digits: region, yymmdd, sequence; the 18-digit form inserts 19 and appends the checksum.
    expect(parseIdNumber("110105491231002", TODAY)).toEqual({
      ok: true,
      idNumber: "11010519491231002X",
      birthDate: "1949-12-31",
      sex: "female",
      regionCode6: "110105",
    });
    expect(parseIdNumber("341823850614123", TODAY)).toMatchObject({
      ok: true,
      idNumber: withChecksum("34182319850614123"),
      sex: "male",
    });
    expect(parseIdNumber("341823850230123", TODAY)).toEqual({ ok: false, reason: "birth_date" });
  });

  it("accepts full-width digits and Ｘ and surrounding or grouping spaces", () => {
    expect(parseIdNumber("１１０１０５１９４９１２３１００２Ｘ", TODAY)).toMatchObject({
      ok: true,
      idNumber: "11010519491231002X",
    });
    expect(parseIdNumber("１１０１０５１９４９１２３１００２ｘ", TODAY)).toMatchObject({ ok: true });
    expect(parseIdNumber("  11010519491231002X \t", TODAY)).toMatchObject({
      ok: true,
      idNumber: "11010519491231002X",
    });
    expect(parseIdNumber("110105 19491231 002X", TODAY)).toMatchObject({ ok: true });
    expect(parseIdNumber("\u3000110105491231002\u3000", TODAY)).toMatchObject({ ok: true });
  });

  it("checks against the current date by default", () => {
    expect(parseIdNumber("11010519491231002X")).toMatchObject({ ok: true });
    expect(parseIdNumber(withChecksum("34182329990101123"))).toEqual({ ok: false, reason: "birth_date" });
  });
});

describe("maskIdNumber", () => {
  it("keeps the region digits and the last four characters", () => {
    expect(maskIdNumber("34182319850614123X")).toBe("341823********123X");
    expect(maskIdNumber("11010519491231002X")).toBe("110105********002X");
  });

  it("masks legacy and odd-length text without revealing more", () => {
    expect(maskIdNumber("110105491231002")).toBe("110105*****1002");
    expect(maskIdNumber("123456789")).toBe("*********");
    expect(maskIdNumber("")).toBe("");
  });
});

describe("maskPhone", () => {
  it("hides the middle four digits of a mobile number", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("17000000001")).toBe("170****0001");
  });

  it("keeps the first three and last two characters of other numbers", () => {
    expect(maskPhone("05634567890")).toBe("056******90");
    expect(maskPhone("0563-4567890")).toBe("056*******90");
    expect(maskPhone("123456")).toBe("123*56");
    expect(maskPhone("12345")).toBe("*****");
    expect(maskPhone("")).toBe("");
  });
});
