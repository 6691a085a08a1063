/** Why a new password is not acceptable, or undefined when it is. */
export function passwordProblem(
  password: string,
  username?: string,
): "too_short" | "needs_letters_and_digits" | "contains_username" | undefined {
  if (password.length < 10) return "too_short";
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return "needs_letters_and_digits";
  if (username && password.toLowerCase().includes(username.toLowerCase())) return "contains_username";
  return undefined;
}
