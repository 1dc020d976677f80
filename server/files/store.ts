/**
 * Where the app keeps files (the originals of uploaded resumes): one small interface, an R2
 * bucket in the worker (r2-store.ts), a folder under DATA_DIR under Node (dir-store.ts), memory
 * in tests. Keys are the app's own (fileKeys below), never a name a user chose.
 */
export interface FileStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes what is stored under each key; a missing key is not an error. */
  delete(keys: readonly string[]): Promise<void>;
}

export const fileKeys = {
  /** The seeker's latest uploaded resume: replaced by the next upload. */
  seekerResume: (seekerId: number) => `seekers/${seekerId}/resume`,
  /** The copy an application keeps, whatever the seeker uploads later. */
  applicationResume: (applicationId: number) => `applications/${applicationId}/resume`,
};

export function createMemoryFileStore(): FileStore & { keys(): string[] } {
  const files = new Map<string, Uint8Array>();
  return {
    async put(key, bytes) {
      files.set(key, bytes.slice());
    },
    async get(key) {
      return files.get(key)?.slice() ?? null;
    },
    async delete(keys) {
      for (const key of keys) files.delete(key);
    },
    keys: () => [...files.keys()].sort(),
  };
}
