import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import id from '../locales/id.json';
import en from '../locales/en.json';

function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** i18next's plural forms: "count" is stored as count_one / count_other. */
const known = (all: Set<string>, key: string) => all.has(key) || all.has(`${key}_one`) || all.has(`${key}_other`);

describe('every text on screen exists in Bahasa Indonesia and in English', () => {
  const idKeys = new Set(keys(id));
  const enKeys = new Set(keys(en));

  it('has the same keys in both languages', () => {
    expect([...idKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !idKeys.has(k))).toEqual([]);
  });

  it('has every literal key the screens ask for', () => {
    const used = sources(join(import.meta.dirname, '..')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z][\w.]*)'/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter((k) => !known(idKeys, k))).toEqual([]);
  });

  it('has no empty text', () => {
    const empty = (tree: Record<string, unknown>) => keys(tree).filter((k) => k.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], tree) === '');
    expect(empty(id)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
