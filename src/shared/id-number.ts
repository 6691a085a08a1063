// Resident identity numbers (公民身份号码, GB 11643-1999): 6-digit region, 8-digit birth date,
// 3-digit sequence (odd for men, even for women), 1 check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";

/** The check character (0-9 or X) for the first 17 digits of an ID number. */
export function idNumberChecksum(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type ParsedIdNumber =
  | { ok: true; idNumber: string; birthDate: string; sex: "male" | "female"; regionCode6: string }
  | { ok: false; reason: "format" | "checksum" | "birth_date" };

/** Full-width digits and letters (as typed with a Chinese IME) to half-width, spaces removed. */
function normalise(text: string): string {
  // Most numbers come as typed in half-width: nothing to change.
  if (/^\d{17}[\dX]$/.test(text)) return text;
  return text
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (char) =>
      String.fromCharCode(char.charCodeAt(0) - 0xfee0),
    )
    .replace(/[\s\u3000]/g, "")
    .toUpperCase();
}

/** The birth date's time when it is a real date from 1900 on, else undefined. */
function realDateTime(year: number, month: number, day: number): number | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  const isReal =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    year >= 1900;
  return isReal ? date.getTime() : undefined;
}

type Parsed =
  | Extract<ParsedIdNumber, { ok: false }>
  | { ok: "born"; parsed: Extract<ParsedIdNumber, { ok: true }>; bornAt: number };

/** Everything about an ID number but whether its birth date has come (which depends on the day asked). */
function parseUndated(text: string): Parsed {
  let id = normalise(text);
  if (/^\d{15}$/.test(id)) {
    const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
    id = first17 + idNumberChecksum(first17);
  } else if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, reason: "format" };
  } else if (idNumberChecksum(id.slice(0, 17)) !== id[17]) {
    return { ok: false, reason: "checksum" };
  }
  const bornAt = realDateTime(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)));
  if (bornAt === undefined) return { ok: false, reason: "birth_date" };
  const parsed = {
    ok: true as const,
    idNumber: id,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? ("male" as const) : ("female" as const),
    regionCode6: id.slice(0, 6),
  };
  return { ok: "born", parsed, bornAt };
}

/**
 * Numbers parsed lately: a roster import checks each person's number several times (reading,
 * matching, the household checks, the guarantees), 350,000 people in a county's file.
 */
const recentlyParsed = new Map<string, Parsed>();
const RECENT_LIMIT = 100_000;

/**
 * Checks an ID number and reads its birth date and sex. Accepts 18-character numbers (x or X)
 * and legacy 15-digit ones, which are converted to 18 (19 inserted before the year, checksum added).
 */
export function parseIdNumber(text: string, today: Date = new Date()): ParsedIdNumber {
  let parsed: Parsed | undefined = recentlyParsed.get(text);
  if (parsed === undefined) {
    parsed = parseUndated(text);
    if (recentlyParsed.size >= RECENT_LIMIT) recentlyParsed.clear();
    recentlyParsed.set(text, parsed);
  }
  if (parsed.ok === false) return { ok: false, reason: parsed.reason };
  // A fresh object each time: callers may keep or change what they get.
  return parsed.bornAt <= today.getTime() ? { ...parsed.parsed } : { ok: false, reason: "birth_date" };
}

/** An ID number with the birth date and sequence hidden: 341823********123X. */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return "*".repeat(id.length);
  return `${id.slice(0, 6)}${"*".repeat(id.length - 10)}${id.slice(-4)}`;
}

/** A phone number with its middle hidden: 138****5678 for mobiles. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  if (phone.length <= 5) return "*".repeat(phone.length);
  return `${phone.slice(0, 3)}${"*".repeat(phone.length - 5)}${phone.slice(-2)}`;
}
