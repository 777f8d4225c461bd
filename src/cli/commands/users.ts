// `tally user …` and `tally token …`: accounts and API tokens of the server.
import Table from "cli-table3";
import type { Command } from "commander";
import { AuthService } from "../../services/auth.js";
import { NotFound } from "../../shared/errors.js";
import { ROLES } from "../../store/index.js";
import type { Role, Store, UserRecord } from "../../store/index.js";
import { configOf, withStore } from "../context.js";
import { parseFormat, UsageError, type CliIo } from "../io.js";

/** Reads a password from standard input (the first line). */
async function passwordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return (Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "").trim();
}


async function userNamed(s: Store, name: string): Promise<UserRecord> {
  const u = await s.getUser(name);
  if (!u) throw new NotFound("user", JSON.stringify(name), "name", `no user named ${JSON.stringify(name)}`);
  return u;
}

const roleOf = (value: string): Role => parseFormat(value, ROLES, "viewer", "--role");

/** Registers `user` and `token`. */
export function registerUsers(program: Command, io: CliIo): void {
  const user = program.command("user").description("accounts of the web server: admin (everything, users), analyst (ingest, review, edit), viewer (read)");

  user
    .command("add <name>")
    .description("create an account; its password is generated and printed once unless --password-stdin")
    .requiredOption("--role <role>", ROLES.join(", "))
    .option("--password-stdin", "read the password from standard input")
    .action(async (name: string, o: { role: string; passwordStdin?: boolean }, cmd: Command) => {
      const config = configOf(cmd);
      const password = o.passwordStdin ? await passwordFromStdin() : null;
      const made = await withStore(config, (s) => new AuthService(s).addUser(name, roleOf(o.role), password, config.collector));
      io.out(`created ${made.user.role} ${made.user.name}`);
      if (!password) io.out(`password: ${made.password}  (shown once; change it with tally user reset ${made.user.name})`);
    });

  user
    .command("list")
    .description("list accounts")
    .action(async (_o: unknown, cmd: Command) => {
      const users = await withStore(configOf(cmd), (s) => s.listUsers());
      const t = new Table({ head: ["id", "name", "role", "state", "created"], style: { head: [], border: [] } });
      for (const u of users) t.push([u.id, u.name, u.role, u.disabled ? "disabled" : u.lockedUntil && Date.parse(u.lockedUntil) > Date.now() ? `locked until ${u.lockedUntil}` : "active", u.createdAt]);
      io.out(t.toString());
    });

  user
    .command("disable <name>")
    .description("disable an account (its sessions end at once)")
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const config = configOf(cmd);
      await withStore(config, async (s) => s.updateUser((await userNamed(s, name)).id, { disabled: true }));
      io.out(`disabled ${name}`);
    });

  user
    .command("enable <name>")
    .description("enable a disabled account")
    .action(async (name: string, _o: unknown, cmd: Command) => {
      await withStore(configOf(cmd), async (s) => s.updateUser((await userNamed(s, name)).id, { disabled: false }));
      io.out(`enabled ${name}`);
    });

  user
    .command("role <name> <role>")
    .description("change an account's role")
    .action(async (name: string, role: string, _o: unknown, cmd: Command) => {
      const r = roleOf(role);
      await withStore(configOf(cmd), async (s) => s.updateUser((await userNamed(s, name)).id, { role: r }));
      io.out(`${name} is now ${r}`);
    });

  user
    .command("reset <name>")
    .description("set a new password (generated and printed once unless --password-stdin); ends the account's sessions and lockout")
    .option("--password-stdin", "read the password from standard input")
    .action(async (name: string, o: { passwordStdin?: boolean }, cmd: Command) => {
      const config = configOf(cmd);
      const password = o.passwordStdin ? await passwordFromStdin() : null;
      const pw = await withStore(config, async (s) => new AuthService(s).resetPassword(await userNamed(s, name), password, config.collector));
      io.out(password ? `password of ${name} changed` : `new password of ${name}: ${pw}  (shown once)`);
    });

  const token = program.command("token").description("API tokens for scripts (sent as Authorization: Bearer …)");

  token
    .command("add")
    .description("create a token for a user; it is printed once and only its hash is kept")
    .requiredOption("--user <name>", "the account the token acts as")
    .requiredOption("--name <label>", "what the token is for")
    .action(async (o: { user: string; name: string }, cmd: Command) => {
      const config = configOf(cmd);
      const made = await withStore(config, async (s) => new AuthService(s).createToken((await userNamed(s, o.user)).id, o.name, config.collector));
      io.out(`token ${made.id} for ${o.user}: ${made.token}`);
      io.out("(shown once: store it now)");
    });

  token
    .command("list")
    .description("list tokens (never their secrets)")
    .option("--user <name>", "only this user's")
    .action(async (o: { user?: string }, cmd: Command) => {
      const rows = await withStore(configOf(cmd), async (s) => {
        const only = o.user ? (await userNamed(s, o.user)).id : undefined;
        const users = new Map((await s.listUsers()).map((u) => [u.id, u.name]));
        return (await s.listApiTokens(only)).map((t) => ({ ...t, user: users.get(t.userId) ?? String(t.userId) }));
      });
      const t = new Table({ head: ["id", "user", "name", "created", "last used", "state"], style: { head: [], border: [] } });
      for (const r of rows) t.push([r.id, r.user, r.name, r.createdAt, r.lastUsedAt ?? "", r.revokedAt ? `revoked ${r.revokedAt}` : "active"]);
      io.out(t.toString());
    });

  token
    .command("revoke <id>")
    .description("revoke a token")
    .action(async (id: string, _o: unknown, cmd: Command) => {
      if (!/^\d+$/.test(id)) throw new UsageError(`a token is named by its number (got "${id}")`);
      const done = await withStore(configOf(cmd), (s) => s.revokeApiToken(Number(id)));
      io.out(done ? `token ${id} revoked` : `token ${id} was not active`);
      if (!done) io.exitCode = 1;
    });
}
