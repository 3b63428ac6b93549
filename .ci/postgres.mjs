// Database chores for .ci/run without psql: `available`, `create NAME`, `drop NAME`.
import pg from 'pg';

const [command, name] = process.argv.slice(2);
const server = process.env.CI_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  if (command === 'create') await client.query(`create database ${pg.escapeIdentifier(name)}`);
  if (command === 'drop') await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
  await client.end();
} catch (error) {
  if (command !== 'available') console.error(`postgres ${command}: ${error.message}`);
  process.exit(1);
}
