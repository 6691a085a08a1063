// Generates a synthetic household registry with set-based SQL (generate_series, INSERT ... SELECT):
// the official region tree of a province (or one county), staff accounts, households with members,
// income, versions with snapshots, caseworker assignments and findings. Runs the same on
// PostgreSQL and PGlite. The rows match what the service writes (derived columns included), so
// listHouseholds and getHousehold work on them unchanged.
import type { Db, Queryable } from "../src/server/db/db.js";
import { migrate } from "../src/server/db/migrate.js";
import { loadOfficialRegions } from "../src/server/modules/regions/regions.loader.js";
import { readOfficialRegions } from "../src/server/modules/regions/regions.source.js";

/** Bumped when the generated data changes shape, so an old bench database is rebuilt. */
export const GENERATOR_VERSION = 3;

export interface DatasetSpec {
  /** Significant digits of the region whose villages receive the households: a province (2) or county (6). */
  prefix: string;
  households: number;
}

export interface DatasetMeta extends DatasetSpec {
  generatorVersion: number;
  members: number;
  generatedAt: string;
  seconds: number;
}

type Log = (message: string) => void;

// ---------------------------------------------------------------------------------------------
// Small SQL builders for random picks.

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const arrayOf = (items: readonly string[]) => `array[${items.map(quote).join(",")}]`;

/** A uniform pick from `items` by the random draw `r` (0 <= r < 1). */
const pick = (items: readonly string[], r: string) =>
  `(${arrayOf(items)})[1 + floor(${r} * ${items.length})::int]`;

/** A pick skewed to the first items (draw squared): common surnames come first. */
const pickSkewed = (items: readonly string[], r: string) =>
  `(${arrayOf(items)})[1 + floor(power(${r}, 2) * ${items.length})::int]`;

/** A weighted pick: `[value, weight]` pairs (weights need not sum to 1), as a CASE on the draw. */
function weighted(pairs: readonly [string, number][], r: string): string {
  const total = pairs.reduce((sum, [, w]) => sum + w, 0);
  let cumulative = 0;
  const whens = pairs.slice(0, -1).map(([value, w]) => {
    cumulative += w / total;
    return `when ${r} < ${cumulative.toFixed(6)} then ${quote(value)}`;
  });
  return `(case ${whens.join(" ")} else ${quote(pairs[pairs.length - 1]![0])} end)`;
}

const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The GB 11643 check character of the 17-digit text expression `first17`. */
const idCheckChar = (first17: string) =>
  `substr('10X98765432', ((${CHECK_WEIGHTS.map((w, i) => `substr(${first17}, ${i + 1}, 1)::int * ${w}`).join(" + ")}) % 11) + 1, 1)`;

const SURNAMES = [
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤",
];
const GIVEN = [
  ..."伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红建文辉国成荣林燕海春云飞波宁志忠德福贵金银山水顺富永安光才发祥学友生梅凤菊珍莲翠花琴香妹仙先朝正昌宏远家开元世维茂仁义礼智信龙虎江河树松柏清新喜庆双全少小秋冬雪月星",
];
const CAUSES = [
  "illness",
  "disability",
  "schooling",
  "disaster",
  "lack_land",
  "lack_water",
  "lack_skills",
  "lack_labour",
  "lack_capital",
  "poor_transport",
  "low_motivation",
  "other",
];
const CAUSE_WEIGHTS = [30, 7, 6, 2, 3, 2, 20, 10, 12, 3, 3, 2];

/** A Chinese name: surname plus one (30%) or two given characters. */
const nameOf = (surname: string, r1: string, r2: string, r3: string) =>
  `${surname} || ${pick(GIVEN, r1)} || case when ${r3} < 0.3 then '' else ${pick(GIVEN, r2)} end`;

/** Yuan to the cent, from a floating-point expression. */
const money = (expr: string) => `round((${expr})::numeric, 2)`;

const mobile = (r1: string, r2: string) =>
  `'1' || ${pick(["3", "5", "7", "8", "9"], r1)} || lpad(floor(${r2} * 1000000000)::bigint::text, 9, '0')`;

// ---------------------------------------------------------------------------------------------

