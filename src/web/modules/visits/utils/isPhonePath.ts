/** Whether `pathname` belongs to the phone mode (/phone and below). */
export function isPhonePath(pathname: string): boolean {
  return pathname === "/phone" || pathname.startsWith("/phone/");
}
