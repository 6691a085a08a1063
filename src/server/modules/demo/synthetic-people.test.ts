import { describe, expect, it } from "vitest";
import { parseIdNumber } from "../../../shared/id-number.js";
import { createRandom, SURNAMES, syntheticPerson, YI_SURNAMES } from "./synthetic-people.js";

/** Age in whole years on `on`, both YYYY-MM-DD. */
function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

describe("createRandom", () => {
  it("repeats its sequence for the same seed and differs for another", () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 20 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("stays in range and covers it", () => {
    const random = createRandom(7);
    const ints = new Set<number>();
    for (let i = 0; i < 2000; i += 1) {
      const x = random.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = random.int(-2, 3);
      expect(Number.isInteger(n) && n >= -2 && n <= 3).toBe(true);
      ints.add(n);
    }
    expect([...ints].sort()).toEqual([-1, -2, 0, 1, 2, 3]);
    expect(["a", "b", "c"]).toContain(random.pick(["a", "b", "c"]));
    expect(() => random.pick([])).toThrow();
  });
});

describe("syntheticPerson", () => {
  const options = { countyCode6: "341823", referenceDate: "2020-01-01" };

  it("is reproducible from the seed", () => {
    const make = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 50 }, () => syntheticPerson(random, options));
    };
    expect(make(42)).toEqual(make(42));
    expect(make(42)).not.toEqual(make(43));
  });

  it("carries ID numbers that parse and agree with the birth date, sex, county and age range", () => {
    const random = createRandom(1);
    const sexes = new Set<string>();
    for (let i = 0; i < 1000; i += 1) {
      const person = syntheticPerson(random, { ...options, minAge: 16, maxAge: 60 });
      expect(parseIdNumber(person.idNumber), person.idNumber).toEqual({
        ok: true,
        idNumber: person.idNumber,
        birthDate: person.birthDate,
        sex: person.sex,
        regionCode6: "341823",
      });
      const age = ageOn(person.birthDate, options.referenceDate);
      expect(age >= 16 && age <= 60, `${person.birthDate} is ${age}`).toBe(true);
      expect(person.idNumber.slice(14, 17)).not.toBe("000");
      expect(person.phone).toMatch(/^170\d{8}$/);
      expect(person.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(SURNAMES).toContain(person.name[0]);
      sexes.add(person.sex);
    }
    expect(sexes).toEqual(new Set(["male", "female"]));
  });

  it("reaches both ends of the age range, including on a leap day", () => {
    for (const referenceDate of ["2020-01-01", "2024-02-29"]) {
      const random = createRandom(3);
      const ages = new Set<number>();
      for (let i = 0; i < 3000; i += 1) {
        const person = syntheticPerson(random, {
          countyCode6: "511421",
          referenceDate,
          minAge: 5,
          maxAge: 6,
        });
        expect(parseIdNumber(person.idNumber, new Date(`${referenceDate}T00:00:00Z`)).ok).toBe(true);
        ages.add(ageOn(person.birthDate, referenceDate));
      }
      expect([...ages].sort()).toEqual([5, 6]);
    }
  });

  it("can be born on the reference date itself when the minimum age is 0", () => {
    const random = createRandom(5);
    const births = Array.from(
      { length: 2000 },
      () => syntheticPerson(random, { ...options, minAge: 0, maxAge: 0 }).birthDate,
    );
    expect(births.every((date) => date > "2019-01-01" && date <= "2020-01-01")).toBe(true);
    expect(births).toContain("2020-01-01");
    expect(births).toContain("2019-01-02");
  });

  it("honours a requested sex and family surname", () => {
    const random = createRandom(9);
    for (let i = 0; i < 100; i += 1) {
      const woman = syntheticPerson(random, { ...options, sex: "female", surname: "汪" });
      expect(woman.sex).toBe("female");
      expect(woman.name.startsWith("汪")).toBe(true);
      expect(Number(woman.idNumber[16]) % 2).toBe(0);
      const man = syntheticPerson(random, { ...options, sex: "male" });
      expect(Number(man.idNumber[16]) % 2).toBe(1);
    }
  });

  it("gives some Yi clan names in Ebian and Mabian only", () => {
    const yiShare = (countyCode6: string) => {
      const random = createRandom(11);
      const names = Array.from(
        { length: 400 },
        () => syntheticPerson(random, { ...options, countyCode6 }).name,
      );
      return (
        names.filter(
          // Yi names are a two-character clan name and a two-character given name; Han ones (马海…) are shorter.
          (name) => name.length === 4 && YI_SURNAMES.some((surname) => name.startsWith(surname)),
        ).length / names.length
      );
    };
    expect(yiShare("511132")).toBeGreaterThan(0.3);
    expect(yiShare("511133")).toBeGreaterThan(0.3);
    expect(yiShare("341823")).toBe(0);
    const random = createRandom(12);
    expect(syntheticPerson(random, { ...options, surname: "吉克" }).name).toMatch(/^吉克[\u4e00-\u9fff]{2}$/);
  });

  it("never gives a birth date before 1900 and refuses impossible options", () => {
    const random = createRandom(13);
    for (let i = 0; i < 200; i += 1) {
      const person = syntheticPerson(random, { ...options, minAge: 110, maxAge: 130 });
      expect(person.birthDate >= "1900-01-01").toBe(true);
      expect(parseIdNumber(person.idNumber).ok).toBe(true);
    }
    expect(() => syntheticPerson(random, { ...options, minAge: 30, maxAge: 20 })).toThrow(/No birth date/);
    expect(() => syntheticPerson(random, { ...options, referenceDate: "2020-02-30x" })).toThrow(
      /reference date/,
    );
    expect(() => syntheticPerson(random, { ...options, countyCode6: "3418" })).toThrow(/county code/);
  });
});