/** The staging table of households: every household-level fact the other tables derive from. */
function stagingHouseholdsSql(incomeYear: number): string {
  const causeCase = `(case ${CAUSE_WEIGHTS.slice(0, -1)
    .map((_, i) => {
      const upTo = CAUSE_WEIGHTS.slice(0, i + 1).reduce((a, b) => a + b, 0) / 100;
      return `when r_cause < ${upTo} then ${i}`;
    })
    .join(" ")} else ${CAUSES.length - 1} end)`;
  return `create unlogged table bench_h as
  select f.*,
    round((f.wage + f.business + f.property + f.transfer - f.business_costs) / f.member_count, 2) as per_capita_income
  from (
    select e.*,
      ${money("e.total * (0.4 + 0.4 * e.r_wage_share)")} as wage,
      ${money("e.total * 0.12 * e.r_business")} as business,
      ${money("e.total * 0.02 * e.r_property")} as property,
      ${money("e.total * 0.06")} + ${money("e.total * 0.02")} + ${money("e.total * 0.04 * e.r_other")}
        + case when e.poverty_attribute = 'dibao' then ${money("e.total * 0.12")} else 0 end
        + case when e.poverty_attribute = 'tekun' then ${money("e.total * 0.2")} else 0 end as transfer,
      ${money("e.total * 0.06")} as pension,
      case when e.poverty_attribute = 'dibao' then ${money("e.total * 0.12")} else 0 end as dibao,
      case when e.poverty_attribute = 'tekun' then ${money("e.total * 0.2")} else 0 end as tekun,
      ${money("e.total * 0.02")} as eco_compensation,
      ${money("e.total * 0.04 * e.r_other")} as other_transfer,
      ${money("e.total * 0.12 * e.r_business * 0.3")} as business_costs,
      ${incomeYear} as income_year
    from (
      select d.*,
        d.n_total - d.n_inactive as member_count,
        d.surname || d.head_given as head_name,
        (${arrayOf(CAUSES)})[d.main_idx + 1] as main_cause,
        case when d.r_sc < 0.4 then '{}'::text[]
             when d.r_sc < 0.8 then array[(${arrayOf(CAUSES)})[(d.main_idx + 1 + floor(d.r_sc2 * 5)::int) % 12 + 1]]
             else array[(${arrayOf(CAUSES)})[(d.main_idx + 1 + floor(d.r_sc2 * 5)::int) % 12 + 1],
                        (${arrayOf(CAUSES)})[(d.main_idx + 6 + floor(d.r_sc3 * 5)::int) % 12 + 1]] end as secondary_causes,
        -- Household net income: per-capita target times members counted.
        (case d.status when 'not_lifted' then 2200 + d.r_income * 3300
                       when 'returned' then 3000 + d.r_income * 4000
                       else 5200 + power(d.r_income, 1.5) * 16000 end) * (d.n_total - d.n_inactive) / 0.9 as total
      from (
        select c.*,
          ${weighted(
            [
              ["lifted", 90],
              ["not_lifted", 4.5],
              ["returned", 1.5],
              ["removed", 4],
            ],
            "c.r_status",
          )} as status,
          ${weighted(
            [
              ["general", 75],
              ["dibao", 22],
              ["tekun", 3],
            ],
            "c.r_attr",
          )} as poverty_attribute,
          ${weighted(
            [
              ["national", 95],
              ["provincial", 4],
              ["municipal", 1],
            ],
            "c.r_std",
          )} as identification_standard,
          ${causeCase.replace(/r_cause/g, "c.r_cause")} as main_idx,
          -- 1 to 7 people (mean about 3.5); one in twenty households of two or more has someone moved out or deceased.
          (case when c.r_size < 0.12 then 1 when c.r_size < 0.30 then 2 when c.r_size < 0.50 then 3
                when c.r_size < 0.72 then 4 when c.r_size < 0.87 then 5 when c.r_size < 0.95 then 6 else 7 end) as n_total,
          (case when c.r_size >= 0.12 and c.r_inactive < 0.05 then 1 else 0 end) as n_inactive,
          ${pickSkewed(SURNAMES, "c.r_surname")} as surname,
          ${pick(GIVEN, "c.r_given1")} || case when c.r_given3 < 0.3 then '' else ${pick(GIVEN, "c.r_given2")} end as head_given,
          case when c.r_head_sex < 0.85 then 'male' else 'female' end as head_sex,
          28 + floor(c.r_head_age * 50)::int as head_age,
          case when c.r_phone < 0.6 then ${mobile("c.r_phone2", "c.r_phone3")} end as phone,
          case when c.r_bank < 0.8 then '6228' || lpad(floor(c.r_bank2 * 1000000000000)::bigint::text, 12, '0') end as bank_account,
          round((c.r_land * 6)::numeric, 2) as cultivated_land_mu,
          round((c.r_forest * 10)::numeric, 2) as forest_land_mu,
          round((40 + c.r_house * 110)::numeric, 2) as house_area_m2,
          ${weighted(
            [
              ["none", 93],
              ["a", 3],
              ["b", 2.5],
              ["c", 1],
              ["d", 0.5],
            ],
            "c.r_house_grade",
          )} as dangerous_house_grade,
          c.r_elec < 0.995 as has_electricity,
          c.r_water < 0.985 as is_drinking_water_safe,
          c.r_water >= 0.985 or c.r_water2 < 0.04 as has_water_difficulty,
          c.r_road < 0.95 as has_road_to_house,
          c.r_toilet < 0.6 as has_sanitary_toilet,
          ${weighted(
            [
              ["firewood", 45],
              ["coal", 20],
              ["electricity", 20],
              ["gas", 8],
              ["biogas", 5],
              ["other", 2],
            ],
            "c.r_fuel",
          )} as fuel,
          c.r_coop < 0.25 as is_cooperative_member,
          -- Guarantee risks the members are generated to show (need a third member for the school-age child).
          c.r_edu < 0.006 as edu_red,
          c.r_edu >= 0.006 and c.r_edu < 0.01 as edu_yellow,
          c.r_med < 0.01 as med_red,
          c.r_med >= 0.01 and c.r_med < 0.03 as med_yellow,
          case when c.r_cw < 0.85 then (c.t_rank / 35)::int end as cw_slot,
          c.r_cw2 < 0.10 as second_cw,
          c.r_cw2 >= 0.10 and c.r_cw2 < 0.15 as ended_cw,
          case when c.r_versions < 0.8 then 1 when c.r_versions < 0.95 then 2 else 3 end as versions,
          case when c.r_warn < 0.06 then 1 when c.r_warn < 0.08 then 2 else 0 end as warning_count,
          now() - (c.r_updated * 700 + 1) * interval '1 day' as updated_at
        from (
          select v.code as village_code, v.county_code, v.township_code, v.name as village_name, s.seq,
            v.start_hn + s.seq as hn,
            row_number() over (partition by v.township_code order by v.code, s.seq) as t_rank,
            gen_random_uuid() as id,
            random() as r_status, random() as r_attr, random() as r_std, random() as r_cause, random() as r_sc,
            random() as r_sc2, random() as r_sc3, random() as r_size, random() as r_inactive, random() as r_surname,
            random() as r_given1, random() as r_given2, random() as r_given3, random() as r_head_sex,
            random() as r_head_age, random() as r_phone, random() as r_phone2, random() as r_phone3,
            random() as r_bank, random() as r_bank2, random() as r_land, random() as r_forest, random() as r_house,
            random() as r_house_grade, random() as r_elec, random() as r_water, random() as r_water2,
            random() as r_road, random() as r_toilet, random() as r_fuel, random() as r_coop, random() as r_edu,
            random() as r_med, random() as r_cw, random() as r_cw2, random() as r_versions, random() as r_warn,
            random() as r_updated, random() as r_income, random() as r_wage_share, random() as r_business,
            random() as r_property, random() as r_other
          from bench_village v cross join lateral generate_series(1, v.n) as s(seq)
        ) c
      ) d
    ) e
  ) f`;
}

