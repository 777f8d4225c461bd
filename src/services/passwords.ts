// Password hashing with scrypt (Node's OpenSSL implementation): salted, memory-hard, compared in
// constant time. Stored as scrypt$N$r$p$salt$hash (base64url), so the cost can rise later.
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { Invalid } from "../shared/errors.js";

const N = 1 << 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const MAX_MEM = 64 * 1024 * 1024;

/** A password an account may not have. */
export class PasswordPolicyError extends Invalid {
  constructor(message: string) {
    super(message, "password");
    this.name = "PasswordPolicyError";
  }
}

/** Minimum password length. */
export const MIN_PASSWORD_LENGTH = 10;

/** Throws PasswordPolicyError when a password is too weak to accept. */
export function checkPasswordPolicy(password: string, userName: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new PasswordPolicyError(`a password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > 1024) throw new PasswordPolicyError("a password may have at most 1024 characters");
  if (password.toLowerCase().includes(userName.toLowerCase())) throw new PasswordPolicyError("a password must not contain the user name");
}

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, KEY_BYTES, { N: n, r, p, maxmem: MAX_MEM }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** The stored form of a password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ["scrypt", N, R, P, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** True when `password` matches the stored hash (false for a malformed hash). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![n, r, p].every((x) => Number.isInteger(x) && x > 0) || n > 1 << 20) return false;
  const expected = Buffer.from(parts[5] ?? "", "base64url");
  if (expected.length === 0) return false;
  const key = await derive(password, Buffer.from(parts[4] ?? "", "base64url"), n, r, p);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash that matches no password: compared against when the user does not exist, so timing does not tell. */
export const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString("base64url")}$${Buffer.alloc(KEY_BYTES).toString("base64url")}`;

/** A random password for a new account, shown once. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
