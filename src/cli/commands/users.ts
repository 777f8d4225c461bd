// `tally user …` and `tally token …`: accounts and API tokens of the server.
import Table from "cli-table3";
import type { Command } from "commander";
import { addUser, createToken, listTokens, listUsers, revokeToken, updateUser } from "../../services/use-cases/accounts.js";
import { ROLE_NAMES } from "../../shared/entities/account.js";
import { NotFound } from "../../shared/errors.js";
import { configOf, performWith } from "../context.js";
import { parseFormat, UsageError, type CliIo } from "../io.js";

const ROLES = ROLE_NAMES;

/** Reads a password from standard input (the first line). */
async function passwordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return (Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "").trim();
}

const roleOf = (value: string) => parseFormat(value, ROLES, "viewer", "--role");

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
      const made = await performWith(config, addUser, { name, role: roleOf(o.role), password });
      io.out(`created ${made.user.role} ${made.user.name}`);
      if (!password) io.out(`password: ${made.password}  (shown once; change it with tally user reset ${made.user.name})`);
    });

  user
    .command("list")
    .description("list accounts")
    .action(async (_o: unknown, cmd: Command) => {
      const { users } = await performWith(configOf(cmd), listUsers, {});
      const t = new Table({ head: ["id", "name", "role", "state", "created"], style: { head: [], border: [] } });
      for (const u of users) t.push([u.id, u.name, u.role, u.disabled ? "disabled" : u.lockedUntil ? `locked until ${u.lockedUntil}` : "active", u.createdAt]);
      io.out(t.toString());
    });

  user
    .command("disable <name>")
    .description("disable an account (its sessions end at once)")
    .action(async (name: string, _o: unknown, cmd: Command) => {
      await performWith(configOf(cmd), updateUser, { user: name, disabled: true });
      io.out(`disabled ${name}`);
    });

  user
    .command("enable <name>")
    .description("enable a disabled account")
    .action(async (name: string, _o: unknown, cmd: Command) => {
      await performWith(configOf(cmd), updateUser, { user: name, disabled: false });
      io.out(`enabled ${name}`);
    });

  user
    .command("role <name> <role>")
    .description("change an account's role")
    .action(async (name: string, role: string, _o: unknown, cmd: Command) => {
      const r = roleOf(role);
      await performWith(configOf(cmd), updateUser, { user: name, role: r });
      io.out(`${name} is now ${r}`);
    });

  user
    .command("reset <name>")
    .description("set a new password (generated and printed once unless --password-stdin); ends the account's sessions and lockout")
    .option("--password-stdin", "read the password from standard input")
    .action(async (name: string, o: { passwordStdin?: boolean }, cmd: Command) => {
      const config = configOf(cmd);
      const password = o.passwordStdin ? await passwordFromStdin() : null;
      const { password: pw } = await performWith(config, updateUser, { user: name, resetPassword: true, password });
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
      const made = await performWith(config, createToken, { user: o.user, name: o.name });
      io.out(`token ${made.id} for ${o.user}: ${made.token}`);
      io.out("(shown once: store it now)");
    });

  token
    .command("list")
    .description("list tokens (never their secrets)")
    .option("--user <name>", "only this user's")
    .action(async (o: { user?: string }, cmd: Command) => {
      const { tokens: rows } = await performWith(configOf(cmd), listTokens, o.user ? { user: o.user } : {});
      const t = new Table({ head: ["id", "user", "name", "created", "last used", "state"], style: { head: [], border: [] } });
      for (const r of rows) t.push([r.id, r.user, r.name, r.createdAt, r.lastUsedAt ?? "", r.revokedAt ? `revoked ${r.revokedAt}` : "active"]);
      io.out(t.toString());
    });

  token
    .command("revoke <id>")
    .description("revoke a token")
    .action(async (id: string, _o: unknown, cmd: Command) => {
      if (!/^\d+$/.test(id)) throw new UsageError(`a token is named by its number (got "${id}")`);
      // A token that does not exist was not active either (one line, exit 1, as for a revoked one).
      const done = await performWith(configOf(cmd), revokeToken, { id: Number(id) }).then(
        (r) => r.revoked,
        (err: unknown) => {
          if (err instanceof NotFound) return false;
          throw err;
        },
      );
      io.out(done ? `token ${id} revoked` : `token ${id} was not active`);
      if (!done) io.exitCode = 1;
    });
}