/** Members of one county's staged households: ages, schooling and insurance follow the household's flags. */
function membersSql(): string {
  return `insert into member (id, county_code, household_id, name, sex, id_number, birth_date, relation, ethnicity,
    education, schooling_status, health, disability_grade, labour_ability, work_place, work_months,
    has_basic_medical_insurance, has_serious_illness_insurance, has_basic_pension, phone, status, position)
  select id, county_code, household_id, name, sex, id17 || ${idCheckChar("id17")}, birth_date, relation, ethnicity,
    education, schooling_status, health, disability_grade, labour_ability, work_place, work_months,
    has_med, has_serious, has_pension, phone, status, pos
  from (
    select y.*,
      left(y.county_code, 6) || to_char(y.birth_date, 'YYYYMMDD') ||
      lpad(((((hashtext(y.birth_date::text || y.sex) & 2147483647) % 500
              + row_number() over (partition by y.birth_date, y.sex order by y.household_id, y.pos) - 1) % 500) * 2
            + case when y.sex = 'male' then 1 else 0 end)::text, 3, '0') as id17
    from (
      select x.*,
        ((current_date - make_interval(years => x.age))::date - floor(x.r_day * 364)::int) as birth_date,
        case when x.age < 6 then 'preschool' when x.age < 15 then 'primary' when x.age < 18 then 'junior'
             else ${weighted(
               [
                 ["illiterate", 12],
                 ["primary", 38],
                 ["junior", 35],
                 ["senior", 8],
                 ["vocational", 4],
                 ["college", 3],
               ],
               "x.r_edu",
             )} end as education,
        case when x.pos = 2 and (x.edu_red or x.edu_yellow) then 'dropped_out'
             when x.age < 3 then 'not_in_school' when x.age < 6 then 'preschool' when x.age < 12 then 'primary'
             when x.age < 15 then 'junior' when x.age < 18 then case when x.r_edu < 0.7 then 'senior' else 'vocational' end
             when x.age < 22 and x.r_edu < 0.4 then 'undergraduate' else 'not_in_school' end as schooling_status,
        case when x.med_yellow and x.pos = 0 then 'serious'
             else ${weighted(
               [
                 ["healthy", 80],
                 ["chronic", 12],
                 ["serious", 4],
                 ["disabled", 4],
               ],
               "x.r_health",
             )} end as health,
        not (x.med_red and x.pos = 0) as has_med,
        not (x.med_yellow and x.pos = 0) as has_serious,
        x.age >= 16 and x.r_pension < 0.9 as has_pension,
        case when x.age >= 18 and x.r_phone < 0.3 then ${mobile("x.r_phone2", "x.r_phone3")} end as phone
      from (
        select w.*,
          case when w.relation = 'head' then w.head_age
               when w.relation = 'spouse' then greatest(20, w.head_age + floor(w.r_age * 11)::int - 5)
               when w.relation in ('father', 'mother') then least(96, w.head_age + 22 + floor(w.r_age * 10)::int)
               when w.pos = 2 and w.edu_red then 10
               when w.pos = 2 and w.edu_yellow then 17
               else greatest(0, w.head_age - 20 - floor(w.r_age * 14)::int - (w.pos - 2) * 2) end as age,
          case when w.relation = 'head' then w.head_name
               when w.relation in ('spouse', 'mother') then ${nameOf(pickSkewed(SURNAMES, "w.r_surname"), "w.r_given1", "w.r_given2", "w.r_given3")}
               else ${nameOf("w.surname", "w.r_given1", "w.r_given2", "w.r_given3")} end as name
        from (
          select v.*,
            case when v.pos = 0 then 'head' when v.pos = 1 then 'spouse'
                 when v.pos = v.n_total - 1 and v.n_total >= 5 then case when v.r_sex < 0.5 then 'father' else 'mother' end
                 when v.r_sex < 0.52 then 'son' else 'daughter' end as relation,
            case when v.pos = 0 then v.head_sex
                 when v.pos = 1 then case when v.head_sex = 'male' then 'female' else 'male' end
                 when v.pos = v.n_total - 1 and v.n_total >= 5 then case when v.r_sex < 0.5 then 'male' else 'female' end
                 when v.r_sex < 0.52 then 'male' else 'female' end as sex,
            ${weighted(
              [
                ["han", 62],
                ["miao", 13],
                ["tujia", 6],
                ["yi", 5],
                ["other", 14],
              ],
              "v.r_eth",
            )} as ethnicity,
            case when v.pos = v.n_total - 1 and v.n_inactive = 1 then case when v.r_status < 0.6 then 'moved_out' else 'deceased' end
                 else 'active' end as status
          from (
            select gen_random_uuid() as id, h.county_code, h.id as household_id, p.pos, h.n_total, h.n_inactive,
              h.head_name, h.head_sex, h.head_age, h.surname, h.edu_red and h.n_total >= 3 as edu_red,
              h.edu_yellow and h.n_total >= 3 as edu_yellow, h.med_red, h.med_yellow,
              random() as r_sex, random() as r_age, random() as r_day, random() as r_surname, random() as r_given1,
              random() as r_given2, random() as r_given3, random() as r_edu, random() as r_health,
              random() as r_dis, random() as r_lab, random() as r_work, random() as r_months, random() as r_pension,
              random() as r_phone, random() as r_phone2, random() as r_phone3, random() as r_eth, random() as r_status
            from bench_h h cross join lateral generate_series(0, h.n_total - 1) as p(pos)
            where h.county_code = $1
          ) v
        ) w
      ) x
    ) y
  ) z
  cross join lateral (select
    case when z.health = 'disabled' then ${pick(["grade1", "grade2", "grade3", "grade4"], "z.r_dis")} end as disability_grade,
    case when z.age < 16 then 'none'
         when z.age > 65 or z.health in ('serious', 'disabled') then ${pick(["weak", "lost", "none"], "z.r_lab")}
         else ${weighted(
           [
             ["ordinary", 55],
             ["skilled", 15],
             ["weak", 20],
             ["lost", 10],
           ],
           "z.r_lab",
         )} end as labour_ability) l
  cross join lateral (select
    case when l.labour_ability in ('ordinary', 'skilled') then ${weighted(
      [
        ["none", 25],
        ["in_township", 15],
        ["in_county", 20],
        ["in_province", 20],
        ["out_of_province", 20],
      ],
      "z.r_work",
    )} else 'none' end as work_place) wp
  cross join lateral (select case when wp.work_place = 'none' then 0 else 3 + floor(z.r_months * 10)::int end as work_months) wm`;
}

