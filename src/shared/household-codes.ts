// Code lists of the household registry, as the national registration system (国扶系统) labels
// them. Codes are stable English words stored in the database; labels are what people read and
// what imported spreadsheets contain.

/** A code list: stored code → Chinese label (as in the national system) and English label. */
export type CodeList<C extends string> = Readonly<Record<C, { zh: string; en: string }>>;

function codeList<C extends string>(list: Record<C, { zh: string; en: string }>): CodeList<C> {
  return list;
}

/** The codes of a list, as a tuple for z.enum. */
export function codesOf<C extends string>(list: CodeList<C>): [C, ...C[]] {
  return Object.keys(list) as [C, ...C[]];
}

export const POVERTY_ATTRIBUTES = codeList({
  general: { zh: "一般贫困户", en: "Ordinary poor household" },
  dibao: { zh: "低保贫困户", en: "Minimum-living-allowance (dibao) household" },
  tekun: { zh: "特困供养贫困户", en: "Extreme-poverty support (tekun) household" },
});

export const IDENTIFICATION_STANDARDS = codeList({
  national: { zh: "国家标准", en: "National standard" },
  provincial: { zh: "省定标准", en: "Provincial standard" },
  municipal: { zh: "市定标准", en: "Municipal standard" },
});

export const POVERTY_CAUSES = codeList({
  illness: { zh: "因病", en: "Illness" },
  disability: { zh: "因残", en: "Disability" },
  schooling: { zh: "因学", en: "Schooling costs" },
  disaster: { zh: "因灾", en: "Disaster" },
  lack_land: { zh: "缺土地", en: "Lack of land" },
  lack_water: { zh: "缺水", en: "Lack of water" },
  lack_skills: { zh: "缺技术", en: "Lack of skills" },
  lack_labour: { zh: "缺劳力", en: "Lack of labour" },
  lack_capital: { zh: "缺资金", en: "Lack of capital" },
  poor_transport: { zh: "交通条件落后", en: "Poor transport" },
  low_motivation: { zh: "自身发展动力不足", en: "Low self-development drive" },
  other: { zh: "其他", en: "Other" },
});

export const POVERTY_STATUSES = codeList({
  not_lifted: { zh: "未脱贫", en: "Not lifted" },
  lifted: { zh: "已脱贫", en: "Lifted" },
  returned: { zh: "返贫", en: "Returned to poverty" },
  removed: { zh: "已清退", en: "Removed from the register" },
});

export const DANGEROUS_HOUSE_GRADES = codeList({
  none: { zh: "非危房", en: "Not dangerous" },
  a: { zh: "A级", en: "Grade A" },
  b: { zh: "B级", en: "Grade B" },
  c: { zh: "C级", en: "Grade C" },
  d: { zh: "D级", en: "Grade D" },
});

export const FUEL_TYPES = codeList({
  firewood: { zh: "柴草", en: "Firewood" },
  coal: { zh: "煤炭", en: "Coal" },
  gas: { zh: "燃气", en: "Gas" },
  electricity: { zh: "电", en: "Electricity" },
  biogas: { zh: "沼气", en: "Biogas" },
  other: { zh: "其他", en: "Other" },
});

export const RELATIONS = codeList({
  head: { zh: "户主", en: "Head" },
  spouse: { zh: "配偶", en: "Spouse" },
  son: { zh: "之子", en: "Son" },
  daughter: { zh: "之女", en: "Daughter" },
  daughter_in_law: { zh: "之儿媳", en: "Daughter-in-law" },
  son_in_law: { zh: "之女婿", en: "Son-in-law" },
  grandson: { zh: "之孙子", en: "Grandson" },
  granddaughter: { zh: "之孙女", en: "Granddaughter" },
  father: { zh: "之父", en: "Father" },
  mother: { zh: "之母", en: "Mother" },
  grandfather: { zh: "之祖父", en: "Grandfather" },
  grandmother: { zh: "之祖母", en: "Grandmother" },
  sibling: { zh: "兄弟姐妹", en: "Sibling" },
  other: { zh: "其他", en: "Other" },
});

export const EDUCATION_LEVELS = codeList({
  illiterate: { zh: "文盲或半文盲", en: "Illiterate or semi-literate" },
  primary: { zh: "小学", en: "Primary school" },
  junior: { zh: "初中", en: "Junior secondary" },
  senior: { zh: "高中", en: "Senior secondary" },
  vocational: { zh: "中专", en: "Vocational secondary" },
  college: { zh: "大专及以上", en: "College or above" },
  preschool: { zh: "学龄前儿童", en: "Pre-school child" },
});

export const SCHOOLING_STATUSES = codeList({
  not_in_school: { zh: "非在校生", en: "Not in school" },
  preschool: { zh: "学前教育", en: "Pre-school" },
  primary: { zh: "小学", en: "Primary school" },
  junior: { zh: "七年级至九年级", en: "Junior secondary (grades 7-9)" },
  senior: { zh: "普通高中", en: "Senior secondary" },
  vocational: { zh: "中职", en: "Secondary vocational" },
  higher_vocational: { zh: "高职", en: "Higher vocational" },
  undergraduate: { zh: "本科及以上", en: "Undergraduate or above" },
  dropped_out: { zh: "辍学", en: "Dropped out" },
});

export const HEALTH_STATUSES = codeList({
  healthy: { zh: "健康", en: "Healthy" },
  chronic: { zh: "长期慢性病", en: "Long-term chronic illness" },
  serious: { zh: "患有大病", en: "Serious illness" },
  disabled: { zh: "残疾", en: "Disabled" },
});

export const DISABILITY_GRADES = codeList({
  grade1: { zh: "一级", en: "Grade 1" },
  grade2: { zh: "二级", en: "Grade 2" },
  grade3: { zh: "三级", en: "Grade 3" },
  grade4: { zh: "四级", en: "Grade 4" },
});

export const LABOUR_ABILITIES = codeList({
  ordinary: { zh: "普通劳动力", en: "Ordinary labour" },
  skilled: { zh: "技能劳动力", en: "Skilled labour" },
  weak: { zh: "弱劳动力或半劳动力", en: "Weak or half labour" },
  lost: { zh: "丧失劳动力", en: "Lost labour ability" },
  none: { zh: "无劳动力", en: "No labour ability" },
});

export const WORK_PLACES = codeList({
  none: { zh: "未务工", en: "Not working away" },
  in_township: { zh: "乡内务工", en: "Within the township" },
  in_county: { zh: "县内乡外务工", en: "In the county, outside the township" },
  in_province: { zh: "省内县外务工", en: "In the province, outside the county" },
  out_of_province: { zh: "省外务工", en: "Outside the province" },
});

export const MEMBER_STATUSES = codeList({
  active: { zh: "在户", en: "In the household" },
  moved_out: { zh: "已迁出", en: "Moved out" },
  deceased: { zh: "已死亡", en: "Deceased" },
});

export const ETHNICITIES = codeList({
  han: { zh: "汉族", en: "Han" },
  yi: { zh: "彝族", en: "Yi" },
  zhuang: { zh: "壮族", en: "Zhuang" },
  miao: { zh: "苗族", en: "Miao" },
  tujia: { zh: "土家族", en: "Tujia" },
  hui: { zh: "回族", en: "Hui" },
  yao: { zh: "瑶族", en: "Yao" },
  tibetan: { zh: "藏族", en: "Tibetan" },
  other: { zh: "其他民族", en: "Other" },
});
