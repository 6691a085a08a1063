/** The react-query key of the signed-in session (null when nobody is signed in). */
export const sessionQueryKey = ["session"] as const;