const HOUSEHOLD_COLUMNS = `id, county_code, region_code, household_number, address, phone, bank_account, poverty_attribute,
  identification_standard, main_cause, secondary_causes, status, lifted_year, cultivated_land_mu, forest_land_mu,
  house_area_m2, dangerous_house_grade, has_electricity, is_drinking_water_safe, has_water_difficulty,
  has_road_to_house, has_sanitary_toilet, fuel, is_cooperative_member, member_count, head_name, per_capita_income,
  guarantee_lights, warning_count, version, created_at, updated_at`;

const LIGHTS = `jsonb_build_object(
    'food_clothing', case when h.per_capita_income < 4000 then 'red' when h.per_capita_income < 6000 then 'yellow' else 'green' end,
    'education', case when h.edu_red and h.n_total >= 3 then 'red' when h.edu_yellow and h.n_total >= 3 then 'yellow' else 'green' end,
    'medical', case when h.med_red then 'red' when h.med_yellow then 'yellow' else 'green' end,
    'housing', case when h.dangerous_house_grade in ('c', 'd') then 'red' when h.dangerous_house_grade = 'b' then 'yellow' else 'green' end,
    'water', case when not h.is_drinking_water_safe then 'red' when h.has_water_difficulty then 'yellow' else 'green' end)`;

