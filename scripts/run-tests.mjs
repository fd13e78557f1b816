// Runs every *.test.ts under src/ and test/ (or those whose path contains one of the
// arguments) with Node's own test runner, through tsx.
//
// On the embedded database, files that use a database copy one migrated PGlite data
// directory prepared here, instead of each paying PGlite's initdb (seconds and 800 MB).
// It is prepared only when a selected file uses the database, in a directory of this run's
// own, and removed when the run ends (also on failure or Ctrl-C). A file uses the database
// when it is named `*.db.test.ts` or imports, directly or through other modules of the
// repository, test/support/test-database.ts or test/support/server-process.ts. A file that
// opens a database without being recognised fails with a message saying so, rather than
// quietly working without the template. With TEST_DATABASE_URL set, each test file makes
// its own schema on that server instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const roots = ['src', 'test'];
const filter = process.argv.slice(2);
const databaseModules = new Set(['test/support/test-database.ts', 'test/support/server-process.ts'].map((path) => resolve(path)));

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

/** The repository's own modules a module imports (`./x.js` is `./x.ts` on disk). */
function relativeImports(file) {
  const source = readFileSync(file, 'utf8');
  const imports = [];
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = resolve(dirname(file), match[1]);
    const candidates = [target.replace(/\.js$/, '.ts'), target, `${target}.ts`, join(target, 'index.ts')];
    const found = candidates.find((candidate) => candidate.endsWith('.ts') && existsSync(candidate));
    if (found) imports.push(found);
  }
  return imports;
}

/** Whether a test file uses the database, by its name or by what it imports (transitively). */
function usesDatabase(file) {
  if (file.endsWith('.db.test.ts')) return true;
  const seen = new Set();
  const pending = [resolve(file)];
  while (pending.length > 0) {
    const module = pending.pop();
    if (databaseModules.has(module)) return true;
    if (seen.has(module)) continue;
    seen.add(module);
    pending.push(...relativeImports(module));
  }
  return false;
}

let files = roots.flatMap((root) => findTests(root)).sort();
if (filter.length > 0) files = files.filter((file) => filter.some((part) => file.includes(part)));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}

const env = { ...process.env };

// Some tests need Debian packages: the page tests drive Debian's chromium (never a downloaded
// browser); the letter, receipt and dossier tests read PDFs with poppler's pdfsig and pdftotext.
// On a fresh Debian machine where we may install packages (root), install what is missing;
// otherwise say what it is.
const chromium = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const readsPdfs = (file) => /letters|receipt|export|dossier|sign-pdf/.test(file);
const missing = [];
if (files.some((file) => file.startsWith(join('test', 'pages'))) && !existsSync(chromium)) missing.push('chromium', 'fonts-dejavu-core');
if (files.some(readsPdfs) && !existsSync('/usr/bin/pdfsig')) missing.push('poppler-utils');
if (missing.length > 0) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(`these tests need Debian packages: run \`sudo apt-get install ${missing.join(' ')}\`${missing.includes('chromium') ? ` (or set CHROMIUM_PATH to a chromium at hand)` : ''}`);
    process.exit(1);
  }
  console.log(`installing what the tests need from Debian (apt-get install ${missing.join(' ')})`);
  const options = { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } };
  if (spawnSync('apt-get', ['update', '-qq'], options).status !== 0 || spawnSync('apt-get', ['install', '-y', '-qq', ...missing], options).status !== 0) {
    console.error(`could not install ${missing.join(' ')} with apt-get`);
    process.exit(1);
  }
}

// Removed however the run ends; `exit` handlers run on process.exit and after signals below.
let templateDir;
const removeTemplate = () => {
  if (templateDir) rmSync(templateDir, { recursive: true, force: true, maxRetries: 3 });
  templateDir = undefined;
};
process.on('exit', removeTemplate);

const databaseFiles = files.filter(usesDatabase);
let database = 'no database';
if (databaseFiles.length > 0) {
  // Also on PostgreSQL: the journeys that start a server on an embedded data directory copy it
  // instead of paying PGlite's initdb in every server they start.
  database = env.TEST_DATABASE_URL ? 'PostgreSQL (TEST_DATABASE_URL)' : 'embedded PGlite';
  templateDir = mkdtempSync(join(tmpdir(), 'aduan-pglite-template-'));
  const prepared = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/prepare-template.ts', templateDir], { stdio: 'inherit', env });
  if (prepared.status !== 0) process.exit(prepared.status ?? 1);
  env.TEST_PGLITE_TEMPLATE = templateDir;
} else {
  if (env.TEST_DATABASE_URL) database = 'PostgreSQL (TEST_DATABASE_URL)';
  // Tells test/support why there is no template, so a file that opens a database anyway fails loudly.
  env.TEST_PGLITE_TEMPLATE = 'none';
}

console.log(`database: ${database} (${databaseFiles.length} of ${files.length} test files use one)`);
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files.map((file) => relative('.', file))],
  { stdio: 'inherit', env },
);
// Ctrl-C reaches the test runner too (same process group); wait for it to stop, then clean up.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    child.kill(signal);
    child.once('exit', () => process.exit(130));
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
