import { z } from "zod";

/** Every error the API returns, with its HTTP status and its message in each UI language. */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, zh: "提交的数据有误，请检查后重试", en: "The submitted data is invalid" },
  MALFORMED_JSON: { status: 400, zh: "请求内容不是有效的 JSON", en: "The request body is not valid JSON" },
  UNAUTHENTICATED: { status: 401, zh: "请先登录", en: "Please sign in" },
  BAD_CREDENTIALS: { status: 401, zh: "用户名或密码错误", en: "Wrong username or password" },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: "登录失败次数过多，账号已暂时锁定，请稍后再试",
    en: "Too many failed sign-ins; the account is locked for a while",
  },
  ACCOUNT_DISABLED: { status: 403, zh: "账号已停用", en: "This account is disabled" },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: "首次登录或密码已重置，请先修改密码",
    en: "Please change your password first",
  },
  CSRF_FAILED: {
    status: 403,
    zh: "页面已过期，请刷新后重试",
    en: "The page has expired; reload and try again",
  },
  FORBIDDEN: { status: 403, zh: "您没有执行此操作的权限", en: "You are not allowed to do this" },
  OUT_OF_SCOPE: {
    status: 403,
    zh: "该行政区划不在您的管辖范围内",
    en: "That region is outside your scope",
  },
  NOT_FOUND: { status: 404, zh: "未找到该记录", en: "Not found" },
  ROUTE_NOT_FOUND: { status: 404, zh: "接口不存在", en: "No such API endpoint" },
  CONFLICT: { status: 409, zh: "记录已存在", en: "The record already exists" },
  STALE_VERSION: {
    status: 409,
    zh: "该记录已被他人修改，请刷新后再改",
    en: "Someone else changed this record; reload and try again",
  },
  BRIEFING_ISSUED: {
    status: 409,
    zh: "简报已印发，不能再修改",
    en: "This briefing has been issued and can no longer change",
  },
  PAYLOAD_TOO_LARGE: { status: 413, zh: "提交的内容过大", en: "The request is too large" },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    zh: "请求格式不受支持，请使用 JSON",
    en: "Unsupported content type; send JSON",
  },
  WEAK_PASSWORD: {
    status: 400,
    zh: "密码至少 10 位，且须同时包含字母和数字",
    en: "A password needs at least 10 characters with letters and digits",
  },
  MONITORING_STEP_OUT_OF_TURN: {
    status: 409,
    zh: "案件当前所处环节不能办理这一步",
    en: "This step cannot be taken at the case's current stage",
  },
  MONITORING_STEP_WRONG_ROLE: {
    status: 403,
    zh: "这一环节须由其他角色办理",
    en: "This step belongs to another role",
  },
  MONITORING_ELIMINATION_NOT_READY: {
    status: 409,
    zh: "尚不满足风险消除条件",
    en: "The risk cannot be marked eliminated yet",
  },
  MONITORING_CASE_HAS_OPEN_MEASURES: {
    status: 409,
    zh: "案件还有未完成的帮扶措施，不能消除风险",
    en: "The case still has open assistance measures; the risk cannot be marked eliminated",
  },
  MONITORING_CASE_IN_PROGRESS: {
    status: 409,
    zh: "该户已有进行中的监测案件",
    en: "The household already has a monitoring case in progress",
  },
  MONITORING_CASE_NOT_MONITORED: {
    status: 409,
    zh: "只有“监测帮扶中”的案件可以登记或修改帮扶措施",
    en: "Measures can be added or changed only while the case is monitored",
  },
  MONITORING_ALERT_NOT_OPEN: {
    status: 409,
    zh: "预警已不是待处理状态",
    en: "The alert is no longer open",
  },
  INTERNAL: { status: 500, zh: "服务器内部错误，请稍后再试", en: "Internal server error" },
  FONT_UNAVAILABLE: {
    status: 503,
    zh: "服务器上没有中文字体，无法生成 PDF：请安装 fonts-wqy-microhei（或设置 BANGFU_PDF_FONT 为字体文件路径）",
    en: "No Chinese font on the server for the PDF: install fonts-wqy-microhei (or set BANGFU_PDF_FONT to a font file)",
  },
  DATABASE_UNAVAILABLE: { status: 503, zh: "数据库暂时不可用", en: "The database is unavailable" },
} as const;

export type ErrorCode = keyof typeof ERRORS;
export const errorCodes = Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]];

/** The one error envelope every API error uses. */
export const errorEnvelope = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    /** Field-level problems: path of the field and what is wrong with it. */
    details: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
      .optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelope>;
