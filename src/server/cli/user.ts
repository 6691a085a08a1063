import { countyCodeOf, isDivisionCode } from "../../shared/division-code.js";
import { passwordProblem } from "../../shared/password-rules.js";
import { ROLES, type Role } from "../../shared/roles.js";
import { recordAudit } from "../modules/audit/audit.service.js";
import { deleteUserSessions, findLoginCandidate, updatePasswordHash } from "../modules/auth/auth.queries.js";
import { generatePassword, hashPassword } from "../modules/auth/password.js";
import { findRegion } from "../modules/regions/regions.queries.js";
import { insertUser, isUsernameTaken } from "../modules/users/users.queries.js";
import { parseOptions, readStdin, runCommand, UsageError } from "./cli-support.js";

const USAGE = `Usage:
  npm run user -- add --username U --role ROLE --region CODE [--name 显示名]
  npm run user -- reset-password --username U

The password is read from standard input (e.g. echo 'S3cret-pass' | npm run user -- add ...).
With nothing piped in, a one-time password is generated, printed once, and must be changed at sign-in.
Roles: ${ROLES.join(", ")}.
With the embedded database, stop the server first (the command refuses while it runs).`;

const CLI_ORIGIN = { ip: null, userAgent: "bangfu-cli" };

async function choosePassword(username: string): Promise<{ password: string; isGenerated: boolean }> {
  const piped = (await readStdin())?.trim();
  if (!piped) return { password: generatePassword(), isGenerated: true };
  const problem = passwordProblem(piped, username);
  if (problem)
    throw new UsageError(`Password rejected (${problem}): at least 10 characters with letters and digits.`);
  return { password: piped, isGenerated: false };
}

await runCommand(USAGE, async (db, args) => {
  const { positionals, values } = parseOptions(args, {
    username: { type: "string" },
    role: { type: "string" },
    region: { type: "string" },
    name: { type: "string" },
  });
  const [action] = positionals;
  const username = values.username?.trim().toLowerCase();
  if (!username) throw new UsageError("--username is required");
  if (action === "add") {
    const role = values.role as Role;
    if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
    const region = values.region?.trim() ?? "";
    if (!isDivisionCode(region) || !(await findRegion(db, region)))
      throw new UsageError(`Unknown region code: ${region}`);
    if (!/^[a-z0-9][a-z0-9_.-]{2,39}$/.test(username))
      throw new UsageError("Username: 3-40 of a-z 0-9 _ . -");
    if (await isUsernameTaken(db, username)) throw new UsageError(`Username ${username} is taken`);
    const { password, isGenerated } = await choosePassword(username);
    const passwordHash = await hashPassword(password);
    await db.transaction(async (tx) => {
      const id = await insertUser(tx, {
        username,
        displayName: values.name?.trim() || username,
        role,
        regionCode: region,
        countyCode: countyCodeOf(region) ?? null,
        phone: null,
        passwordHash,
        isDemo: false,
      });
      await tx.query("update app_user set must_change_password = $2 where id = $1", [id, isGenerated]);
      await recordAudit(tx, null, CLI_ORIGIN, {
        action: "user.create",
        entityType: "user",
        entityId: id,
        regionCode: region,
        after: { username, role, regionCode: region },
      });
    });
    console.log(`Created ${username} (${role}, ${region}).`);
    if (isGenerated) console.log(`One-time password: ${password}`);
    return;
  }
  if (action === "reset-password") {
    const user = await findLoginCandidate(db, username);
    if (!user) throw new UsageError(`No user named ${username}`);
    const { password, isGenerated } = await choosePassword(username);
    const passwordHash = await hashPassword(password);
    await db.transaction(async (tx) => {
      await updatePasswordHash(tx, user.id, passwordHash, isGenerated);
      await deleteUserSessions(tx, user.id);
      await recordAudit(tx, null, CLI_ORIGIN, {
        action: "user.password_reset",
        entityType: "user",
        entityId: user.id,
        regionCode: user.regionCode,
      });
    });
    console.log(`Password of ${username} reset; the account is unlocked.`);
    if (isGenerated) console.log(`One-time password: ${password}`);
    return;
  }
  throw new UsageError(`Unknown command: ${action ?? "(none)"}`);
});
