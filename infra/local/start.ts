/**
 * `npm start`: the whole platform on this machine. Starts DynamoDB Local, fauxqs, the approval
 * workflow interpreter and the local identity providers (citizen and staff sign-in, accounts under
 * config/local), onboards the sample tenants under config/tenants that are not onboarded yet, and
 * serves the HTTP API (PORT, default 3000). Data lives in TONGBAN_DATA_DIR (default .data/).
 * Ctrl-C stops every engine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTenantConfigText } from '../../functions/catalogue/domain/tenant-config/index';
import { calendarWarning } from '../../functions/domain/calendar-warning';
import { systemClock } from '../../functions/shared/runtime';
import { environmentNames } from '../../functions/shared/environment-names';
import { startClockControl } from './clock-control';
import { buildPortalIfStale, webDistDirectory } from './portal-build';
import { startLocalPlatform } from './platform';

const repositoryRoot = join(__dirname, '..', '..');
const dataDir = process.env[environmentNames.dataDir] ?? join(repositoryRoot, '.data');
const httpPort = Number(process.env.PORT ?? 3000);
const configDir = join(repositoryRoot, 'config', 'tenants');

/** The sample counties of config/tenants, each file parsed; the portal lists the valid ones. */
function sampleTenantFiles() {
  return readdirSync(configDir)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((file) => ({ file, parsed: parseTenantConfigText(readFileSync(join(configDir, file), 'utf8'), file) }));
}

async function onboardSampleTenants(): Promise<void> {
  // required late: the SDK clients must be built after the local endpoints are in the environment
  const { applyTenantConfig } = require('../../functions/catalogue/use-cases') as typeof import('../../functions/catalogue/use-cases');
  const { catalogueDependencies } = require('../../functions/catalogue/wiring') as typeof import('../../functions/catalogue/wiring');
  for (const { file, parsed } of sampleTenantFiles()) {
    if (!parsed.ok) {
      console.error(`✗ config/tenants/${file}: ${parsed.errors.length} error(s); run npm run tenant:validate -- config/tenants/${file}`);
      continue;
    }
    if (await catalogueDependencies().tenants.profile(parsed.config.tenant.tenantId)) continue;
    const summary = await applyTenantConfig(catalogueDependencies(), parsed.config, { by: 'npm start', reason: '样例租户初始化 / sample tenant onboarding' });
    console.log(`✓ onboarded ${parsed.config.tenant.tenantId} ${parsed.config.tenant.name}: ${summary.published.length} items published`);
  }
}

/** The calendar the running platform counts on (the notices in its table, loaded ones included), checked once at start. */
async function printCalendarWarning(): Promise<void> {
  // required late, like the onboarding: the SDK clients must be built after the local endpoints are in the environment
  const { nationalCalendarSource } = require('../../functions/shared/national-calendar') as typeof import('../../functions/shared/national-calendar');
  const warning = calendarWarning(await nationalCalendarSource().fresh(), systemClock.now().toISOString());
  if (warning) console.warn(`⚠ ${warning.message}`);
}

async function main(): Promise<void> {
  console.log(`Tongban 通办 — local platform (data: ${dataDir})`);
  buildPortalIfStale(repositoryRoot, (line) => console.log(line));
  const tenants = sampleTenantFiles().flatMap(({ parsed }) =>
    parsed.ok ? [{ tenantId: parsed.config.tenant.tenantId, name: parsed.config.tenant.name }] : [],
  );
  const defaultTenantId = process.env.TONGBAN_DEFAULT_TENANT ?? tenants[0]?.tenantId ?? '';
  const platform = await startLocalPlatform({
    dataDir,
    httpPort,
    log: (line) => console.log(line),
    beforeServing: onboardSampleTenants,
    web: { distDir: webDistDirectory(repositoryRoot), tenants, defaultTenantId },
  });
  const origin = platform.url.replace('127.0.0.1', 'localhost');
  console.log(`✓ HTTP API ${origin}/v1 (contract: ${origin}/docs)`);
  console.log(`✓ 网上办事大厅 (citizen portal) ${origin}/`);
  console.log('  try: TOKEN=$(npm run --silent token -- --staff GTJ-007 --tenant 522732)');
  console.log(`       curl -s localhost:${new URL(platform.url).port}/v1/tenants/522732/departments/GTJ/tasks -H "authorization: Bearer $TOKEN"`);
  await printCalendarWarning();
  const clockControl = process.env.TONGBAN_LOCAL_CLOCK_CONTROL === 'on' ? await startClockControl(dataDir, platform.advanceClock) : undefined;
  if (clockControl) console.log('⚠ clock drill on (TONGBAN_LOCAL_CLOCK_CONTROL=on): POST {"days": n} to the URL in clock-control.json moves the clock');
  console.log('Ready. Press Ctrl-C to stop.');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping engines…`);
    clockControl?.close();
    await platform.stop();
    console.log('stopped; data kept in', dataDir);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: Error) => {
  console.error(`✗ start-up failed: ${error.message}`);
  process.exit(1);
});
