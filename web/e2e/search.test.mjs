// Finding a child: a worker searches their caseload by a name spelt another way (as a school or a village office would
// write it) and by NIK, on the phone and on a laptop, in Indonesian; the audit keeps what kind of search it was, not the name.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LAPTOP, PHONE, check, launch, person, signIn, touchTargets } from './helpers.mjs';

let browser;
const stamp = Date.now().toString(36).replace(/[0-9]/g, '');
// a NIK carries the birth date (DDMMYY): 1 June 2014
const nik = (tail) => `327301010614${tail}`;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function register(page, name, nik) {
  return page.evaluate(async ({ name, nik }) => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='))?.split('=')[1] ?? '';
    const answer = await fetch('/api/cases', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(csrf) },
      body: JSON.stringify({ regionCode: '32.73.01', child: { name, nik, birthDate: '2014-06-01', sex: 'M' }, clusters: ['VIOLENCE_VICTIM'],
        riskLevel: 'MEDIUM', source: 'WALK_IN', consent: true }),
    });
    const body = await answer.json();
    if (!body.caseId) throw new Error(JSON.stringify(body));
    return body.caseId;
  }, { name, nik });
}

describe('finding a child', () => {
  it('finds a child by another spelling of the name and by NIK', async () => {
    for (const [viewport, shot] of [[PHONE, 'phone-search'], [LAPTOP, 'laptop-search']]) {
      const worker = await person(browser, viewport);
      try {
        const { page } = worker;
        await signIn(page, 'peksos.bandung');
        const name = `Muhammad Rizki Tjahjadi ${stamp}${shot === 'phone-search' ? 'a' : 'b'}`;
        const childNik = nik(String(Date.now()).slice(-4));
        const caseId = await register(page, name, childNik);
        assert.ok(caseId, 'the case was registered');
        await page.getByRole('heading', { name: 'Kasus saya' }).waitFor();
        await page.getByLabel('Nama atau NIK anak').fill(`Mochammad Rizky Cahyadi ${stamp}${shot === 'phone-search' ? 'a' : 'b'}`);
        await page.getByLabel('Tahun lahir (opsional)').fill('2014');
        await page.getByRole('button', { name: 'Cari', exact: true }).click();
        await page.getByRole('link', { name: new RegExp(name) }).waitFor({ timeout: 30_000 });
        await check(page, shot);
        if (shot === 'phone-search') await touchTargets(page, shot);
        await page.getByRole('button', { name: 'Hapus pencarian' }).click();
        await page.getByLabel('Nama atau NIK anak').fill(childNik);
        await page.getByRole('button', { name: 'Cari', exact: true }).click();
        await page.getByRole('link', { name: new RegExp(name) }).waitFor({ timeout: 30_000 });
        await page.getByLabel('Nama atau NIK anak').fill(`Budi Santoso ${stamp}`);
        await page.getByLabel('Tahun lahir (opsional)').fill('');
        await page.getByRole('button', { name: 'Cari', exact: true }).click();
        await page.getByText('Tidak ada kasus yang cocok.').waitFor();
      } finally {
        await worker.context.close();
      }
    }
  });
});
