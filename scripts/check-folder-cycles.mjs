// Fails when the folders of src/app/ import each other in a circle (a → b → a, or longer):
// each folder of app/ is one seam, and a circle means two seams that cannot be read, moved or
// tested apart. Run by `npm run lint`; prints the circle it found.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve('src/app');

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The folder of app/ a file belongs to: its first path segment below app/, or '.' for app/ itself. */
function folderOf(path) {
  const inside = relative(root, path);
  return inside.includes(sep) ? inside.split(sep)[0] : '.';
}

const edges = new Map();
for (const file of sourceFiles(root)) {
  const from = folderOf(file);
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = resolve(dirname(file), match[1]);
    if (!target.startsWith(root + sep)) continue;
    const to = folderOf(target);
    if (to === from || to === '.' || from === '.') continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from).has(to)) edges.get(from).set(to, relative(process.cwd(), file));
  }
}

// Depth-first search for a back edge; reports the first circle with one importing file per step.
const state = new Map();
const path = [];
function visit(folder) {
  state.set(folder, 'open');
  path.push(folder);
  for (const next of (edges.get(folder) ?? new Map()).keys()) {
    if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next];
    if (!state.has(next)) {
      const found = visit(next);
      if (found) return found;
    }
  }
  path.pop();
  state.set(folder, 'done');
  return undefined;
}

for (const folder of edges.keys()) {
  if (state.has(folder)) continue;
  const circle = visit(folder);
  if (circle) {
    console.error(`src/app/ folders import each other in a circle: ${circle.join(' → ')}`);
    for (let index = 0; index < circle.length - 1; index += 1) {
      console.error(`  ${circle[index]} → ${circle[index + 1]}: ${edges.get(circle[index]).get(circle[index + 1])}`);
    }
    process.exit(1);
  }
}
console.log(`src/app/: ${edges.size} folders import others, no circle`);
