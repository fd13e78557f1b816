// Runs every *.test.ts under src/ and test/ with Node's own test runner (through tsx).
// On the embedded database it first prepares one migrated PGlite data directory as a
// template, so each test file copies it instead of paying PGlite's initdb (about 3 s and
// 800 MB) again. With TEST_DATABASE_URL set, each test file makes its own schema instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['src', 'test'];
const filter = process.argv.slice(2);

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

let files = roots.flatMap((root) => findTests(root)).sort();
if (filter.length > 0) files = files.filter((file) => filter.some((part) => file.includes(part)));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}

const env = { ...process.env };

// The page tests drive Debian's chromium, never a downloaded browser. On a fresh Debian
// machine where we may install packages (root), install it; otherwise say what is missing.
const chromium = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (files.some((file) => file.startsWith(join('test', 'pages'))) && !existsSync(chromium)) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(`the page tests need Debian's chromium at ${chromium}: run \`sudo apt-get install chromium fonts-dejavu-core\` (or set CHROMIUM_PATH)`);
    process.exit(1);
  }
  console.log('installing Debian\'s chromium for the page tests (apt-get install chromium fonts-dejavu-core)');
  const options = { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } };
  if (spawnSync('apt-get', ['update', '-qq'], options).status !== 0 || spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core'], options).status !== 0) {
    console.error('could not install chromium with apt-get');
    process.exit(1);
  }
}
if (!env.TEST_DATABASE_URL) {
  const prepared = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/prepare-template.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env,
  });
  if (prepared.status !== 0) process.exit(prepared.status ?? 1);
  env.TEST_PGLITE_TEMPLATE = prepared.stdout.toString().trim();
}

console.log(`database: ${env.TEST_DATABASE_URL ? 'PostgreSQL (TEST_DATABASE_URL)' : 'embedded PGlite'}; ${files.length} test files`);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
