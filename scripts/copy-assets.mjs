// tsc compiles only TypeScript: copy the pages' stylesheets, scripts and icons beside the
// compiled modules, where src/http/web/kit/assets.ts looks for them.
import { cpSync, rmSync } from 'node:fs';

rmSync('dist/http/web/kit/assets', { recursive: true, force: true });
cpSync('src/http/web/kit/assets', 'dist/http/web/kit/assets', { recursive: true });
