import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BriefingDetail } from "../../../shared/api/briefings.api.js";
import { householdDraft, otherJingVillage, poorHouseholdDraft } from "../../test/household-factory.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  signIn,
  type TestAgent,
  type TestApp,
} from "../../test/test-app.js";

// Briefings: written from the dashboard's figures to the unit, edited, issued with the next
// number and frozen; the PDF carries its Chinese text as glyphs (read back by OCR from a
// rendering of the page), the Word document carries it as text.

let t: TestApp;
let admin: TestAgent;
let villageB = "";

async function create(body: Record<string, unknown> = {}) {
  const response = await admin.request("POST", "/api/briefings", {
    regionCode: JING_COUNTY,
    title: "全县脱贫攻坚工作进展情况",
    periodStart: "2020-03-01",
    periodEnd: "2020-03-31",
    sections: ["registry", "causes", "guarantees", "income", "caseworkers"],
    ...body,
  });
  return {
    status: response.statusCode,
    json: response.json() as BriefingDetail & { error?: { code: string } },
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const user = await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY });
  admin = await signIn(t.app, user.username);
  ({ village: villageB } = await otherJingVillage(t.db));
  for (const draft of [householdDraft(), householdDraft(), poorHouseholdDraft(villageB)]) {
    const response = await admin.request("POST", "/api/households", { household: draft });
    expect(response.statusCode, response.body).toBe(200);
  }
});
afterAll(() => t.close());

describe("writing a briefing from the figures", () => {
  it("fills every section with the registry's numbers in the office's sentences", async () => {
    const { status, json } = await create();
    expect(status, JSON.stringify(json)).toBe(200);
    expect(json).toMatchObject({ status: "draft", issueNumber: null, regionName: "泾县", version: 1 });
    const text = Object.fromEntries(json.sections.map((s) => [s.key, s.text]));
    expect(text.registry).toMatch(
      /^截至\d{4}年\d{1,2}月\d{1,2}日，泾县共有建档立卡贫困户3户12人，其中未脱贫1户4人，已脱贫2户8人。/,
    );
    expect(text.registry).toContain("一般贫困户2户8人、低保贫困户1户4人");
    expect(text.registry).toContain("2019年2户8人");
    expect(text.causes).toContain("因病致贫2户8人，占66.7%；因残致贫1户4人，占33.3%");
    expect(text.guarantees).toContain("不愁吃、不愁穿1户");
    expect(text.income).toContain("低于4000元的1户4人，占33.3%");
    expect(text.caseworkers).toContain("已落实帮扶责任人的0户，覆盖率0.0%（0/3），尚有3户未落实帮扶责任人");
    expect(json.sections.map((s) => s.key)).toEqual([
      "registry",
      "causes",
      "guarantees",
      "income",
      "caseworkers",
    ]);
  });

  it("writes only the sections asked for, and refuses a period that ends before it starts", async () => {
    const { json } = await create({ sections: ["caseworkers", "registry"] });
    expect(json.sections.map((s) => s.key)).toEqual(["registry", "caseworkers"]);
    expect((await create({ periodStart: "2020-04-01", periodEnd: "2020-03-01" })).status).toBe(400);
    expect((await create({ sections: [] })).status).toBe(400);
    expect((await create({ sections: ["registry", "registry"] })).status).toBe(400);
  });
});

