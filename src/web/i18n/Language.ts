/** The UI languages; the value is also what the app sends as Accept-Language. */
export type Language = "zh-CN" | "en";
