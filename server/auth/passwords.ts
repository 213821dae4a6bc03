/**
 * Application passwords as WordPress makes them (WP_Application_Passwords): 24 letters and digits, shown in groups
 * of four, accepted with or without the spaces (`preg_replace( '/[^a-z\d]/i', '', $password )`). Only a slow hash is
 * stored: scrypt with a random salt, compared in constant time.
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const PASSWORD_LENGTH = 24;
/** 2^15 × 8 × 128 bytes = 32 MB and about 60 ms a try: slow for a guesser, quick enough for one sign-in. */
const COST: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_BYTES = 32;

/** A new password, 24 characters from a 62-character alphabet (142 bits), drawn without bias. */
export function generatePassword(): string {
  let password = '';
  for (let i = 0; i < PASSWORD_LENGTH; i++) password += ALPHABET[randomInt(ALPHABET.length)];
  return password;
}

/** How WordPress shows it once: `abcd efgh ijkl mnop qrst uvwx`. */
export const chunked = (password: string) => password.match(/.{1,4}/g)?.join(' ') ?? '';

/** What is compared: the letters and digits only, as WordPress strips spaces and anything else. */
export const normalizedPassword = (input: string) => input.replace(/[^a-z\d]/gi, '');

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$key`, salt and key in base64url: the cost travels with the hash, so it can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(normalizedPassword(password), salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches `stored`; a malformed hash matches nothing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: COST.maxmem };
  const actual = await derive(normalizedPassword(password), Buffer.from(salt, 'base64url'), options);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash of a password nobody has, verified when the user name is unknown, so that an unknown name takes as long to
 * refuse as a wrong password and the time tells nothing either.
 */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPassword(generatePassword()));
