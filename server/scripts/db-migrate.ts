/** `npm run db:migrate`: applies db/migrations to DATABASE_URL (e.g. Neon), else to PGlite in DATA_DIR. */
import { parseConfig } from '../config.ts';
import { openNodeDatabase } from '../../db/client.ts';

const config = parseConfig(process.env);
const database = await openNodeDatabase(config);
await database.close();
console.log(`Migrations applied to ${config.databaseUrl ? 'DATABASE_URL' : `PGlite in ${config.dataDir}`}.`);