const householdsSql = () => `insert into household (${HOUSEHOLD_COLUMNS})
  select h.id, h.county_code, h.village_code, h.village_code || lpad(h.seq::text, 6, '0'),
    h.village_name || (h.seq % 12 + 1) || '组', h.phone, h.bank_account, h.poverty_attribute,
    h.identification_standard, h.main_cause, h.secondary_causes, h.status,
    case when h.status in ('lifted', 'returned') then 2014 + (h.hn % 7)::int end,
    h.cultivated_land_mu, h.forest_land_mu, h.house_area_m2, h.dangerous_house_grade, h.has_electricity,
    h.is_drinking_water_safe, h.has_water_difficulty, h.has_road_to_house, h.has_sanitary_toilet, h.fuel,
    h.is_cooperative_member, h.member_count, h.head_name, h.per_capita_income, ${LIGHTS}, h.warning_count,
    h.versions, h.updated_at - (h.versions - 1) * interval '120 days', h.updated_at
  from bench_h h where h.county_code = $1`;

const incomesSql =
  () => `insert into household_income (household_id, county_code, year, wage, business, property, transfer,
    pension, dibao, tekun, eco_compensation, other_transfer, business_costs, member_count, per_capita_income, updated_at)
  select h.id, h.county_code, h.income_year, h.wage, h.business, h.property, h.transfer, h.pension, h.dibao, h.tekun,
    h.eco_compensation, h.other_transfer, h.business_costs, h.member_count, h.per_capita_income, h.updated_at
  from bench_h h where h.county_code = $1`;

