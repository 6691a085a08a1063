import { open } from "node:fs/promises";
import { join } from "node:path";
import type { Queryable } from "../../db/db.js";
import type { HouseholdSnapshot } from "../households/household-present.js";
import type { ActiveHolder, ExistingHousehold } from "./roster-plan.js";
import type { RegionEntry } from "./roster-regions.js";
import type { RosterSource } from "./roster-source.js";

// The roster module's SQL: import records, and the set-based reads an import and an export need
// from the registry (households are written only through the household module's writeHouseholds).

/** The county and every township, village and group under it. */
export async function findCountyRegions(q: Queryable, countyCode: string): Promise<RegionEntry[]> {
  return q.query<RegionEntry>(
    `select code, name, level, parent_code as "parentCode" from region
     where code like $1 || '%' order by code`,
    [countyCode.slice(0, 6)],
  );
}

/** A county region by code or by name (names are unique among counties only most of the time). */
export async function findCounties(
  q: Queryable,
  codeOrName: string,
): Promise<{ code: string; name: string }[]> {
  return q.query(
    `select code, name from region where level = 'county' and (code = $1 or name = $1) order by code limit 5`,
    [codeOrName],
  );
}

/** The county's households with these numbers, each with its current version's snapshot. */
export async function findHouseholdsByNumbers(
  q: Queryable,
  countyCode: string,
  householdNumbers: readonly string[],
): Promise<Map<string, ExistingHousehold>> {
  const found = new Map<string, ExistingHousehold>();
  const CHUNK = 5_000;
  for (let i = 0; i < householdNumbers.length; i += CHUNK) {
    const rows = await q.query<{ id: string; version: number; householdNumber: string; snapshot: unknown }>(
      `select h.id, h.version, h.household_number as "householdNumber", v.snapshot
       from household h join household_version v on v.household_id = h.id and v.version = h.version
       where h.county_code = $1 and h.household_number = any($2::text[])`,
      [countyCode, householdNumbers.slice(i, i + CHUNK)],
    );
    for (const row of rows) {
      found.set(row.householdNumber, {
        id: row.id,
        version: row.version,
        snapshot: row.snapshot as HouseholdSnapshot,
      });
    }
  }
  return found;
}

/**
 * Active members holding the file's ID numbers anywhere but in the household the file puts them
 * in (`householdNumbers[i]` for `idNumbers[i]`, within `countyCode`): the people the file moves
 * between households, or claims while they live in a household it does not name.
 */
export async function findActiveHoldersElsewhere(
  q: Queryable,
  countyCode: string,
  idNumbers: readonly string[],
  householdNumbers: readonly string[],
): Promise<Map<string, ActiveHolder>> {
  const found = new Map<string, ActiveHolder>();
  const CHUNK = 10_000;
  for (let i = 0; i < idNumbers.length; i += CHUNK) {
    const rows = await q.query<ActiveHolder>(
      `select m.id_number as "idNumber", m.id as "memberId", h.household_number as "householdNumber",
         h.county_code as "countyCode"
       from unnest($1::text[], $2::text[]) as f(id_number, household_number)
       join member m on m.id_number = f.id_number and m.status = 'active'
       join household h on h.id = m.household_id
       where not (h.county_code = $3 and h.household_number = f.household_number)`,
      [idNumbers.slice(i, i + CHUNK), householdNumbers.slice(i, i + CHUNK), countyCode],
    );
    for (const row of rows) found.set(row.idNumber, row);
  }
  return found;
}

export type ImportStatus =
  | "validating"
  | "validated"
  | "rejected"
  | "committing"
  | "committed"
  | "failed"
  | "interrupted";

export interface ImportCounts {
  rowsTotal: number | null;
  rowsProcessed: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  problems: number;
  warnings: number;
}

export interface ImportRecord extends ImportCounts {
  id: string;
  countyCode: string;
  scopeCode: string;
  createdBy: string | null;
  createdByUsername: string | null;
  createdAt: Date;
  updatedAt: Date;
  committedAt: Date | null;
  fileName: string;
  fileSha256: string;
  fileSize: number;
  status: ImportStatus;
  isOnlyValid: boolean;
  message: string | null;
  hasErrorReport: boolean;
}

