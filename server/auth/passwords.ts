import type Argon2 from '@phi-ag/argon2';
import { Argon2Type, Argon2Version } from '@phi-ag/argon2';
import { encodeBase64 } from '@oslojs/encoding';
import { COMMON_LONG_PASSWORDS } from './common-passwords.ts';

/** Hashes and verifies passwords; the encoded form is a PHC string, so parameters can be raised later. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(encoded: string, password: string): Promise<boolean>;
  /** True when `encoded` was made with weaker parameters than today's: rehash on the next sign-in. */
  needsRehash(encoded: string): boolean;
}

/** argon2id at the OWASP floor: 19 MiB, 2 passes, 1 lane. */
export const ARGON2_PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, hashLength: 32 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
const commonPasswords = new Set(COMMON_LONG_PASSWORDS);

export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(password.toLowerCase());
}

/**
 * @phi-ag/argon2 0.5.28 hands the WASM the string's UTF-16 length as its byte count, so for a
 * non-ASCII password it hashes only a prefix of the UTF-8 bytes ("aéb" and "aéZ" verified alike,
 * measured). We therefore hash the base64 of the UTF-8 bytes of the NFC-normalized password:
 * ASCII only, injective, and the same in every runtime. Keep this if the library is replaced.
 */
function argon2Input(password: string): string {
  return encodeBase64(new TextEncoder().encode(password.normalize('NFC')));
}

export function createArgon2Hasher(argon2: Argon2, params: typeof ARGON2_PARAMS = ARGON2_PARAMS): PasswordHasher {
  return {
    async hash(password) {
      return argon2.hash(argon2Input(password), {
        ...params,
        type: Argon2Type.Argon2id,
        version: Argon2Version.Version13,
      }).encoded;
    },
    async verify(encoded, password) {
      return argon2.tryVerify(encoded, argon2Input(password), Argon2Type.Argon2id).success;
    },
    needsRehash(encoded) {
      const match = /^\$argon2id\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(encoded);
      if (!match) return true;
      const [, version, m, t, p] = match.map(Number) as [number, number, number, number, number];
      return (
        version !== Argon2Version.Version13 || m < params.memoryCost || t < params.timeCost || p < params.parallelism
      );
    },
  };
}
