/**
 * `npm run admin:create -- email@example.com`: makes an admin, the only way to get one.
 * The password comes from ADMIN_PASSWORD, else a strong one is generated and printed once.
 */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { openNodeDatabase } from '../../db/client.ts';
import { createAdmin } from '../auth/admin.ts';
import { createNodePasswordHasher } from '../auth/node-passwords.ts';
import { parseConfig } from '../config.ts';

const email = process.argv[2];
if (!email) {
  console.error('Usage: npm run admin:create -- email@example.com   (password from ADMIN_PASSWORD, or generated)');
  process.exit(2);
}
const generated = !process.env.ADMIN_PASSWORD;
const password =
  process.env.ADMIN_PASSWORD || encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(15)));

const config = parseConfig(process.env);
const database = await openNodeDatabase(config);
try {
  const admin = await createAdmin(database.db, await createNodePasswordHasher(), { email, password });
  console.log(`Admin ${admin.email} created (user ${admin.id}).`);
  if (generated) console.log(`Password (shown once): ${password}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await database.close();
}