/** Every version of a household stores the same snapshot here (what the detail reads is the latest). */
const versionsSql =
  () => `insert into household_version (household_id, version, county_code, changed_at, changed_by,
    changed_by_username, reason, snapshot)
  select h.id, v.version, h.county_code, h.updated_at - (h.versions - v.version) * interval '120 days', $2::uuid, 'benchadmin',
    case when v.version = 1 then '新建档' else '年度动态调整' end,
    jsonb_build_object('id', h.id, 'countyCode', h.county_code, 'household', jsonb_build_object(
      'regionCode', h.village_code, 'householdNumber', h.village_code || lpad(h.seq::text, 6, '0'),
      'address', h.village_name || (h.seq % 12 + 1) || '组', 'phone', h.phone, 'bankAccount', h.bank_account,
      'povertyAttribute', h.poverty_attribute, 'identificationStandard', h.identification_standard,
      'mainCause', h.main_cause, 'secondaryCauses', to_jsonb(h.secondary_causes), 'status', h.status,
      'liftedYear', case when h.status in ('lifted', 'returned') then 2014 + (h.hn % 7)::int end,
      'cultivatedLandMu', h.cultivated_land_mu, 'forestLandMu', h.forest_land_mu, 'houseAreaM2', h.house_area_m2,
      'dangerousHouseGrade', h.dangerous_house_grade, 'hasElectricity', h.has_electricity,
      'isDrinkingWaterSafe', h.is_drinking_water_safe, 'hasWaterDifficulty', h.has_water_difficulty,
      'hasRoadToHouse', h.has_road_to_house, 'hasSanitaryToilet', h.has_sanitary_toilet, 'fuel', h.fuel,
      'isCooperativeMember', h.is_cooperative_member, 'members', m.members,
      'income', jsonb_build_object('year', h.income_year, 'wage', h.wage, 'business', h.business,
        'property', h.property, 'transfer', h.transfer, 'pension', h.pension, 'dibao', h.dibao, 'tekun', h.tekun,
        'ecoCompensation', h.eco_compensation, 'otherTransfer', h.other_transfer, 'businessCosts', h.business_costs)))
  from bench_h h
  join (
    select m.household_id, jsonb_agg(jsonb_build_object('id', m.id, 'name', m.name, 'sex', m.sex,
        'idNumber', m.id_number, 'relation', m.relation, 'ethnicity', m.ethnicity, 'education', m.education,
        'schoolingStatus', m.schooling_status, 'health', m.health, 'disabilityGrade', m.disability_grade,
        'labourAbility', m.labour_ability, 'workPlace', m.work_place, 'workMonths', m.work_months,
        'hasBasicMedicalInsurance', m.has_basic_medical_insurance,
        'hasSeriousIllnessInsurance', m.has_serious_illness_insurance, 'hasBasicPension', m.has_basic_pension,
        'phone', m.phone, 'status', m.status, 'birthDate', m.birth_date) order by m.position) as members
    from bench_h hh join member m on m.household_id = hh.id where hh.county_code = $1 group by m.household_id
  ) m on m.household_id = h.id
  cross join lateral generate_series(1, h.versions) as v(version)
  where h.county_code = $1`;

const caseworkerUsername = (slot: string) => `'cw' || h.township_code || '.' || (${slot})`;

