import type { CodeList } from "./household-codes.js";

// Labels of the dashboard's groupings (the registry's own code lists are in household-codes.ts).

export const GUARANTEE_NAMES: CodeList<"food_clothing" | "education" | "medical" | "housing" | "water"> = {
  food_clothing: { zh: "不愁吃、不愁穿", en: "Food and clothing" },
  education: { zh: "义务教育有保障", en: "Compulsory education" },
  medical: { zh: "基本医疗有保障", en: "Basic medical care" },
  housing: { zh: "住房安全有保障", en: "Safe housing" },
  water: { zh: "饮水安全有保障", en: "Safe drinking water" },
};

export const INCOME_BAND_NAMES: CodeList<
  "below_4000" | "4000_6000" | "6000_10000" | "10000_20000" | "from_20000" | "unknown"
> = {
  below_4000: { zh: "4000 元以下", en: "Below 4,000" },
  "4000_6000": { zh: "4000–6000 元", en: "4,000–6,000" },
  "6000_10000": { zh: "6000–10000 元", en: "6,000–10,000" },
  "10000_20000": { zh: "10000–20000 元", en: "10,000–20,000" },
  from_20000: { zh: "20000 元及以上", en: "20,000 and more" },
  unknown: { zh: "无收入记录", en: "No income record" },
};

/** The dashboard's tables, each downloadable as .xlsx. */
export const DASHBOARD_TABLES: CodeList<
  | "children"
  | "status"
  | "lifted"
  | "causes"
  | "guarantees"
  | "income"
  | "fieldwork"
  | "isolation"
  | "difficulties"
  | "monitoring"
> = {
  children: { zh: "下级区划", en: "Regions below" },
  status: { zh: "贫困状态与属性", en: "Status and attribute" },
  lifted: { zh: "脱贫年度", en: "Year lifted" },
  causes: { zh: "致贫原因", en: "Poverty causes" },
  guarantees: { zh: "两不愁三保障", en: "Basic guarantees" },
  income: { zh: "人均纯收入分布", en: "Per-capita income" },
  fieldwork: { zh: "走访与排查", en: "Visits and screening" },
  isolation: { zh: "疫情隔离情况", en: "Isolation" },
  difficulties: { zh: "困难问题", en: "Difficulties" },
  monitoring: { zh: "防返贫监测", en: "Monitoring" },
};
