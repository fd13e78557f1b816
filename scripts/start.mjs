// `npm start` and `npm run worker`: start from the compiled build in dist/, compiling first
// only when the sources changed since the last build. Compiling costs tens of seconds on a
// small machine; a restart with nothing changed should not pay it.
//
// The build's fingerprint (every file under src/ with its size and modification time, plus
// package.json, package-lock.json and the tsconfig files) is kept in dist/.build-stamp. When
// it differs from the sources', dist/ is rebuilt from scratch (so a deleted source leaves no
// stale module behind) and the stamp written last, so an interrupted build is redone.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const entries = { server: 'dist/main.js', worker: 'dist/worker-main.js' };
const entry = entries[process.argv[2] ?? 'server'];
if (!entry) {
  console.error(`usage: node scripts/start.mjs [${Object.keys(entries).join('|')}]`);
  process.exit(64);
}
const stampFile = 'dist/.build-stamp';

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const path = join(dir, item.name);
    return item.isDirectory() ? filesUnder(path) : [path];
  });
}

function sourceFingerprint() {
  const hash = createHash('sha256');
  const inputs = [...filesUnder('src'), 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'].filter((path) => existsSync(path)).sort();
  for (const path of inputs) {
    const { size, mtimeMs } = statSync(path);
    hash.update(`${path}\0${size}\0${mtimeMs}\n`);
  }
  return hash.update(process.version).digest('hex');
}

const fingerprint = sourceFingerprint();
const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
if (built !== fingerprint || !existsSync(entry)) {
  console.error('compiling the sources into dist/ (only after they change) …');
  rmSync('dist', { recursive: true, force: true });
  const npm = process.env.npm_execpath;
  const build = npm
    ? spawnSync(process.execPath, [npm, 'run', '--silent', 'build'], { stdio: 'inherit' })
    : spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(stampFile, `${fingerprint}\n`);
}

// The compiled entry runs in this process, so signals reach it directly.
await import(pathToFileURL(entry).href);