/** Open assignments (everyone with a slot; one in ten with a second caseworker) and some ended ones. */
const assignmentsSql =
  () => `insert into household_caseworker (county_code, household_id, user_id, assigned_at, assigned_by,
    ended_at, ended_by)
  select h.county_code, h.id, u.id, h.updated_at - interval '400 days', $2::uuid, null::timestamptz, null::uuid
  from bench_h h join app_user u on u.username = ${caseworkerUsername("h.cw_slot")}
  where h.county_code = $1
  union all
  select h.county_code, h.id, u.id, h.updated_at - interval '300 days', $2::uuid, null, null
  from bench_h h join app_user u on u.username = ${caseworkerUsername("h.cw_slot + 1")}
  where h.county_code = $1 and h.second_cw
  union all
  select h.county_code, h.id, u.id, h.updated_at - interval '800 days', $2::uuid, h.updated_at - interval '400 days', $2::uuid
  from bench_h h join app_user u on u.username = ${caseworkerUsername("h.cw_slot + 2")}
  where h.county_code = $1 and h.ended_cw`;

const findingsSql = () => `insert into household_finding (household_id, county_code, path, code, message)
  select h.id, h.county_code, (array['phone', 'cultivatedLandMu'])[g], (array['phone_missing', 'land_implausible'])[g],
    (array['户联系电话缺失', '耕地面积与家庭人口不相称'])[g]
  from bench_h h cross join lateral generate_series(1, h.warning_count) as g
  where h.county_code = $1`;

/** Runs `work` in one transaction with bulk-load settings (no FK triggers, no synchronous commit). */
async function bulk<T>(db: Db, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query("set local synchronous_commit = off");
    await tx.query("set local session_replication_role = replica");
    await tx.query("set local work_mem = '256MB'");
    // JIT compiling these wide expressions costs seconds per statement and saves nothing.
    await tx.query("set local jit = off");
    return work(tx);
  });
}

/** The bench metadata of an already generated database, if any. */
export async function readMeta(db: Db): Promise<DatasetMeta | undefined> {
  const [exists] = await db.query<{ present: boolean }>(
    "select to_regclass('bench_meta') is not null as present",
  );
  if (!exists?.present) return undefined;
  const [row] = await db.query<{ value: DatasetMeta }>("select value from bench_meta where key = 'dataset'");
  return row?.value;
}

/** Whether `db` holds no household registry data yet (fresh or only migrated). */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.query<{ present: boolean }>(
    "select to_regclass('household') is not null as present",
  );
  if (!row?.present) return true;
  const [any] = await db.query<{ n: number }>(
    "select count(*)::int as n from (select 1 from household limit 1) x",
  );
  return (any?.n ?? 0) === 0;
}

