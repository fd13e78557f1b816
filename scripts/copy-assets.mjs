// tsc compiles only TypeScript: copy the pages' stylesheets, scripts and icons beside the
// compiled modules, where src/http/web/assets.ts looks for them.
import { cpSync, rmSync } from 'node:fs';

rmSync('dist/http/web/assets', { recursive: true, force: true });
cpSync('src/http/web/assets', 'dist/http/web/assets', { recursive: true });
