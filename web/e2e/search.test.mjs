// Finding a child: a worker searches their caseload by a name spelt another way (as a school or a village office would
// write it) and by NIK, on the phone and on a laptop, in Indonesian; the audit keeps what kind of search it was, not the name.
// A child reported twice: registering them again shows the existing case and why it is thought the same child; the worker
// opens it, or registers another child all the same with a reason that goes into the new case's history.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE, LAPTOP, PHONE, SHOTS, check, launch, person, signIn, touchTargets } from './helpers.mjs';

let browser;
const stamp = Date.now().toString(36).replace(/[0-9]/g, '');
// a NIK carries the birth date (DDMMYY): 1 June 2014
const nik = (tail) => `327301010614${tail}`;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function register(page, name, nik, more = {}) {
  return page.evaluate(async ({ name, nik, more }) => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='))?.split('=')[1] ?? '';
    const answer = await fetch('/api/cases', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(csrf) },
      body: JSON.stringify({ regionCode: '32.73.01', child: { name, nik, birthDate: '2014-06-01', sex: 'M', ...more }, clusters: ['VIOLENCE_VICTIM'],
        riskLevel: 'MEDIUM', source: 'WALK_IN', consent: true }),
    });
    const body = await answer.json();
    if (!body.caseId) throw new Error(JSON.stringify(body));
    return body.caseId;
  }, { name, nik, more });
}

