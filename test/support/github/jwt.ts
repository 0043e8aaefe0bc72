import { createVerify, type KeyObject } from 'node:crypto';

/** Verifies a GitHub App JWT (RS256, iss = app id, not expired, at most 10 minutes long) as GitHub does. */
export function verifyAppJwt(jwt: string, publicKey: KeyObject, appId: number): boolean {
  const parts = jwt.split('.');
  if (parts.length !== 3) return false;
  const [header, payload, signature] = parts as [string, string, string];
  try {
    const head = JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: string };
    if (head.alg !== 'RS256') return false;
    const verifier = createVerify('RSA-SHA256');
    verifier.update(`${header}.${payload}`);
    if (!verifier.verify(publicKey, Buffer.from(signature, 'base64url'))) return false;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
      iss?: number | string;
      exp?: number;
      iat?: number;
    };
    const now = Math.floor(Date.now() / 1000);
    return (
      Number(claims.iss) === appId &&
      (claims.exp ?? 0) > now &&
      (claims.iat ?? Infinity) <= now + 60 &&
      (claims.exp ?? 0) - (claims.iat ?? 0) <= 660
    );
  } catch {
    return false;
  }
}
