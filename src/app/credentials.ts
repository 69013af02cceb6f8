import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt's cost: N=2^15, r=8, p=3 is one of the equivalent minimums in OWASP's Password Storage Cheat
 * Sheet (checked 2026-12-01: https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html),
 * the one that needs the least memory (32 MiB per hash) for the same work.
 */
const N = 2 ** 15;
const R = 8;
const P = 3;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

const scryptAsync = (password: string, salt: Buffer, n: number, r: number, p: number) =>
  new Promise<Buffer>((resolve, reject) => scrypt(password, salt, KEYLEN, { N: n, r, p, maxmem: MAXMEM }, (e, key) => (e ? reject(e) : resolve(key))));

/** `scrypt$N$r$p$salt$key`, salt and key in base64url: the parameters travel with the hash, so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const parts = stored?.split('$');
  if (!parts || parts.length !== 6 || parts[0] !== 'scrypt') {
    // The same work when there is no such user or no password, so timing does not tell which names exist.
    await scryptAsync(password, Buffer.alloc(16), N, R, P);
    return false;
  }
  const [, n, r, p, salt, key] = parts;
  const want = Buffer.from(key!, 'base64url');
  const got = await scryptAsync(password, Buffer.from(salt!, 'base64url'), Number(n), Number(r), Number(p));
  return want.length === got.length && timingSafeEqual(want, got);
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A new API token: `mlnav_<id>_<secret>`. The id finds it; only the secret's SHA-256 is stored (it has 192 bits, so a slow hash adds nothing). */
export function newToken(): { id: string; secret: string; token: string; hash: string } {
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(24).toString('base64url');
  return { id, secret, token: `mlnav_${id}_${secret}`, hash: sha256(secret) };
}

export function parseToken(token: string): { id: string; secret: string } | undefined {
  const m = /^mlnav_([0-9a-f]{12})_([A-Za-z0-9_-]{32})$/.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : undefined;
}

export const sameHash = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** A web session: the cookie value (only its hash is stored) and a CSRF token the page sends back on writes. */
export function newSession(): { cookie: string; hash: string; csrf: string } {
  const cookie = randomBytes(32).toString('base64url');
  return { cookie, hash: sha256(cookie), csrf: randomBytes(24).toString('base64url') };
}