const RECORD_COLUMNS = `id, county_code as "countyCode", scope_code as "scopeCode", created_by as "createdBy",
  created_by_username as "createdByUsername", created_at as "createdAt", updated_at as "updatedAt",
  committed_at as "committedAt", file_name as "fileName", file_sha256 as "fileSha256", file_size as "fileSize",
  status, is_only_valid as "isOnlyValid", rows_total as "rowsTotal", rows_processed as "rowsProcessed",
  created_count as created, updated_count as updated, unchanged_count as unchanged, rejected_count as rejected,
  problem_count as problems, warning_count as warnings, message, error_report is not null as "hasErrorReport"`;

/** Records a new import and keeps its file until it is committed or abandoned. */
export async function insertImport(
  q: Queryable,
  record: {
    countyCode: string;
    scopeCode: string;
    createdBy: string | null;
    createdByUsername: string | null;
    fileName: string;
    fileSha256: string;
    fileSize: number;
    status: ImportStatus;
  },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into roster_import (county_code, scope_code, created_by, created_by_username, file_name, file_sha256,
       file_size, status)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [
      record.countyCode,
      record.scopeCode,
      record.createdBy,
      record.createdByUsername,
      record.fileName,
      record.fileSha256,
      record.fileSize,
      record.status,
    ],
  );
  return row!.id;
}

/** Moves an import on: status, counts, the problems to show and the error report. */
export async function updateImport(
  q: Queryable,
  id: string,
  change: Partial<ImportCounts> & {
    status?: ImportStatus;
    message?: string | null;
    problemList?: unknown[];
    errorReport?: Buffer | null;
    isOnlyValid?: boolean;
    isCommitted?: boolean;
  },
): Promise<void> {
  const sets: string[] = ["updated_at = now()"];
  const params: unknown[] = [id];
  const set = (column: string, value: unknown, cast = "") => {
    params.push(value);
    sets.push(`${column} = $${params.length}${cast}`);
  };
  if (change.status !== undefined) set("status", change.status);
  if (change.message !== undefined) set("message", change.message);
  if (change.rowsTotal !== undefined) set("rows_total", change.rowsTotal);
  if (change.rowsProcessed !== undefined) set("rows_processed", change.rowsProcessed);
  if (change.created !== undefined) set("created_count", change.created);
  if (change.updated !== undefined) set("updated_count", change.updated);
  if (change.unchanged !== undefined) set("unchanged_count", change.unchanged);
  if (change.rejected !== undefined) set("rejected_count", change.rejected);
  if (change.problems !== undefined) set("problem_count", change.problems);
  if (change.warnings !== undefined) set("warning_count", change.warnings);
  if (change.problemList !== undefined) set("problems", JSON.stringify(change.problemList), "::jsonb");
  if (change.errorReport !== undefined) set("error_report", change.errorReport);
  if (change.isOnlyValid !== undefined) set("is_only_valid", change.isOnlyValid);
  if (change.isCommitted) sets.push("committed_at = now()");
  await q.query(`update roster_import set ${sets.join(", ")} where id = $1`, params);
}

/** One import, with the problems kept for display. */
export async function findImport(
  q: Queryable,
  id: string,
): Promise<(ImportRecord & { problemList: unknown[] }) | undefined> {
  const rows = await q.query<ImportRecord & { problemList: unknown[] }>(
    `select ${RECORD_COLUMNS}, problems as "problemList" from roster_import where id = $1`,
    [id],
  );
  return rows[0];
}

/** Bytes per stored chunk of an uploaded file. */
const FILE_CHUNK = 1024 * 1024;

/** Keeps an uploaded file with its import (for the commit that follows validation), chunk by chunk. */
export async function insertImportFile(
  q: Queryable,
  importId: string,
  countyCode: string,
  position: number,
  source: RosterSource,
): Promise<void> {
  const size = await source.size();
  for (let chunk = 0; chunk * FILE_CHUNK < size || chunk === 0; chunk += 1) {
    const content = await source.read(chunk * FILE_CHUNK, FILE_CHUNK);
    await q.query(
      `insert into roster_import_file (import_id, county_code, position, file_name, chunk, content)
       values ($1, $2, $3, $4, $5, $6)`,
      [importId, countyCode, position, source.name, chunk, content],
    );
  }
}

