import type { Messages } from "./Messages.js";

/** The workbench's part of the English dictionary, typed by the Chinese one. */
export const homeEn: Messages["home"] = {
  hello: "Hello, {name}",
  username: "Username",
  role: "Role",
  region: "Scope",
  regionsText: "Browse the region tree and find townships, villages and village groups.",
  householdsText: "Find and register households; keep members, income and caseworkers up to date.",
  householdsReadText: "See the registered households in your area and their basic guarantees.",
  rosterText:
    "Import households from national-system, Excel or WPS rosters, checked row by row before you confirm.",
  usersText: "Create accounts, assign roles and scopes, reset passwords.",
  usersReadText: "See the accounts in your area.",
  auditText: "See who did what and when, with the values before and after.",
  todoTitle: "Waiting for you",
  todoAlerts: "Open alerts",
  todoCases: "Cases awaiting my action",
  todoPendingChanges: "Registry changes to check",
  dashboardText:
    "Households, people, lifting, basic guarantees, visits and monitoring by region; export to Excel.",
  briefingsText: "Write work briefings from the figures, edit and issue them; download as PDF or Word.",
  monitoringText:
    "Monitoring against returning to poverty: alerts, identification, measures and risk elimination.",
  visitsText:
    "Screening campaigns, visit coverage, difficulty lists, pending registry changes and visit QR codes.",
};
