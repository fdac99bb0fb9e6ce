// The first screen's budget (issue: <= 250 KB of JS + CSS, gzipped): what index.html loads, measured after the build.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const LIMIT = 250 * 1024;
const dist = join(import.meta.dirname, '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const sizes = files.map((f) => [f, gzipSync(readFileSync(join(dist, f))).length]);
const total = sizes.reduce((sum, [, n]) => sum + n, 0);
for (const [f, n] of sizes) console.log(`  ${f}: ${(n / 1024).toFixed(1)} KB gzipped`);
console.log(`first screen: ${(total / 1024).toFixed(1)} KB gzipped of ${LIMIT / 1024} KB allowed`);
if (files.length === 0 || total > LIMIT) {
  console.error(files.length === 0 ? 'no assets found in index.html' : 'over budget');
  process.exit(1);
}
