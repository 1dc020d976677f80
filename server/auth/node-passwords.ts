import initialize from '@phi-ag/argon2/node';
import { createArgon2Hasher, type PasswordHasher } from './passwords.ts';

/** Node loads the argon2 .wasm from disk; the worker imports it as a module (server/worker.ts). */
export async function createNodePasswordHasher(): Promise<PasswordHasher> {
  return createArgon2Hasher(await initialize());
}