/** Migrates `db` and fills it with the dataset; `db` must hold no households yet. */
export async function generateDataset(db: Db, spec: DatasetSpec, log: Log): Promise<DatasetMeta> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
  if (!/^\d{2}(\d{4})?$/.test(spec.prefix)) throw new Error(`prefix must be 2 or 6 digits: ${spec.prefix}`);
  if (!Number.isInteger(spec.households) || spec.households < 1)
    throw new Error("households must be positive");

  await migrate(db);
  const counties = (await readOfficialRegions([]))
    .filter((r) => r.level === "county" && r.code.startsWith(spec.prefix))
    .map((r) => r.code);
  if (counties.length === 0) throw new Error(`no county under ${spec.prefix}`);
  const inserted = await loadOfficialRegions(db, counties);
  log(`regions: ${inserted} loaded (${counties.length} counties with townships and villages) [${elapsed()}]`);

  const scopeCode = spec.prefix.padEnd(12, "0");
  await db.exec(`drop table if exists bench_h; drop table if exists bench_village;
    create table if not exists bench_meta (key text primary key, value jsonb not null)`);
  await bulk(db, async (tx) => {
    await tx.query(`create unlogged table bench_village as
      with v as (
        select r.code, r.county_code, r.parent_code as township_code, r.name, 30 + floor(random() * 140)::int as w
        from region r where r.level = 'village' and r.code like '${spec.prefix}%'
      ), c as (select v.*, sum(w) over (order by code) as cum, sum(w) over () as tot from v)
      select code, county_code, township_code, name,
        ((${spec.households}::bigint * cum) / tot - (${spec.households}::bigint * (cum - w)) / tot)::int as n,
        ((${spec.households}::bigint * (cum - w)) / tot)::int as start_hn
      from c`);
    const incomeYear = new Date().getUTCFullYear() - 1;
    await tx.query(stagingHouseholdsSql(incomeYear));
    await tx.query("create index on bench_h (county_code)");
    await tx.query("analyze bench_h");
  });
  log(`staged ${spec.households} households [${elapsed()}]`);

  // Staff: the administrator of the scope, one officer per township, and the caseworkers the slots name.
  const [admin] = await db.query<{ id: string }>(
    `insert into app_user (username, display_name, role, region_code, county_code, password_hash, must_change_password)
     values ('benchadmin', '基准测试管理员', 'administrator', $1, $2, '!bench', false) returning id`,
    [scopeCode, spec.prefix.length === 6 ? scopeCode : null],
  );
  await bulk(db, async (tx) => {
    await tx.query(`insert into app_user (username, display_name, role, region_code, county_code, password_hash, must_change_password)
      select 'to' || code, '乡镇干部' || right(code, 6), 'township_officer', code, county_code, '!bench', false
      from region where level = 'township' and code like '${spec.prefix}%'`);
    await tx.query(`insert into app_user (username, display_name, role, region_code, county_code, password_hash, must_change_password)
      select 'cw' || township_code || '.' || slot, ${nameOf(pickSkewed(SURNAMES, "r1"), "r2", "r3", "r4")}, 'caseworker',
        township_code, county_code, '!bench', false
      from (select h.township_code, h.county_code, h.cw_slot as slot, random() as r1, random() as r2,
              random() as r3, random() as r4
            from (select distinct township_code, county_code, cw_slot from bench_h where cw_slot is not null) h) x`);
  });
  const [staff] = await db.query<{ n: number }>("select count(*)::int as n from app_user");
  log(`staff accounts: ${staff?.n} [${elapsed()}]`);

  const chunkCounties = (
    await db.query<{ county_code: string }>("select distinct county_code from bench_h order by 1")
  ).map((r) => r.county_code);
  let done = 0;
  const stepTimes = new Map<string, number>();
  for (const county of chunkCounties) {
    const steps: [string, string, unknown[]][] = [
      ["households", householdsSql(), [county]],
      ["members", membersSql(), [county]],
      ["incomes", incomesSql(), [county]],
      ["versions", versionsSql(), [county, admin!.id]],
      ["assignments", assignmentsSql(), [county, admin!.id]],
      ["findings", findingsSql(), [county]],
    ];
    await bulk(db, async (tx) => {
      for (const [name, sql, params] of steps) {
        const stepStarted = performance.now();
        await tx.query(sql, params);
        stepTimes.set(name, (stepTimes.get(name) ?? 0) + performance.now() - stepStarted);
      }
    });
    done += 1;
    if (done % 10 === 0 || done === chunkCounties.length)
      log(
        `  counties ${done}/${chunkCounties.length} written [${elapsed()}; ${[...stepTimes].map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}s`).join(", ")}]`,
      );
  }
  await db.exec("drop table bench_h; drop table bench_village");
  for (const table of [
    "region",
    "app_user",
    "household",
    "member",
    "household_income",
    "household_caseworker",
    "household_version",
    "household_finding",
  ]) {
    await db.exec(`vacuum (analyze) ${table}`);
  }
  log(`vacuumed and analysed [${elapsed()}]`);
  const [counts] = await db.query<{ members: number }>("select count(*)::int as members from member");
  const meta: DatasetMeta = {
    ...spec,
    generatorVersion: GENERATOR_VERSION,
    members: counts?.members ?? 0,
    generatedAt: new Date().toISOString(),
    seconds: Math.round((performance.now() - started) / 1000),
  };
  await db.query(
    `insert into bench_meta (key, value) values ('dataset', $1::jsonb)
     on conflict (key) do update set value = excluded.value`,
    [JSON.stringify(meta)],
  );
  return meta;
}
