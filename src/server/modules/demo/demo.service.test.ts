import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseIdNumber } from "../../../shared/id-number.js";
import type { Db } from "../../db/db.js";
import { createTestDb } from "../../test/test-db.js";
import { verifyAuditTrail } from "../audit/audit-verify.js";
import { ensureDemoCounty } from "./demo.service.js";
import { createRandom, syntheticPerson } from "./synthetic-people.js";

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe("demo county", () => {
  it("loads the county's villages and clearly marked demo staff, once", async () => {
    const first = await ensureDemoCounty(db, { countyCode: "341823000000", seed: 7 });
    expect(first).toMatchObject({ countyName: "泾县", townships: 11, villages: 127 });
    expect(first.usersCreated).toContain("d341823.admin");
    const users = await db.query<{ username: string; name: string; isDemo: boolean; role: string }>(
      `select username, display_name as name, is_demo as "isDemo", role from app_user order by username`,
    );
    expect(users.length).toBe(first.usersCreated.length);
    expect(
      users.every((u) => u.isDemo && u.username.startsWith("d341823.") && u.name.endsWith("（演示）")),
    ).toBe(true);
    expect(new Set(users.map((u) => u.role))).toEqual(
      new Set([
        "administrator",
        "leader",
        "department_officer",
        "township_officer",
        "village_cadre",
        "caseworker",
      ]),
    );
    const again = await ensureDemoCounty(db, { countyCode: "341823000000", seed: 7 });
    expect(again.usersCreated).toEqual([]);
    expect((await verifyAuditTrail(db)).problems).toEqual([]);
  });
});

describe("synthetic people", () => {
  it("are reproducible from the seed", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const options = { countyCode6: "341823", referenceDate: "2020-01-01" };
    expect(Array.from({ length: 5 }, () => syntheticPerson(a, options))).toEqual(
      Array.from({ length: 5 }, () => syntheticPerson(b, options)),
    );
  });

  it("carry valid ID numbers that agree with their birth date, sex and county", () => {
    const random = createRandom(1);
    for (let i = 0; i < 1000; i += 1) {
      const person = syntheticPerson(random, {
        countyCode6: "511421",
        referenceDate: "2020-01-01",
        minAge: 0,
        maxAge: 95,
      });
      const parsed = parseIdNumber(person.idNumber);
      expect(parsed).toMatchObject({
        ok: true,
        birthDate: person.birthDate,
        sex: person.sex,
        regionCode6: "511421",
      });
      expect(person.phone).toMatch(/^170\d{8}$/);
      expect(person.name.length).toBeGreaterThanOrEqual(2);
    }
  });
});
