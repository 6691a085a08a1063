import type { HouseholdDraft } from "../../../shared/household-draft.js";
import {
  type Cause,
  chance,
  freeIdNumber,
  type Health,
  inSchool,
  MAIN_CAUSES,
  member,
  mix,
  type Person,
  people,
  round10,
  SHAPES,
  SHAPES_LACKING_LABOUR,
  toCents,
  weighted,
  weightedIndex,
} from "./demo-members.js";
import {
  type DemoMember,
  lowerTo,
  PLANTED,
  plantOnMembers,
  raiseTo,
  wageOf,
  withTransfer,
} from "./demo-planted.js";
import { createRandom, type Random } from "./synthetic-people.js";

// Synthetic registered households (建档立卡户) for the demo county: family shapes, ages, schooling,
// health, labour, work, insurance, income and status drawn from distributions like those of the
// 2014–2020 registry, so that lists, details, guarantees and data-quality screens show something
// true. Most households pass every check; a few (about one in fifteen) carry a soft finding of the
// kinds counties actually find (数据比对). Pure: the same seed, villages and reference date give the same
// households, and household i does not depend on how many were asked for.

/** The reason stored on every demo household's version (and so shown on its timeline). */
export const DEMO_REASON = "演示数据";

/** Demo household numbers: the village's 12-digit code, 9, then the demo index (00001–99999). */
export const DEMO_HOUSEHOLD_NUMBER = /^\d{12}9\d{5}$/;

/** The most demo households one county can hold (the index has five digits). */
export const MAX_DEMO_HOUSEHOLDS = 99_999;

/** The first villages of a county get demo staff (see demo.service.ts), and most demo households. */
export const STAFFED_VILLAGES = 20;

export interface DemoVillage {
  code: string;
  name: string;
  townshipName: string;
}

export interface DemoHouseholdOptions {
  seed: number;
  countyCode6: string;
  /** The county's villages in code order, township by township. */
  villages: readonly DemoVillage[];
  count: number;
  /** Ages are counted on this day (YYYY-MM-DD); the income account is of the year before. */
  referenceDate: string;
}

export interface DemoHousehold {
  /** 1-based; encoded in the household number. */
  index: number;
  draft: HouseholdDraft;
}

