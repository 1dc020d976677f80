import { describe, expect, it } from 'vitest';
import { isCommonPassword } from '../server/auth/passwords.ts';
import { testPasswordHasher } from './helpers/app.ts';

describe('the argon2id password hasher', () => {
  it('stores a PHC string at the OWASP floor and verifies only the same password', async () => {
    const passwords = await testPasswordHasher();
    const encoded = await passwords.hash('correct horse battery');
    expect(encoded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await passwords.verify(encoded, 'correct horse battery')).toBe(true);
    expect(await passwords.verify(encoded, 'correct horse batterY')).toBe(false);
    expect(passwords.needsRehash(encoded)).toBe(false);
    expect(passwords.needsRehash('$argon2id$v=19$m=4096,t=1,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
    expect(passwords.needsRehash('$2b$10$bcrypthash')).toBe(true);
  });

  it('tells apart non-ASCII passwords that share a prefix (a bug of the WASM binding we work around)', async () => {
    const passwords = await testPasswordHasher();
    const encoded = await passwords.hash('pässwörd-naïve-ünïcode');
    expect(await passwords.verify(encoded, 'pässwörd-naïve-ünïcode')).toBe(true);
    expect(await passwords.verify(encoded, 'pässwörd-naïve-ünïcodX')).toBe(false);
    expect(await passwords.verify(encoded, 'pässwörd-naïve-ü')).toBe(false);
    // NFC and NFD spellings of one password are one password.
    expect(await passwords.verify(encoded, 'pässwörd-naïve-ünïcode'.normalize('NFD'))).toBe(true);
  });

  it('knows the common passwords of 10 characters or more, in any case', () => {
    expect(isCommonPassword('qwertyuiop')).toBe(true);
    expect(isCommonPassword('1234567890')).toBe(true);
    expect(isCommonPassword('QWERTYUIOP')).toBe(true);
    expect(isCommonPassword('correct horse battery')).toBe(false);
  });
});
