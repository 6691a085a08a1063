import type { HouseholdDraft, MemberDraft } from "../../../shared/household-draft.js";
import { idNumberChecksum } from "../../../shared/id-number.js";
import { type Random, SURNAMES, syntheticPerson, YI_SURNAMES } from "./synthetic-people.js";

// The demo households' people: weighted draws, family shapes (who lives together, with relation,
// age and sex), and each member's schooling, health, labour and work. Used by demo-households.ts.

export type Weights<K extends string> = Readonly<Record<K, number>>;

export function weighted<K extends string>(random: Random, weights: Weights<K>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let x = random.next() * total;
  for (const [key, w] of entries) {
    x -= w;
    if (x < 0) return key;
  }
  return entries[entries.length - 1]![0];
}

/** An index into `weights`, drawn in proportion to them. */
export function weightedIndex(random: Random, weights: readonly number[]): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let x = random.next() * total;
  for (let i = 0; i < weights.length; i += 1) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

export const chance = (random: Random, p: number) => random.next() < p;
export const toCents = (yuan: number) => Math.round(yuan * 100);
export const round10 = (yuan: number) => Math.round(yuan / 10) * 10;
export const round100 = (yuan: number) => Math.round(yuan / 100) * 100;

/** A 32-bit hash of the seed and a salt (murmur3's finaliser), to seed independent streams. */
export function mix(seed: number, salt: number): number {
  let h = (seed ^ Math.imul(salt, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The same ID number with the next free sequence code of the same sex (so birth date and sex still agree). */
export function freeIdNumber(idNumber: string, used: ReadonlySet<string>): string {
  let id = idNumber;
  let sequence = Number(id.slice(14, 17));
  while (used.has(id)) {
    sequence += 2;
    if (sequence > 999) sequence -= 998; // wraps 998→2 and 999→3, never to 000
    const first17 = `${id.slice(0, 14)}${String(sequence).padStart(3, "0")}`;
    id = first17 + idNumberChecksum(first17);
  }
  return id;
}

// ---------------------------------------------------------------------------------------------
// Household shape: who lives together, with relation, age and sex

export type Cause = HouseholdDraft["mainCause"];
export type Relation = MemberDraft["relation"];
export type Sex = "male" | "female";

export interface Person {
  relation: Relation;
  age: number;
  sex: Sex;
  /** A surname to share with the head's line; undefined draws one. */
  surname?: string;
}

/** Main causes as the registry had them: illness far ahead, then skills, labour, capital, disability, schooling. */
export const MAIN_CAUSES: Weights<Cause> = {
  illness: 38,
  lack_skills: 15,
  lack_labour: 11,
  lack_capital: 10,
  disability: 8,
  schooling: 6,
  low_motivation: 3,
  disaster: 3,
  lack_land: 2,
  poor_transport: 2,
  lack_water: 1,
  other: 1,
};

export type Shape =
  | "couple_children"
  | "three_generations"
  | "with_parents"
  | "elderly_couple"
  | "elderly_single"
  | "single_adult"
  | "single_parent";

export const SHAPES: Weights<Shape> = {
  couple_children: 36,
  three_generations: 18,
  with_parents: 12,
  elderly_couple: 13,
  elderly_single: 11,
  single_adult: 6,
  single_parent: 4,
};
export const SHAPES_LACKING_LABOUR: Weights<Shape> = {
  couple_children: 0,
  three_generations: 0,
  with_parents: 0,
  elderly_couple: 38,
  elderly_single: 37,
  single_adult: 13,
  single_parent: 12,
};

export const other = (sex: Sex): Sex => (sex === "male" ? "female" : "male");
export const childRelation = (sex: Sex): Relation => (sex === "male" ? "son" : "daughter");
export const grandchildRelation = (sex: Sex): Relation => (sex === "male" ? "grandson" : "granddaughter");

export function randomSurname(random: Random, countyCode6: string): string {
  const yi = (countyCode6 === "511132" || countyCode6 === "511133") && chance(random, 0.5);
  return yi ? random.pick(YI_SURNAMES) : random.pick(SURNAMES);
}

/** Children of a mother aged `motherAge`: the eldest `eldest` years old when given, the others younger. */
export function children(
  random: Random,
  motherAge: number,
  surname: string,
  relationOf: (sex: Sex) => Relation,
  eldest?: number,
): Person[] {
  const count = eldest === undefined ? 1 + weightedIndex(random, [35, 50, 15]) : random.int(1, 2);
  const high = Math.min(26, motherAge - 20);
  if (high < 0) return [];
  let age = eldest ?? random.int(Math.max(0, motherAge - 36), high);
  const kids: Person[] = [];
  for (let i = 0; i < count && age >= 0; i += 1) {
    const sex: Sex = chance(random, 0.52) ? "male" : "female";
    kids.push({ relation: relationOf(sex), age, sex, surname });
    age -= random.int(1, 6);
  }
  return kids;
}

/** The people of a household of `shape`, head first; `studentAge` asks for a child of that age. */
export function people(
  random: Random,
  shape: Shape,
  countyCode6: string,
  studentAge: number | undefined,
): Person[] {
  const family = randomSurname(random, countyCode6);
  const couple = (minAge: number, maxAge: number): Person[] => {
    const head: Person = { relation: "head", age: random.int(minAge, maxAge), sex: "male", surname: family };
    const spouse: Person = {
      relation: "spouse",
      age: Math.max(20, head.age - random.int(-2, 5)),
      sex: "female",
    };
    return [head, spouse];
  };
  switch (shape) {
    case "couple_children":
    case "with_parents": {
      const [head, spouse] =
        studentAge === undefined ? couple(28, 54) : couple(studentAge + 23, Math.min(56, studentAge + 34));
      const members = [head!, spouse!, ...children(random, spouse!.age, family, childRelation, studentAge)];
      if (shape === "with_parents") {
        const which = weighted(random, { both: 45, mother: 35, father: 20 });
        const fatherAge = Math.min(95, head!.age + random.int(22, 34));
        if (which !== "mother")
          members.push({ relation: "father", age: fatherAge, sex: "male", surname: family });
        if (which !== "father")
          members.push({
            relation: "mother",
            age: Math.min(95, fatherAge - random.int(0, 4)),
            sex: "female",
          });
      }
      return members;
    }
    case "three_generations": {
      const [head, spouse] = couple(48, 70);
      const childSex: Sex = chance(random, 0.85) ? "male" : "female";
      const childAge = random.int(Math.max(21, spouse!.age - 34), spouse!.age - 21);
      const child: Person = {
        relation: childRelation(childSex),
        age: childAge,
        sex: childSex,
        surname: family,
      };
      const inLaw: Person = {
        relation: childSex === "male" ? "daughter_in_law" : "son_in_law",
        age: Math.max(20, childAge + random.int(-3, 3)),
        sex: other(childSex),
      };
      const motherAge = childSex === "female" ? childAge : inLaw.age;
      return [head!, spouse!, child, inLaw, ...children(random, motherAge, family, grandchildRelation)];
    }
    case "elderly_couple":
      return couple(60, 86);
    case "elderly_single":
      return [
        {
          relation: "head",
          age: random.int(60, 92),
          sex: chance(random, 0.55) ? "male" : "female",
          surname: family,
        },
      ];
    case "single_adult": {
      const head: Person = {
        relation: "head",
        age: random.int(25, 59),
        sex: chance(random, 0.8) ? "male" : "female",
        surname: family,
      };
      if (!chance(random, 0.5)) return [head];
      return [head, { relation: "mother", age: Math.min(94, head.age + random.int(20, 32)), sex: "female" }];
    }
    case "single_parent": {
      const sex: Sex = chance(random, 0.6) ? "female" : "male";
      const head: Person = { relation: "head", age: random.int(28, 50), sex, surname: family };
      // A widowed or divorced mother's children carry their father's surname.
      const surname = sex === "male" ? family : randomSurname(random, countyCode6);
      return [head, ...children(random, head.age, surname, childRelation)];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Members: schooling, health, labour, work, insurance

export type Schooling = Pick<MemberDraft, "schoolingStatus" | "education">;

export function adultEducation(random: Random, age: number): MemberDraft["education"] {
  if (age <= 35)
    return weighted(random, { primary: 10, junior: 55, senior: 15, vocational: 10, college: 10 });
  if (age <= 50)
    return weighted(random, {
      illiterate: 3,
      primary: 27,
      junior: 55,
      senior: 10,
      vocational: 3,
      college: 2,
    });
  if (age <= 65) return weighted(random, { illiterate: 15, primary: 45, junior: 33, senior: 7 });
  return weighted(random, { illiterate: 50, primary: 40, junior: 10 });
}

/** School by age on the reference date; `student` asks for secondary or higher education. */
export function schooling(random: Random, age: number, student: boolean): Schooling {
  if (student) {
    if (age <= 17)
      return chance(random, 0.6)
        ? { schoolingStatus: "senior", education: "senior" }
        : { schoolingStatus: "vocational", education: "vocational" };
    const status = weighted(random, { higher_vocational: 45, undergraduate: 35, vocational: 20 });
    return { schoolingStatus: status, education: status === "vocational" ? "vocational" : "college" };
  }
  if (age <= 2) return { schoolingStatus: "not_in_school", education: "preschool" };
  if (age <= 5)
    return { schoolingStatus: chance(random, 0.9) ? "preschool" : "not_in_school", education: "preschool" };
  if (age <= 11) return { schoolingStatus: "primary", education: "primary" };
  if (age <= 14) return { schoolingStatus: "junior", education: "junior" };
  if (age === 15)
    return chance(random, 0.6)
      ? { schoolingStatus: "junior", education: "junior" }
      : { schoolingStatus: "senior", education: "senior" };
  if (age <= 18) {
    const status = weighted(random, { senior: 44, vocational: 30, not_in_school: 24, dropped_out: 2 });
    const left = status === "not_in_school" || status === "dropped_out";
    return { schoolingStatus: status, education: left ? "junior" : status };
  }
  if (age <= 22) {
    const status = weighted(random, { undergraduate: 15, higher_vocational: 20, not_in_school: 65 });
    if (status !== "not_in_school") return { schoolingStatus: status, education: "college" };
  }
  return { schoolingStatus: "not_in_school", education: adultEducation(random, age) };
}

export type Health = MemberDraft["health"];

export function health(random: Random, age: number): Health {
  if (age < 16) return weighted(random, { healthy: 96, chronic: 1, serious: 1, disabled: 2 });
  if (age < 45) return weighted(random, { healthy: 86, chronic: 7, serious: 2, disabled: 5 });
  if (age < 60) return weighted(random, { healthy: 69, chronic: 19, serious: 4, disabled: 8 });
  return weighted(random, { healthy: 42, chronic: 44, serious: 5, disabled: 9 });
}

export const inSchool = (m: Pick<MemberDraft, "schoolingStatus">) =>
  m.schoolingStatus !== "not_in_school" && m.schoolingStatus !== "dropped_out";

export function labourAbility(
  random: Random,
  age: number,
  m: Pick<MemberDraft, "health" | "disabilityGrade" | "schoolingStatus">,
): MemberDraft["labourAbility"] {
  if (age < 16 || inSchool(m)) return "none";
  switch (m.health) {
    case "disabled":
      if (m.disabilityGrade === "grade1" || m.disabilityGrade === "grade2") return "lost";
      return m.disabilityGrade === "grade3" || chance(random, 0.6) ? "weak" : "ordinary";
    case "serious":
      return chance(random, 0.45) ? "lost" : "weak";
    case "chronic":
      if (age <= 60) return chance(random, 0.65) ? "weak" : "ordinary";
      return weighted(random, { weak: 60, lost: 20, none: 20 });
    case "healthy":
      if (age <= 60) return chance(random, 0.18) ? "skilled" : "ordinary";
      if (age <= 70) return chance(random, 0.3) ? "ordinary" : "weak";
      return chance(random, 0.45) ? "weak" : "none";
  }
}

export type WorkPlace = MemberDraft["workPlace"];

/** Yuan a month by where someone works. */
export const MONTHLY_WAGE: Record<Exclude<WorkPlace, "none">, [number, number]> = {
  out_of_province: [3600, 5200],
  in_province: [3000, 4500],
  in_county: [2300, 3500],
  in_township: [1600, 2600],
};

export function work(
  random: Random,
  age: number,
  m: Pick<MemberDraft, "labourAbility" | "relation" | "sex">,
) {
  const none = { workPlace: "none" as WorkPlace, workMonths: 0 };
  let p = 0;
  if (m.labourAbility === "ordinary" || m.labourAbility === "skilled") {
    if (age > 65) p = 0;
    else if (age > 60) p = 0.25;
    // Off-farm work (务工), which employment help has pushed since the households were lifted.
    else if (m.relation === "head") p = m.sex === "male" ? 0.8 : 0.55;
    else if (m.relation === "spouse") p = m.sex === "female" ? 0.55 : 0.75;
    else p = 0.85;
  } else if (m.labourAbility === "weak" && age <= 65) {
    p = 0.15; // often a public-welfare job (公益岗位) near home
  }
  if (!chance(random, p)) return none;
  const far = m.labourAbility !== "weak" && age <= 55;
  const workPlace: WorkPlace = far
    ? weighted(random, { out_of_province: 35, in_province: 25, in_county: 25, in_township: 15 })
    : weighted(random, { in_county: 40, in_township: 60 });
  const workMonths =
    workPlace === "out_of_province" || workPlace === "in_province" ? random.int(7, 12) : random.int(5, 11);
  return { workPlace, workMonths };
}

export function member(
  random: Random,
  person: Person,
  options: { countyCode6: string; referenceDate: string; health?: Health; student: boolean },
): MemberDraft & { age: number } {
  const synthetic = syntheticPerson(random, {
    countyCode6: options.countyCode6,
    referenceDate: options.referenceDate,
    minAge: person.age,
    maxAge: person.age,
    sex: person.sex,
    surname: person.surname,
  });
  const age = person.age;
  const school = schooling(random, age, options.student);
  const memberHealth = options.health ?? health(random, age);
  const disabilityGrade =
    memberHealth === "disabled"
      ? weighted(random, { grade1: 12, grade2: 23, grade3: 30, grade4: 35 } as const)
      : null;
  const base = { ...school, health: memberHealth, disabilityGrade };
  const labour = labourAbility(random, age, base);
  const job = work(random, age, { labourAbility: labour, relation: person.relation, sex: person.sex });
  // Newborns are often enrolled late; otherwise almost everyone has basic medical insurance.
  const hasBasicMedicalInsurance = !chance(random, age === 0 ? 0.15 : 0.004);
  const adultOutOfSchool = age >= 16 && !inSchool(school);
  return {
    age,
    name: synthetic.name,
    sex: synthetic.sex,
    idNumber: synthetic.idNumber,
    relation: person.relation,
    // Yi names are a two-character clan name and a two-character given name.
    ethnicity: synthetic.name.length === 4 ? "yi" : "han",
    ...base,
    labourAbility: labour,
    ...job,
    hasBasicMedicalInsurance,
    hasSeriousIllnessInsurance: hasBasicMedicalInsurance && !chance(random, 0.01),
    hasBasicPension: adultOutOfSchool && chance(random, age >= 60 ? 0.98 : 0.92),
    phone:
      person.relation === "head"
        ? chance(random, 0.92)
          ? synthetic.phone
          : null
        : adultOutOfSchool && age < 70 && chance(random, 0.5)
          ? synthetic.phone
          : null,
    status: "active",
  };
}
