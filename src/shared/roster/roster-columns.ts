import { normaliseText } from "./roster-values.js";

// The columns of a roster spreadsheet. The default layout is the national registration system's
// person export (国扶系统 贫困人口信息): 26 columns, one row per person, household fields repeated on
// every row. Counties' own sheets name the same columns differently (乡（镇）, 村, 组, 身份证号码)
// and add more; columns are matched by meaning, in any order, and unknown ones are ignored.

/** Every column Bangfu reads or writes, by what it means. */
export const ROSTER_COLUMN_KEYS = [
  // The national person export, in its order.
  "county",
  "township",
  "village",
  "group",
  "householdNumber",
  "personNumber",
  "name",
  "idNumber",
  "memberCount",
  "relation",
  "ethnicity",
  "education",
  "schoolingStatus",
  "health",
  "labourAbility",
  "workPlace",
  "workMonths",
  "hasSeriousIllnessInsurance",
  "status",
  "povertyAttribute",
  "mainCause",
  "isDangerousHouse",
  "isDrinkingWaterSafe",
  "hasWaterDifficulty",
  "perCapitaIncome",
  "phone",
  // What Bangfu adds on export so that nothing is lost, and what county sheets often carry.
  "sex",
  "disabilityGrade",
  "liftedYear",
  "dangerousHouseGrade",
  "headName",
  "birthDate",
  "memberStatus",
  "hasBasicMedicalInsurance",
  "hasBasicPension",
  "identificationStandard",
  "secondaryCauses",
  "address",
  "incomeYear",
  "wage",
  "business",
  "property",
  "transfer",
  "pension",
  "dibao",
  "tekun",
  "ecoCompensation",
  "otherTransfer",
  "businessCosts",
  "cultivatedLandMu",
  "forestLandMu",
  "houseAreaM2",
] as const;
export type RosterColumnKey = (typeof ROSTER_COLUMN_KEYS)[number];

/** Header names per column: the first is what Bangfu writes; all are matched after normaliseHeader. */
export const ROSTER_HEADERS: Record<RosterColumnKey, readonly string[]> = {
  county: ["县(市、区、旗)", "县(市,区,旗)", "县(市、区)", "县(区)", "县", "县区", "县市区", "所属县"],
  township: ["乡(镇)", "乡镇", "乡(镇、街道)", "乡镇(街道)", "乡镇街道", "镇", "乡", "所属乡镇"],
  village: ["行政村", "村", "村名", "村(社区)", "村(居)", "行政村(社区)", "所属村", "村委会"],
  group: ["自然村", "组", "村民小组", "自然村(组)", "组别", "小组"],
  householdNumber: ["户编号", "户号", "户码", "家庭编号"],
  personNumber: ["人编号", "人员编号", "个人编号"],
  name: ["姓名", "成员姓名", "家庭成员姓名"],
  idNumber: ["证件号码", "身份证号码", "身份证号", "公民身份号码", "证件号", "身份证", "身份证件号码"],
  memberCount: ["人数", "家庭人口数", "家庭人数", "户人数", "人口数", "家庭人口"],
  relation: ["与户主关系", "与户主的关系", "关系"],
  ethnicity: ["民族"],
  education: ["文化程度", "学历"],
  schoolingStatus: ["在校生状况", "在校生情况", "在校情况", "在校状况"],
  health: ["健康状况", "健康状态"],
  labourAbility: ["劳动技能", "劳动能力"],
  workPlace: ["务工状况", "务工情况", "务工地点", "外出务工状况"],
  workMonths: ["务工时间(月)", "务工时间", "务工月数", "务工时长(月)", "务工时间(个月)"],
  hasSeriousIllnessInsurance: [
    "参加大病医疗",
    "是否参加大病医疗",
    "参加大病保险",
    "大病医疗保险",
    "大病保险",
  ],
  status: ["脱贫属性", "贫困状态", "脱贫状态"],
  povertyAttribute: ["贫困户属性", "贫困户类型", "户属性", "贫困户类别"],
  mainCause: ["主要致贫原因", "致贫原因"],
  isDangerousHouse: ["危房户", "是否危房户", "是否危房", "危房"],
  isDrinkingWaterSafe: ["饮水安全", "饮水是否安全", "是否饮水安全", "饮水", "饮水情况", "饮水安全情况"],
  hasWaterDifficulty: ["饮水困难", "是否饮水困难"],
  perCapitaIncome: ["人均纯收入", "人均收入", "家庭人均纯收入", "人均纯收入(元)"],
  phone: ["联系电话", "电话", "手机号码", "联系方式", "电话号码"],
  sex: ["性别"],
  disabilityGrade: ["残疾等级", "残疾级别"],
  liftedYear: ["脱贫年度", "脱贫年份", "脱贫时间"],
  dangerousHouseGrade: ["危房等级", "危房级别"],
  headName: ["户主姓名", "户主"],
  birthDate: ["出生日期", "出生年月"],
  memberStatus: ["成员状态", "人员状态"],
  hasBasicMedicalInsurance: [
    "参加城乡居民基本医疗保险",
    "基本医疗保险",
    "参加基本医疗保险",
    "参加城乡居民医疗保险",
  ],
  hasBasicPension: ["参加城乡居民基本养老保险", "基本养老保险", "参加基本养老保险", "参加养老保险"],
  identificationStandard: ["识别标准"],
  secondaryCauses: ["其他致贫原因", "次要致贫原因"],
  address: ["家庭住址", "住址", "地址"],
  incomeYear: ["收入年度", "收入年份"],
  wage: ["工资性收入"],
  business: ["生产经营性收入"],
  property: ["财产性收入"],
  transfer: ["转移性收入"],
  pension: ["养老金", "养老金收入"],
  dibao: ["低保金", "低保金收入"],
  tekun: ["特困供养金", "五保金"],
  ecoCompensation: ["生态补偿金", "生态补偿"],
  otherTransfer: ["其他转移性收入"],
  businessCosts: ["生产经营性支出"],
  cultivatedLandMu: ["耕地面积(亩)", "耕地面积"],
  forestLandMu: ["林地面积(亩)", "林地面积"],
  houseAreaM2: ["住房面积(平方米)", "住房面积"],
};