export function demoHouseholdNumber(villageCode: string, index: number): string {
  return `${villageCode}9${String(index).padStart(5, "0")}`;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

// ---------------------------------------------------------------------------------------------
// A household

type Attribute = HouseholdDraft["povertyAttribute"];
type Status = HouseholdDraft["status"];

/** Shares of households lifted in 2014, 2015 … 2020. */
const LIFTED_YEARS = [4, 8, 17, 22, 23, 19, 7];

function secondaryCauses(random: Random, main: Cause, members: readonly DemoMember[]): Cause[] {
  const causes: Cause[] = [];
  const add = (cause: Cause) => {
    if (cause !== main && !causes.includes(cause)) causes.push(cause);
  };
  if (members.some((m) => m.health === "chronic" || m.health === "serious") && chance(random, 0.6))
    add("illness");
  if (members.some((m) => m.health === "disabled") && chance(random, 0.6)) add("disability");
  if (
    members.some((m) =>
      ["senior", "vocational", "higher_vocational", "undergraduate"].includes(m.schoolingStatus),
    ) &&
    chance(random, 0.4)
  )
    add("schooling");
  const wanted = Math.max(causes.length, weightedIndex(random, [35, 45, 20]));
  for (let tries = 0; causes.length < wanted && tries < 10; tries += 1) add(weighted(random, MAIN_CAUSES));
  return causes.slice(0, 3);
}

function household(
  random: Random,
  village: DemoVillage,
  index: number,
  options: DemoHouseholdOptions,
): HouseholdDraft {
  const referenceYear = Number(options.referenceDate.slice(0, 4));
  const mainCause = weighted(random, MAIN_CAUSES);
  const shape = weighted(random, mainCause === "lack_labour" ? SHAPES_LACKING_LABOUR : SHAPES);
  const studentAge = mainCause === "schooling" ? random.int(15, 21) : undefined;
  const plan = people(
    random,
    mainCause === "schooling" ? (chance(random, 0.7) ? "couple_children" : "with_parents") : shape,
    options.countyCode6,
    studentAge,
  );

  // Whose health or schooling the main cause is about.
  const forced = new Map<Person, Health>();
  const adults = plan.filter((p) => p.age >= 16);
  if (mainCause === "illness") {
    const elders = plan.filter((p) => p.relation === "father" || p.relation === "mother");
    const who =
      elders.length > 0 && chance(random, 0.35)
        ? random.pick(elders)
        : chance(random, 0.6)
          ? plan[0]!
          : random.pick(adults.length > 0 ? adults : plan);
    forced.set(who, chance(random, 0.55) ? "chronic" : "serious");
  } else if (mainCause === "disability") {
    const candidates = plan.filter((p) => p.age >= 3);
    forced.set(
      chance(random, 0.8) && adults.length > 0
        ? random.pick(adults)
        : random.pick(candidates.length > 0 ? candidates : plan),
      "disabled",
    );
  } else if (
    mainCause === "lack_labour" &&
    (shape === "single_adult" || shape === "single_parent") &&
    chance(random, 0.5)
  ) {
    forced.set(plan[0]!, "chronic");
  }
  const members = plan.map((person) =>
    member(random, person, {
      countyCode6: options.countyCode6,
      referenceDate: options.referenceDate,
      health: forced.get(person),
      student: person.age === studentAge && person.relation !== "head" && person.relation !== "spouse",
    }),
  );

  // A few households remember a grandparent who died or a daughter who married away.
  const elder = members.find((m) => m.relation === "father" || m.relation === "mother");
  if (elder && members.length > 3 && chance(random, 0.06)) elder.status = "deceased";
  const head = members[0]!;
  if (head.age >= 45 && head.age <= 70 && chance(random, 0.04)) {
    const daughter = member(
      random,
      {
        relation: "daughter",
        age: random.int(20, Math.min(30, head.age - 20)),
        sex: "female",
        surname: plan[0]!.surname,
      },
      {
        countyCode6: options.countyCode6,
        referenceDate: options.referenceDate,
        student: false,
      },
    );
    members.push({ ...daughter, status: "moved_out", workPlace: "none", workMonths: 0 });
  }

  const planted = weighted(random, PLANTED);
  plantOnMembers(random, planted, members);
  const active = members.filter((m) => m.status === "active");
  const canWork = active.some((m) => m.labourAbility !== "lost" && m.labourAbility !== "none");
  const ableBodied = active.some((m) => m.labourAbility === "ordinary" || m.labourAbility === "skilled");

  // Status and attribute.
  const status: Status = weighted(random, { lifted: 87, not_lifted: 6, returned: 6, removed: 1 });
  const liftedYear =
    status === "lifted"
      ? 2014 + weightedIndex(random, LIFTED_YEARS)
      : status === "returned"
        ? random.int(2015, 2019)
        : null;
  const alone =
    active.length === 1 && !ableBodied && (active[0]!.age >= 60 || active[0]!.health !== "healthy");
  const vulnerable = mainCause === "illness" || mainCause === "disability" || mainCause === "lack_labour";
  const povertyAttribute: Attribute = alone
    ? weighted(random, { tekun: 35, dibao: 45, general: 20 })
    : vulnerable
      ? weighted(random, { dibao: 33, general: 67 })
      : weighted(random, { dibao: 7, general: 93 });

  // Land, house, conditions.
  const cultivatedLandMu = mainCause === "lack_land" ? random.int(0, 8) / 10 : random.int(8, 60) / 10;
  const forestLandMu = chance(random, 0.3) ? 0 : random.int(10, 250) / 10;
  const struggling = status !== "lifted";
  const dangerousHouseGrade = struggling
    ? weighted(random, { none: 62, a: 14, b: 12, c: 8, d: 4 } as const)
    : weighted(random, { none: 93, a: 5, b: 2 } as const);

  // Income of the year before the reference date.
  const { wage, workers } = wageOf(random, members);
  const farming =
    cultivatedLandMu * random.int(900, 1600) + (chance(random, 0.3) ? random.int(2000, 8000) : 0);
  const business = canWork ? round10(farming) : 0;
  const businessCosts = business > 0 ? round10(business * (0.3 + random.next() * 0.2)) : 0;
  const pensioners = active.filter((m) => m.age >= 60 && m.hasBasicPension).length;
  const students = active.filter((m) => inSchool(m) && m.schoolingStatus !== "preschool").length;
  const disabled = active.filter((m) => m.health === "disabled").length;
  let income = withTransfer({
    year: referenceYear - 1,
    wage,
    business,
    property: chance(random, 0.25) ? round10(random.int(300, 1500)) : 0,
    pension: pensioners * round10(random.int(1500, 2200)),
    dibao: povertyAttribute === "dibao" ? active.length * round10(random.int(2400, 4800)) : 0,
    tekun: povertyAttribute === "tekun" ? round10(random.int(7000, 10000)) : 0,
    // Public-welfare forest compensation, about 15.75 yuan a mu.
    ecoCompensation: forestLandMu > 0 && chance(random, 0.6) ? toCents(forestLandMu * 15.75) / 100 : 0,
    // Farmland subsidy, disability allowances, student aid, small subsidies.
    otherTransfer: round10(
      cultivatedLandMu * 110 + disabled * 900 + students * random.int(500, 2500) + random.int(50, 600),
    ),
    businessCosts,
  });
  if (planted === "lifted_below_poverty_line" && status === "lifted") {
    income = lowerTo(income, active.length, random.int(3000, 3900), workers);
  } else if (status === "lifted" || status === "removed") {
    // Lifted years ago: most now well above the monitoring line (about 7,000 yuan), some just above
    // or below it, the households monitoring is for.
    const target = chance(random, 0.12) ? random.int(5000, 7800) : random.int(8000, 18000);
    income = raiseTo(income, active.length, target, canWork);
  } else {
    income = lowerTo(income, active.length, random.int(2800, 3900), workers);
  }
  if (planted === "business_without_costs" && income.business > 0) income = { ...income, businessCosts: 0 };
  if (planted === "worker_without_wage" && workers > 0) income = { ...income, wage: 0 };
  if (planted === "general_with_assistance" && povertyAttribute === "general")
    income = withTransfer({ ...income, dibao: active.length * round10(random.int(1200, 2400)) });
  if (planted === "dibao_without_amount" && povertyAttribute === "dibao")
    income = withTransfer({ ...income, dibao: 0 });
  // Entered in fen instead of yuan.
  if (planted === "per_capita_income_too_high" && income.wage > 0)
    income = { ...income, wage: income.wage * 100 };

  const group = random.int(1, 12);
  const phone = head.phone ?? active.find((m) => m.phone !== null)?.phone ?? null;
  return {
    regionCode: village.code,
    householdNumber: demoHouseholdNumber(village.code, index),
    address: `${village.townshipName}${village.name}${group}组（演示）`,
    phone,
    // 629999: not an issued card range, so recognisably fake.
    bankAccount: chance(random, 0.9)
      ? `629999${String(random.int(0, 9_999_999)).padStart(7, "0")}${String(index).padStart(6, "0")}`
      : null,
    povertyAttribute,
    identificationStandard: chance(random, 0.96) ? "national" : "provincial",
    mainCause,
    secondaryCauses: secondaryCauses(random, mainCause, active),
    status,
    liftedYear,
    cultivatedLandMu,
    forestLandMu,
    houseAreaM2: 30 + active.length * 15 + random.int(0, 60),
    dangerousHouseGrade,
    hasElectricity: !chance(random, 0.003),
    isDrinkingWaterSafe: !chance(random, struggling ? 0.12 : 0.006),
    hasWaterDifficulty: chance(random, mainCause === "lack_water" ? 0.5 : 0.04),
    hasRoadToHouse: !chance(random, mainCause === "poor_transport" ? 0.5 : 0.04),
    hasSanitaryToilet: chance(random, 0.72),
    fuel: weighted(random, { firewood: 40, gas: 25, electricity: 22, biogas: 6, coal: 4, other: 3 } as const),
    isCooperativeMember: chance(random, 0.35),
    members: members.map(({ age: _age, ...m }) => m),
    income,
  };
}

/**
 * `options.count` demo households, numbered 1…count. Household i is drawn from its own stream, so
 * asking for more households later adds to the same first ones. ID numbers are unique across them.
 */
export function generateDemoHouseholds(options: DemoHouseholdOptions): DemoHousehold[] {
  if (options.villages.length === 0) throw new Error("The county has no villages");
  if (!Number.isInteger(options.count) || options.count < 0 || options.count > MAX_DEMO_HOUSEHOLDS)
    throw new Error(`The number of demo households must be 0–${MAX_DEMO_HOUSEHOLDS}`);
  // Poor households cluster: the staffed villages (standing in for the county's poverty villages)
  // hold most of them; every other village has a few.
  const weights = createRandom(mix(options.seed, 0x5eed));
  const villageWeights = options.villages.map(
    (_, i) => (i < STAFFED_VILLAGES ? 30 : 1) * (0.4 + weights.next() * 1.2),
  );
  const total = villageWeights.reduce((a, b) => a + b, 0);
  const used = new Set<string>();
  const result: DemoHousehold[] = [];
  for (let index = 1; index <= options.count; index += 1) {
    const random = createRandom(mix(options.seed, index));
    let x = random.next() * total;
    let v = 0;
    while (v < villageWeights.length - 1 && x >= villageWeights[v]!) {
      x -= villageWeights[v]!;
      v += 1;
    }
    const draft = household(random, options.villages[v]!, index, options);
    for (const m of draft.members) {
      m.idNumber = freeIdNumber(m.idNumber, used);
      used.add(m.idNumber);
    }
    result.push({ index, draft });
  }
  return result;
}
