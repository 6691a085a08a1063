import { normaliseText } from "../../../shared/roster/roster-values.js";

// Places named in a roster (乡镇, 行政村, 自然村/组) found in the county's region tree. Official
// names carry suffixes that sheets drop or vary (城南居委会 / 城南社区 / 城南村), so a name is
// matched exactly first and then by its core, and only when that core is unambiguous.

export interface RegionEntry {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

const SUFFIXES = /(村民委员会|居民委员会|社区居委会|村委会|居委会|委员会|街道办事处|办事处)$/;

/** A place name without its administrative suffix: 城南居委会 → 城南, 泾川镇 → 泾川. */
export function coreName(name: string): string {
  let core = normaliseText(name).replace(SUFFIXES, "");
  const shorter = core.replace(/(社区|村|镇|乡|街道)$/, "");
  if (shorter.length >= 2) core = shorter;
  return core;
}

export type RegionMatch = { ok: true; code: string; name: string } | { ok: false; reason: string };

/** The county's townships, villages and groups, searchable by name under a parent. */
export class RegionIndex {
  private readonly byParent = new Map<string, RegionEntry[]>();
  private readonly byCode = new Map<string, RegionEntry>();
  /** Names already looked up: a roster names the same few hundred places on every row. */
  private readonly matches = new Map<string, RegionMatch>();

  constructor(
    readonly countyCode: string,
    readonly countyName: string,
    regions: readonly RegionEntry[],
  ) {
    for (const region of regions) {
      this.byCode.set(region.code, region);
      const key = region.parentCode ?? "";
      const list = this.byParent.get(key) ?? [];
      list.push(region);
      this.byParent.set(key, list);
    }
  }

  private descendants(parentCode: string, level: string): RegionEntry[] {
    const result: RegionEntry[] = [];
    const walk = (code: string) => {
      for (const child of this.byParent.get(code) ?? []) {
        if (child.level === level) result.push(child);
        else walk(child.code);
      }
    };
    walk(parentCode);
    return result;
  }

  private pick(candidates: readonly RegionEntry[], name: string, what: string, where: string): RegionMatch {
    const exact = candidates.filter((r) => normaliseText(r.name) === normaliseText(name));
    const found = exact.length > 0 ? exact : candidates.filter((r) => coreName(r.name) === coreName(name));
    if (found.length === 1) return { ok: true, code: found[0]!.code, name: found[0]!.name };
    if (found.length > 1) {
      return {
        ok: false,
        reason: `${where}有${found.length}个名为“${name}”的${what}，请同时填写乡（镇）以区分`,
      };
    }
    return { ok: false, reason: `${where}没有名为“${name}”的${what}` };
  }

  /** Whether a county name in a file names this county. */
  isThisCounty(name: string): boolean {
    return (
      normaliseText(name) === normaliseText(this.countyName) || coreName(name) === coreName(this.countyName)
    );
  }

  private remembered(key: string, find: () => RegionMatch): RegionMatch {
    let match = this.matches.get(key);
    if (!match) {
      match = find();
      if (this.matches.size >= 100_000) this.matches.clear();
      this.matches.set(key, match);
    }
    return match;
  }

  /** The township named, within the county. */
  township(name: string): RegionMatch {
    return this.remembered(`t\u0000${name}`, () =>
      this.pick(this.descendants(this.countyCode, "township"), name, "乡（镇）", this.countyName),
    );
  }

  /** The village named, within the township when one is given, else anywhere in the county. */
  village(name: string, township?: { code: string; name: string }): RegionMatch {
    const parent = township ?? { code: this.countyCode, name: this.countyName };
    return this.remembered(`v\u0000${parent.code}\u0000${parent.name}\u0000${name}`, () =>
      this.pick(this.descendants(parent.code, "village"), name, "行政村", parent.name),
    );
  }

  /** The village group (自然村/村民小组) named, within the village. */
  group(name: string, village: { code: string; name: string }): RegionMatch {
    return this.remembered(`g\u0000${village.code}\u0000${village.name}\u0000${name}`, () =>
      this.pick(this.byParent.get(village.code) ?? [], name, "村民小组（自然村）", village.name),
    );
  }

  /** The names of a region's township, village and group, for the export's columns. */
  namesOf(code: string): { township: string; village: string; group: string } {
    const names = { township: "", village: "", group: "" };
    let region = this.byCode.get(code);
    while (region) {
      if (region.level === "township") names.township = region.name;
      if (region.level === "village") names.village = region.name;
      if (region.level === "group") names.group = region.name;
      region = region.parentCode ? this.byCode.get(region.parentCode) : undefined;
    }
    return names;
  }
}