/** The 26 columns of the national person export, in order. */
export const NATIONAL_COLUMNS: readonly RosterColumnKey[] = ROSTER_COLUMN_KEYS.slice(0, 26);

/** What Bangfu's export appends to the national 26 so that a re-import loses nothing. */
export const EXPORT_EXTRA_COLUMNS: readonly RosterColumnKey[] = [
  "sex",
  "disabilityGrade",
  "liftedYear",
  "dangerousHouseGrade",
];

/** A file must have these columns; without them no row can be placed. */
export const REQUIRED_COLUMNS: readonly RosterColumnKey[] = [
  "householdNumber",
  "name",
  "idNumber",
  "relation",
  "village",
];

/** The header as Bangfu writes it. */
export function headerOf(key: RosterColumnKey): string {
  return ROSTER_HEADERS[key][0]!;
}

/**
 * A header cell as compared: normaliseText (full-width brackets become half-width, spaces go),
 * required-field stars and trailing colons dropped. 乡（镇） and 乡 (镇) both read 乡(镇).
 */
export function normaliseHeader(text: string): string {
  return normaliseText(text)
    .replace(/^[*※★]+|[*※★]+$/g, "")
    .replace(/[:：]$/, "");
}

const withoutBrackets = (header: string) => header.replace(/\([^)]*\)/g, "");

const headerLookup = new Map<string, RosterColumnKey>();
const looseLookup = new Map<string, RosterColumnKey>();
for (const key of ROSTER_COLUMN_KEYS) {
  for (const header of ROSTER_HEADERS[key]) {
    const normal = normaliseHeader(header);
    if (!headerLookup.has(normal)) headerLookup.set(normal, key);
    const loose = withoutBrackets(normal);
    if (loose !== "" && !looseLookup.has(loose)) looseLookup.set(loose, key);
  }
}

/** The column a header cell names, if any: exact forms first, then ignoring bracketed notes (元), (月). */
export function matchHeader(text: string): RosterColumnKey | undefined {
  const normal = normaliseHeader(text);
  if (normal === "") return undefined;
  return headerLookup.get(normal) ?? looseLookup.get(withoutBrackets(normal));
}
