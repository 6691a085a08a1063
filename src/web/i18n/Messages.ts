import type { zh } from "./zh.js";

/** The shape of a dictionary: the Chinese source dictionary with string leaves. */
export type Messages = typeof zh;