/** Writes an import's kept files into `dir`, chunk by chunk; none when they are gone. */
export async function restoreImportFiles(
  q: Queryable,
  importId: string,
  dir: string,
): Promise<{ name: string; path: string }[]> {
  const parts = await q.query<{ position: number; fileName: string; chunks: number }>(
    `select position, min(file_name) as "fileName", count(*)::int as chunks from roster_import_file
     where import_id = $1 group by position order by position`,
    [importId],
  );
  const files: { name: string; path: string }[] = [];
  for (const part of parts) {
    const path = join(dir, String(part.position));
    const handle = await open(path, "w", 0o600);
    try {
      for (let chunk = 0; chunk < part.chunks; chunk += 1) {
        const [row] = await q.query<{ content: Uint8Array }>(
          "select content from roster_import_file where import_id = $1 and position = $2 and chunk = $3",
          [importId, part.position, chunk],
        );
        if (!row) throw new Error(`chunk ${chunk} of file ${part.position} of import ${importId} is missing`);
        await handle.write(row.content);
      }
    } finally {
      await handle.close();
    }
    files.push({ name: part.fileName, path });
  }
  return files;
}

/** Locks an import's row for the rest of the transaction: it is being committed, not interrupted. */
export async function lockImport(q: Queryable, id: string): Promise<void> {
  await q.query("select id from roster_import where id = $1 for update", [id]);
}

/** Forgets an import's uploaded files (after commit, or when abandoned). */
export async function deleteImportFile(q: Queryable, id: string): Promise<void> {
  await q.query("delete from roster_import_file where import_id = $1", [id]);
}

/** The error report of an import, if it has one. */
export async function findErrorReport(q: Queryable, id: string): Promise<Buffer | undefined> {
  const rows = await q.query<{ report: Uint8Array | null }>(
    "select error_report as report from roster_import where id = $1",
    [id],
  );
  return rows[0]?.report ? Buffer.from(rows[0].report) : undefined;
}

/** Imports started in a region (or below it), newest first, one page. */
export async function findImports(
  q: Queryable,
  scopePrefix: string,
  limit: number,
  offset: number,
): Promise<{ rows: ImportRecord[]; total: number }> {
  const rows = await q.query<ImportRecord>(
    `select ${RECORD_COLUMNS} from roster_import where scope_code like $1 || '%'
     order by created_at desc, id limit $2 offset $3`,
    [scopePrefix, limit, offset],
  );
  const [count] = await q.query<{ total: number }>(
    "select count(*)::int as total from roster_import where scope_code like $1 || '%'",
    [scopePrefix],
  );
  return { rows, total: count?.total ?? 0 };
}

/**
 * Marks imports left running by a process that stopped (their transactions never committed) and
 * forgets their uploaded files: an interrupted import is uploaded again. An import whose commit is
 * running right now in another process (the CLI, on PostgreSQL) holds its row locked and is left alone.
 */
export async function markInterruptedImports(q: Queryable): Promise<number> {
  const rows = await q.query<{ id: string }>(
    `update roster_import set status = 'interrupted', updated_at = now(),
       message = '服务器在导入过程中停止，导入未完成；数据库未被改动，请重新导入'
     where id in (select id from roster_import where status in ('validating', 'committing') for update skip locked)
     returning id`,
  );
  if (rows.length > 0) {
    await q.query("delete from roster_import_file where import_id = any($1::uuid[])", [
      rows.map((r) => r.id),
    ]);
  }
  return rows.length;
}

/** The current snapshot of each household, in the order of `ids`. */
export async function findSnapshots(q: Queryable, ids: readonly string[]): Promise<HouseholdSnapshot[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<{ id: string; snapshot: HouseholdSnapshot }>(
    `select h.id, v.snapshot from household h
     join household_version v on v.household_id = h.id and v.version = h.version
     where h.id = any($1::uuid[])`,
    [ids],
  );
  const byId = new Map(rows.map((row) => [row.id, row.snapshot]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}