/** The registration form filled as a second source writes the child: another spelling, the phone with +62. */
async function registerAgain(page, name, phone) {
  await page.getByRole('link', { name: 'Kasus baru' }).click();
  await page.getByRole('heading', { name: 'Daftarkan kasus baru' }).waitFor();
  await page.getByLabel('Kabupaten/kota').selectOption('32.73');
  await page.getByLabel('Nama anak').fill(name);
  await page.getByLabel('Tanggal lahir').fill('2013-02-03');
  await page.getByLabel('Jenis kelamin').selectOption('F');
  await page.getByLabel('Telepon orang tua/wali').fill(`+62 ${phone.slice(1)}`);
  await page.locator('input[name=clusters][value=NEGLECT_VICTIM]').check();
  await page.getByLabel('Tingkat risiko').selectOption('MEDIUM');
  await page.getByRole('button', { name: 'Daftarkan kasus' }).click();
  await page.getByRole('heading', { name: 'Mungkin anak ini sudah punya kasus' }).waitFor({ timeout: 30_000 });
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

describe('a child reported twice', () => {
  it('shows the existing case with the reasons; a new case all the same needs a reason, which its history keeps', async () => {
    const worker = await person(browser, PHONE);
    try {
      const { page } = worker;
      await signIn(page, 'peksos.bandung');
      const phone = `0857${String(Date.now()).slice(-8)}`;
      const existing = await register(page, `Siti Nurhaliza ${stamp}c`, null, { birthDate: '2013-02-03', sex: 'F', guardianPhone: phone });
      await registerAgain(page, `Siti Nurhalizah ${stamp}c`, phone);
      const panel = page.getByRole('region', { name: 'Mungkin anak ini sudah punya kasus' });
      const card = panel.locator('.card', { hasText: `Siti Nurhaliza ${stamp}c` });
      for (const why of ['Nama mirip', 'Tanggal lahir sama', 'Telepon wali sama', 'Kabupaten/kota sama']) {
        await card.getByText(why, { exact: true }).waitFor();
      }
      // what the worker sees at that moment: the panel, scrolled to (before the full-page screenshot, which scrolls)
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Mungkin anak ini sudah punya kasus');
      await page.screenshot({ path: join(SHOTS, 'phone-duplicates-seen.png') });
      await check(page, 'phone-duplicates');
      await touchTargets(page, 'phone-duplicates');
      // nothing is registered without a reason
      await page.getByRole('button', { name: 'Tetap daftarkan sebagai anak lain' }).click();
      await page.getByText('Tuliskan alasannya.').waitFor();
      await page.getByLabel('Mengapa ini anak lain?').fill('Saudara kembar, tinggal serumah');
      await page.getByRole('button', { name: 'Tetap daftarkan sebagai anak lain' }).click();
      await page.getByText(/telah didaftarkan/).waitFor();
      const second = new URL(page.url()).pathname.split('/').pop();
      assert.notEqual(second, existing);
      const history = await (await page.request.get(`${BASE}/api/cases/${second}/history`)).text();
      assert.match(history, /Bukan anak yang sama dengan AMK-3273-/);
      assert.match(history, /Saudara kembar, tinggal serumah/);
      assert.deepEqual(worker.errors, []);
    } finally {
      await worker.context.close();
    }
  });

  it('opens the existing case instead of registering a second one, on a laptop', async () => {
    const worker = await person(browser, LAPTOP);
    try {
      const { page } = worker;
      await signIn(page, 'peksos.bandung');
      const phone = `0858${String(Date.now()).slice(-8)}`;
      const existing = await register(page, `Wahyuni Djuwita ${stamp}d`, null, { birthDate: '2013-02-03', sex: 'F', guardianPhone: phone });
      await registerAgain(page, `Wahjoeni Juwita ${stamp}d`, phone);
      await check(page, 'laptop-duplicates');
      await page.getByRole('link', { name: /^Buka kasus AMK-3273-/ }).first().click();
      await page.waitForURL(`**/cases/${existing}`);
      await page.getByRole('heading', { name: `Wahyuni Djuwita ${stamp}d` }).waitFor();
      assert.deepEqual(worker.errors, []);
    } finally {
      await worker.context.close();
    }
  });
});

describe('a report of a child who has a case', () => {
  it('shows triage the likely case, and one tap marks the report its duplicate', async () => {
    const worker = await person(browser, PHONE);
    try {
      const { page, context } = worker;
      await signIn(page, 'peksos.bandung');
      const existing = await register(page, `Rahmat Hidayat ${stamp}e`, null, { birthDate: '2015-05-05', sex: 'M' });
      // the case's line in the caseload (what the check reads) follows its registration by a moment
      for (let i = 0; i < 30; i++) {
        const found = await (await page.request.get(`${BASE}/api/cases?name=${encodeURIComponent(`Rahmat Hidayat ${stamp}e`)}`)).json();
        if (found.items.some((c) => c.caseId === existing)) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      const age = new Date().getFullYear() - 2015 - (new Date() < new Date(new Date().getFullYear(), 4, 5) ? 1 : 0);
      const csrf = (await context.cookies()).find((c) => c.name === 'XSRF-TOKEN').value;
      // the village office reports the same boy, in the old spelling, with the age it guesses
      const submitted = await page.request.post(`${BASE}/api/reports`, { headers: { 'X-XSRF-TOKEN': csrf },
        data: { reporterType: 'VILLAGE_OFFICE', regionCode: '32.73', description: `Anak sering tidak pulang ${stamp}`, urgency: 'MEDIUM',
          suspectedClusters: ['NEGLECT_VICTIM'], child: { name: `Rachmat Hidajat ${stamp}e`, estimatedAge: age, sex: 'M' } } });
      assert.equal(submitted.status(), 201);
      const { reportId } = await submitted.json();
      await page.goto(`${BASE}/reports/${reportId}`);
      const panel = page.getByRole('region', { name: 'Mungkin duplikat dari kasus yang sudah ada' });
      await panel.waitFor({ timeout: 30_000 });
      const card = panel.locator('.card', { hasText: `Rahmat Hidayat ${stamp}e` });
      for (const why of ['Nama mirip', 'Tahun lahir sama', 'Kabupaten/kota sama']) await card.getByText(why, { exact: true }).waitFor();
      await check(page, 'phone-report-duplicate');
      await card.getByRole('button', { name: /^Anak yang sama: duplikat AMK-3273-/ }).click();
      await page.getByText(/Laporan akan ditolak sebagai duplikat AMK-3273-/).waitFor();
      await page.getByRole('button', { name: 'Tolak laporan' }).click();
      await page.locator('.badge', { hasText: 'Ditolak' }).waitFor();
      const report = await (await page.request.get(`${BASE}/api/reports/${reportId}`)).json();
      assert.equal(report.status, 'REJECTED');
      assert.equal(report.linkedCaseId, existing);
      assert.deepEqual(worker.errors, []);
    } finally {
      await worker.context.close();
    }
  });
});

describe('one child, several cases', () => {
  it('registers a returning child as the same child, links a case found alike later, and erases the child in all their cases', async () => {
    const cases = [];
    const worker = await person(browser, PHONE);
    try {
      const { page } = worker;
      await signIn(page, 'peksos.bandung');
      const phone = `0859${String(Date.now()).slice(-8)}`;
      const name = `Dimas Prasetyo ${stamp}f`;
      const first = await register(page, name, null, { birthDate: '2013-02-03', sex: 'F', guardianPhone: phone });
      const firstNumber = (await (await page.request.get(`${BASE}/api/cases/${first}`)).json()).caseNumber;
      // a year later the child comes back: the registration shows the first case, and the worker registers a new case of the same child
      await registerAgain(page, `Dimas Prasetijo ${stamp}f`, phone);
      const panel = page.getByRole('region', { name: 'Mungkin anak ini sudah punya kasus' });
      await panel.locator('.card', { hasText: name }).getByRole('button', { name: 'Anak yang sama, kasus baru' }).click();
      await page.getByText(/telah didaftarkan/).waitFor();
      const second = new URL(page.url()).pathname.split('/').pop();
      assert.notEqual(second, first);
      cases.push(first, second);
      const others = page.getByRole('region', { name: 'Kasus lain anak ini' }).or(page.locator('section.same-child'));
      await others.getByRole('link', { name: firstNumber }).waitFor();
      await check(page, 'phone-same-child');

      // a third case, registered as another child by mistake, is found alike from its own screen and linked, with why
      const third = await register(page, `Dimas Prasetya ${stamp}f`, null, { birthDate: '2013-02-03', sex: 'F', guardianPhone: phone });
      cases.push(third);
      for (let i = 0; i < 30; i++) { // the cases' lines (what the look reads) follow their registration by a moment
        const found = await (await page.request.get(`${BASE}/api/cases?name=${encodeURIComponent(name)}`)).json();
        if (found.items.some((c) => c.caseId === second)) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      await page.goto(`${BASE}/cases/${third}`);
      await page.getByRole('button', { name: 'Cari kasus lain anak ini' }).click();
      const candidates = page.getByRole('region', { name: 'Mungkin anak yang sama' });
      const candidate = candidates.locator('.card', { hasText: firstNumber });
      await candidate.waitFor({ timeout: 30_000 });
      await candidate.getByRole('button', { name: 'Ini anak yang sama' }).click();
      await candidate.getByText('Tuliskan alasannya.').waitFor();
      await page.screenshot({ path: join(SHOTS, 'phone-same-child-link-seen.png') });
      await candidate.getByLabel('Mengapa ini anak yang sama?').fill('Telepon ibu dan tanggal lahir sama, nama ditulis lain');
      await candidate.getByRole('button', { name: 'Ini anak yang sama' }).click();
      await page.getByText(`Kasus ini sekarang tercatat sebagai anak yang sama dengan kasus ${firstNumber}.`).waitFor();
      await page.locator('section.same-child').getByRole('link', { name: firstNumber }).waitFor();
      await check(page, 'phone-same-child-linked');
      await page.getByRole('tab', { name: 'Riwayat' }).click();
      await page.getByText('Dicatat sebagai anak yang sama dengan kasus lain').waitFor();
      await page.getByText('Telepon ibu dan tanggal lahir sama, nama ditulis lain').waitFor();
      assert.deepEqual(worker.errors, []);
    } finally {
      await worker.context.close();
    }

    // the child asks to be forgotten: the supervisor erases the child's data in every case of the child at once
    const supervisor = await person(browser, LAPTOP);
    try {
      const { page } = supervisor;
      await signIn(page, 'supervisor.jabar');
      const one = await (await page.request.get(`${BASE}/api/cases/${cases[0]}`)).json();
      assert.deepEqual(one.sameChild.cases.map((c) => c.caseId).sort(), cases.slice(1).sort());
      await page.goto(`${BASE}/cases/${one.caseId}`);
      await page.getByRole('checkbox', { name: /Hapus juga data anak ini di 2 kasus lainnya/ }).check();
      await page.getByLabel('Dasar permintaan penghapusan').fill('Permintaan wali (UU 27/2022)');
      await page.getByRole('button', { name: 'Hapus data pribadi…' }).click();
      await page.getByText(`Data pribadi anak pada kasus ${one.caseNumber} dan 2 kasus lainnya akan dihapus selamanya.`).waitFor();
      await page.getByLabel(`Ketik nomor kasus ${one.caseNumber} untuk mengonfirmasi`).fill(one.caseNumber);
      await check(page, 'laptop-erase-child');
      await page.getByRole('button', { name: 'Hapus selamanya' }).click();
      await page.getByText('Data pribadi anak telah dihapus.').waitFor();
      for (const caseId of cases) {
        const detail = await (await page.request.get(`${BASE}/api/cases/${caseId}`)).json();
        assert.equal(detail.personalDataErased, true, caseId);
      }
      assert.deepEqual(supervisor.errors, []);
    } finally {
      await supervisor.context.close();
    }
  });
});