describe("editing and issuing", () => {
  it("edits a draft once per version, issues it as the next number, then freezes it", async () => {
    const { json: draft } = await create();
    const sections = draft.sections.map((s) =>
      s.key === "registry" ? { ...s, text: `${s.text}\n\n全县上下共同努力。` } : s,
    );
    const edited = await admin.request("PUT", `/api/briefings/${draft.id}`, {
      title: "三月工作简报",
      sections,
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((edited.json() as BriefingDetail).version).toBe(2);
    const stale = await admin.request("PUT", `/api/briefings/${draft.id}`, {
      title: "晚了",
      sections,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);

    const issue = (id: string, version: number) =>
      admin.request("POST", `/api/briefings/${id}/issue`, {
        issuedOn: "2020-03-31",
        issuingOffice: "泾县扶贫开发领导小组办公室",
        distribution: "县委、县政府主要领导，各乡镇党委、政府",
        version,
      });
    const issued = await issue(draft.id, 2);
    expect(issued.statusCode, issued.body).toBe(200);
    const first = issued.json() as BriefingDetail;
    expect(first).toMatchObject({ status: "issued", issueYear: 2020, issuedOn: "2020-03-31" });
    const { json: second } = await create();
    const next = (await issue(second.id, 1)).json() as BriefingDetail;
    expect(next.issueNumber).toBe(first.issueNumber! + 1);

    const frozen = await admin.request("PUT", `/api/briefings/${draft.id}`, {
      title: "改",
      sections,
      version: 3,
    });
    expect(frozen.statusCode).toBe(409);
    expect((frozen.json() as { error: { code: string } }).error.code).toBe("BRIEFING_ISSUED");
    expect((await issue(draft.id, 3)).statusCode).toBe(409);
    // Not even a statement behind the application's back changes it.
    await expect(t.db.query("update briefing set title = 'x' where id = $1", [draft.id])).rejects.toThrow(
      /issued/,
    );
    await expect(t.db.query("delete from briefing where id = $1", [draft.id])).rejects.toThrow(/issued/);

    const list = (await admin.request("GET", "/api/briefings?status=issued")).json() as {
      rows: { id: string }[];
      total: number;
    };
    expect(list.rows.map((r) => r.id)).toEqual([second.id, draft.id]);
    expect(list.total).toBe(2);
  });
});

describe("the printed briefing", () => {
  let issued: BriefingDetail;
  beforeAll(async () => {
    const { json } = await create({ title: "疫情防控和脱贫攻坚工作简报", sections: ["registry"] });
    const response = await admin.request("POST", `/api/briefings/${json.id}/issue`, {
      issuedOn: "2020-04-02",
      issuingOffice: "泾县扶贫办",
      distribution: "县委办、县政府办",
      version: 1,
    });
    issued = response.json() as BriefingDetail;
  });

  it("renders a PDF whose Chinese text is drawn, not boxes (read back by OCR)", async () => {
    const response = await admin.request("GET", `/api/briefings/${issued.id}/pdf`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toContain("application/pdf");
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const dir = await mkdtemp(join(tmpdir(), "briefing-pdf-"));
    try {
      await writeFile(join(dir, "b.pdf"), pdf);
      // The font is embedded (a subset), and the text layer holds the Chinese text.
      expect(execFileSync("pdffonts", [join(dir, "b.pdf")]).toString()).toMatch(/yes\s+yes\s+(yes|no)/);
      const text = execFileSync("pdftotext", ["-layout", join(dir, "b.pdf"), "-"]).toString();
      expect(text).toContain("泾县扶贫办简报");
      expect(text).toContain(`第${issued.issueNumber}期`);
      // Rendered to an image and read back: glyphs, not empty boxes.
      execFileSync("pdftoppm", [
        "-r",
        "150",
        "-png",
        "-f",
        "1",
        "-l",
        "1",
        join(dir, "b.pdf"),
        join(dir, "page"),
      ]);
      const ocr = execFileSync("tesseract", [join(dir, "page-1.png"), "-", "-l", "chi_sim", "--psm", "4"], {
        stdio: ["ignore", "pipe", "ignore"],
      })
        .toString()
        .replace(/\s+/g, "");
      expect(ocr).toContain("简报");
      expect(ocr).toContain("建档立卡");
      expect(ocr).toContain("疫情防控");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("writes a Word document with the same text", async () => {
    const response = await admin.request("GET", `/api/briefings/${issued.id}/docx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-disposition"]).toContain(".docx");
    // A .docx is a zip: read word/document.xml with the zip reader exceljs already brings.
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(response.rawPayload);
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain("泾县扶贫办简报");
    expect(text).toContain(`第${issued.issueNumber}期`);
    expect(text).toContain("疫情防控和脱贫攻坚工作简报");
    expect(text).toContain("分送：县委办、县政府办");
  });
});

describe("who writes and reads briefings", () => {
  it("lets a township officer read their township's only, and only administrators write", async () => {
    const officer = await signIn(
      t.app,
      (await createUserFixture(t.db, { role: "township_officer", regionCode: "341823100000" })).username,
    );
    const { json: county } = await create();
    expect((await officer.request("GET", `/api/briefings/${county.id}`)).statusCode).toBe(403);
    expect(((await officer.request("GET", "/api/briefings")).json() as { total: number }).total).toBe(0);
    const written = await officer.request("POST", "/api/briefings", {
      regionCode: "341823100000",
      title: "乡镇简报",
      periodStart: "2020-03-01",
      periodEnd: "2020-03-31",
      sections: ["registry"],
    });
    expect(written.statusCode).toBe(403);
    const { json: township } = await create({ regionCode: "341823100000" });
    expect((await officer.request("GET", `/api/briefings/${township.id}`)).statusCode).toBe(200);
    expect((await officer.request("GET", `/api/briefings/${township.id}/pdf`)).statusCode).toBe(200);
  });
});
