/** The actions the server records today, offered in the audit filter (the server accepts any text). */
export const auditActions = [
  "session.login",
  "session.login_failed",
  "session.logout",
  "user.create",
  "user.update",
  "user.disable",
  "user.enable",
  "user.password_reset",
  "user.password_change",
  "region.create",
  "region.rename",
  "region.import",
  "demo.generate",
] as const;
