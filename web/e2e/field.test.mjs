// Field mode in a real browser, with the browser's own offline emulation: a worker without a connection registers a
// case and walks it, reloads, comes back online, and the case exists exactly once with exactly those events; a reply
// lost mid-sync does not act twice; a change a supervisor made meanwhile sends the worker's action to review instead of
// overwriting anything. What the device keeps is sealed: the child's name is nowhere in IndexedDB in clear.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BASE, LAPTOP, PHONE, check, launch, person, signIn, touchTargets } from './helpers.mjs';

let browser;
const stamp = Date.now().toString(36);

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const csrf = async (context) => (await context.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;

async function history(page, caseId) {
  const answer = await page.request.get(`${BASE}/api/cases/${caseId}/history`);
  assert.equal(answer.status(), 200, `history of ${caseId}`);
  return answer.json();
}

const count = (events, type) => events.filter((e) => e.type === type).length;

async function step(page, button, done) {
  await page.getByRole('button', { name: button }).click();
  await page.getByText(done).first().waitFor();
}

async function note(page, text) {
  const field = page.getByLabel('Catatan', { exact: true }).last();
  await field.fill(text);
  await step(page, 'Simpan catatan', 'Catatan disimpan.');
  // the message may be the previous note's: this one is taken when its form is empty again
  await until(async () => (await field.inputValue()) === '', 'the note taken', 15_000);
}

/** The chip under the navigation: how many actions wait, need review or failed. */
async function status(page) {
  const chip = page.getByTestId('field-status');
  return { waiting: Number(await chip.getAttribute('data-waiting')), review: Number(await chip.getAttribute('data-review')),
    failed: Number(await chip.getAttribute('data-failed')) };
}

async function until(condition, what, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await condition();
    if (value) return value;
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Online, signed in, the app installed (service worker) and the reference data kept on the device. */
async function readyForTheField(page) {
  await signIn(page, 'peksos.bandung');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await until(() => page.evaluate(() => !!sessionStorage.getItem('amk.device-key')), 'the device key');
  await until(() => page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('amk-field');
    open.onsuccess = () => {
      const read = open.result.transaction('reference').objectStore('reference').count();
      read.onsuccess = () => resolve(read.result >= 5);
      read.onerror = () => resolve(false);
    };
    open.onerror = () => resolve(false);
  })), 'the reference data on the device');
}

/** A case of the worker's, registered online through the API (CSRF as the app sends it), opened on its page. */
async function registerOnline({ page, context }, name, { clusters = ['VIOLENCE_VICTIM'], riskLevel = 'LOW', source = 'WALK_IN' } = {}) {
  const registered = await page.request.post(`${BASE}/api/cases`, {
    headers: { 'X-XSRF-TOKEN': await csrf(context) },
    data: { regionCode: '32.73', child: { name, estimatedAge: 8, sex: 'F' }, clusters, riskLevel, source, consent: true },
  });
  assert.equal(registered.status(), 201);
  const { caseId } = await registered.json();
  await page.goto(`${BASE}/cases/${caseId}`);
  await page.getByText(name).first().waitFor();
  return caseId;
}

async function registerOffline(page, name) {
  await page.getByRole('link', { name: 'Kasus baru' }).click();
  await page.getByRole('heading', { name: 'Daftarkan kasus baru' }).waitFor();
  await page.getByLabel('Kabupaten/kota').selectOption('32.73');
  await page.getByLabel('Nama anak').fill(name);
  await page.getByLabel('Perkiraan umur (tahun)').fill('11');
  await page.getByLabel('Jenis kelamin').selectOption('M');
  await page.getByLabel('Orang tua/wali', { exact: true }).fill('Bapak Ujang');
  await page.locator('input[name=clusters][value=NEGLECT_VICTIM]').check();
  await page.getByLabel('Tingkat risiko').selectOption('HIGH');
  await page.getByLabel(/menyetujui penanganan/).check();
  await page.getByRole('button', { name: 'Daftarkan kasus' }).click();
  await page.getByText('Terdaftar di perangkat ini.').waitFor();
}

describe('a worker in a village without signal', () => {
  let worker;
  let caseId;
  const name = `Bima Lapangan ${stamp}`;

  before(async () => { worker = await person(browser, PHONE); });
  after(async () => { await worker.context.close(); });

  it('registers a case, records five steps and three notes offline, and reloads', async () => {
    const { page, context } = worker;
    await readyForTheField(page);
    await context.setOffline(true);
    await registerOffline(page, name);
    assert.match(page.url(), /\/cases\/local-/);
    await page.getByTestId('offline-copy').waitFor();
    await check(page, 'phone-field-registered-offline');
    await step(page, 'Simpan kontak pertama', 'Kontak pertama dicatat.');
    await page.getByLabel('Kebutuhan anak').fill('Makanan bergizi\nSekolah');
    await page.getByLabel('Risiko', { exact: true }).fill('Ditinggal sendirian berhari-hari');
    await page.locator('form[aria-labelledby=step-assessment] input[value=THERAPY]').check();
    await step(page, 'Simpan asesmen', 'Asesmen dicatat');
    await page.getByLabel('Tujuan', { exact: true }).fill('Anak diasuh kerabat');
    await page.getByLabel('Tindakan', { exact: true }).fill('Kunjungan keluarga besar');
    await page.getByLabel('Target tanggal').fill('2027-02-01');
    await step(page, 'Simpan rencana', 'Rencana dicatat.');
    await step(page, 'Mulai pelaksanaan', 'Pelaksanaan dimulai.');
    for (const n of [1, 2, 3]) await note(page, `Catatan lapangan ${n} ${stamp}`);
    await page.getByLabel('Alasan', { exact: true }).fill('Kerabat siap mengasuh');
    await step(page, 'Mulai resosialisasi', 'Resosialisasi dimulai.');
    await until(async () => (await status(page)).waiting === 9, '9 actions waiting');
    await check(page, 'phone-field-case-offline');

    await page.reload(); // no connection: the app comes from the service worker, the case and the outbox from the device
    await page.getByTestId('offline-copy').waitFor();
    assert.match(await page.locator('.stepper [aria-current=step]').innerText(), /Resosialisasi/);
    assert.deepEqual(await status(page), { waiting: 9, review: 0, failed: 0 });
    await page.getByRole('link', { name: 'Kerja lapangan' }).click();
    await page.getByRole('heading', { name: 'Kerja lapangan' }).waitFor();
    assert.equal(await page.locator('[data-state=WAITING]').count(), 9);
    await check(page, 'phone-field-waiting');
    await touchTargets(page, 'field');
  });

  it('keeps the child\'s name on the device only sealed', async () => {
    const { page } = worker;
    const clear = await page.evaluate((needle) => new Promise((resolve) => {
      const open = indexedDB.open('amk-field');
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction([...db.objectStoreNames]);
        const found = [];
        let pending = db.objectStoreNames.length;
        for (const store of db.objectStoreNames) {
          const all = tx.objectStore(store).getAll();
          all.onsuccess = () => {
            const text = JSON.stringify(all.result, (k, v) => (v instanceof ArrayBuffer ? new TextDecoder().decode(v) : v));
            if (text.includes(needle)) found.push(store);
            if (--pending === 0) resolve(found);
          };
        }
      };
    }), name);
    assert.deepEqual(clear, [], 'stores holding the name in clear');
  });

  it('comes back online: one case with exactly those events', async () => {
    const { page, context } = worker;
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await until(async () => (await status(page)).waiting === 0, 'the outbox sent');
    assert.deepEqual(await status(page), { waiting: 0, review: 0, failed: 0 });
    await page.getByRole('link', { name: 'Kasus saya' }).click();
    const card = page.locator('.cards li', { hasText: name });
    await card.waitFor();
    assert.equal(await card.count(), 1, 'the case once in the caseload');
    await card.locator('a').first().click();
    await page.getByText(name).first().waitFor();
    caseId = new URL(page.url()).pathname.split('/').pop();
    assert.doesNotMatch(caseId, /^local-/);
    const events = await history(page, caseId);
    assert.equal(count(events, 'CaseRegistered'), 1);
    for (const type of ['FirstContactRecorded', 'CaseAssessed', 'CasePlanned', 'InterventionStarted', 'ReintegrationStarted']) {
      assert.equal(count(events, type), 1, type);
    }
    assert.equal(count(events, 'ProgressNoteAdded'), 3, 'notes');
    assert.deepEqual(events.filter((e) => e.type === 'ProgressNoteAdded').map((e) => e.details.note),
      [1, 2, 3].map((n) => `Catatan lapangan ${n} ${stamp}`));
    const cases = await page.request.get(`${BASE}/api/cases?size=100`);
    assert.equal((await cases.json()).items.filter((c) => c.childName === name).length, 1, 'one case with that child');
  });

  it('loses the reply mid-sync and still acts once', async () => {
    const { page, context } = worker;
    await context.setOffline(true);
    for (const n of [4, 5, 6]) await note(page, `Catatan terputus ${n} ${stamp}`);
    let cut = 0;
    // the service receives and acts on the second note; its answer never reaches the browser
    await page.route('**/api/cases/*/notes', async (route) => {
      if (++cut === 2) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await until(async () => cut >= 2 && (await status(page)).waiting === 2, 'the sync interrupted at the lost reply');
    await page.unroute('**/api/cases/*/notes');
    await page.getByRole('link', { name: 'Kerja lapangan' }).click();
    await page.getByRole('button', { name: 'Kirim sekarang' }).click();
    await until(async () => (await status(page)).waiting === 0, 'the rest sent');
    const notes = (await history(page, caseId)).filter((e) => e.type === 'ProgressNoteAdded').map((e) => e.details.note);
    assert.deepEqual(notes.slice(3), [4, 5, 6].map((n) => `Catatan terputus ${n} ${stamp}`), 'each note exactly once');
  });

  it('threw no script error', () => {
    assert.deepEqual(worker.errors, []);
  });
});

describe('a supervisor reassigns while the worker is offline', () => {
  let worker;
  let supervisor;
  let caseId;
  const mine = `Catatan saya dari desa ${stamp}`;

  before(async () => {
    worker = await person(browser, PHONE);
    supervisor = await person(browser, LAPTOP);
  });
  after(async () => {
    await worker.context.close();
    await supervisor.context.close();
  });

  it('sends the worker\'s action to review, overwrites nothing, and after review the history holds both', async () => {
    const { page, context } = worker;
    await readyForTheField(page);
    caseId = await registerOnline(worker, `Sari Ditinjau ${stamp}`, { riskLevel: 'MEDIUM' });
    await page.getByRole('button', { name: 'Simpan di perangkat untuk kerja lapangan' }).click();
    await page.getByText('Tersimpan di perangkat ini.').waitFor();

    await context.setOffline(true);
    await note(page, mine);
    await until(async () => (await status(page)).waiting === 1, 'the note waiting');

    await signIn(supervisor.page, 'supervisor.jabar');
    await supervisor.page.goto(`${BASE}/cases/${caseId}`);
    await supervisor.page.getByLabel('Pekerja sosial', { exact: true }).selectOption('peksos.bandung.timur');
    await supervisor.page.getByRole('button', { name: 'Tugaskan', exact: true }).click();
    await supervisor.page.getByText('Kasus ditugaskan kepada peksos.bandung.timur.').waitFor();

    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await until(async () => (await status(page)).review === 1, 'the note in review');
    let events = await history(page, caseId);
    assert.equal(count(events, 'ProgressNoteAdded'), 0, 'the stale note was not sent blindly');
    assert.ok(events.some((e) => e.type === 'WorkerAssigned' && e.details.worker === 'peksos.bandung.timur'), 'the reassignment stands');

    await page.getByRole('link', { name: 'Kerja lapangan' }).click();
    const review = page.locator('[data-state=REVIEW]');
    await review.getByTestId('review-server-changes').getByText('peksos.bandung.timur').waitFor();
    await check(page, 'phone-field-review');
    await page.setViewportSize(LAPTOP);
    await check(page, 'laptop-field-review');
    await page.setViewportSize(PHONE);
    await review.getByRole('textbox').fill(`${mine} (setelah dialihkan)`);
    await review.getByRole('button', { name: 'Terapkan pada kasus seperti sekarang' }).click();
    await until(async () => (await status(page)).review === 0 && (await status(page)).waiting === 0, 'the review settled');

    events = await history(page, caseId);
    assert.ok(events.some((e) => e.type === 'WorkerAssigned' && e.details.worker === 'peksos.bandung.timur'), 'the reassignment still stands');
    assert.deepEqual(events.filter((e) => e.type === 'ProgressNoteAdded').map((e) => e.details.note), [`${mine} (setelah dialihkan)`]);
  });

  it('threw no script error', () => {
    assert.deepEqual(worker.errors, []);
    assert.deepEqual(supervisor.errors, []);
  });
});

async function deviceRows(page, store) {
  return page.evaluate((name) => new Promise((resolve) => {
    const open = indexedDB.open('amk-field');
    open.onsuccess = () => {
      const keys = open.result.transaction(name).objectStore(name).getAllKeys();
      keys.onsuccess = () => resolve(keys.result);
    };
  }), store);
}

describe('what the device keeps leaves it', () => {
  let worker;
  let supervisor;

  before(async () => {
    worker = await person(browser, PHONE);
    supervisor = await person(browser, LAPTOP);
  });
  after(async () => {
    await worker.context.close();
    await supervisor.context.close();
  });

  it('a case erased while the worker was offline is gone from the device at the next sync', async () => {
    const { page, context } = worker;
    await readyForTheField(page);
    const caseId = await registerOnline(worker, `Lina Dihapus ${stamp}`);
    await page.getByText('Tersimpan di perangkat ini.').waitFor();
    assert.ok((await deviceRows(page, 'cases')).includes(caseId));
    await context.setOffline(true);
    await note(page, `Catatan sebelum dihapus ${stamp}`);

    await signIn(supervisor.page, 'supervisor.jabar');
    const erased = await supervisor.page.request.delete(`${BASE}/api/cases/${caseId}/personal-data`, {
      headers: { 'X-XSRF-TOKEN': await csrf(supervisor.context) }, data: { reason: 'Permintaan orang tua (UU 27/2022)' },
    });
    assert.ok(erased.ok(), `erasure: ${erased.status()}`);

    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await until(async () => !(await deviceRows(page, 'cases')).includes(caseId), 'the erased case gone from the device');
  });

  it('signing out warns while actions wait, and then leaves nothing on the device', async () => {
    const { page } = worker;
    await page.getByRole('link', { name: 'Kasus saya' }).click();
    await until(async () => (await deviceRows(page, 'outbox')).length > 0, 'an action still on the device (the note on the erased case)');
    let warned = '';
    page.once('dialog', (dialog) => { warned = dialog.message(); void dialog.dismiss(); });
    await page.getByRole('button', { name: 'Keluar' }).click();
    await until(() => warned, 'the warning');
    assert.match(warned, /belum terkirim/);
    await page.getByRole('button', { name: 'Keluar' }).waitFor(); // still signed in
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('link', { name: 'Masuk' }).waitFor();
    for (const store of ['outbox', 'cases', 'ids']) assert.deepEqual(await deviceRows(page, store), [], store);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('amk.device-key') ?? localStorage.getItem('amk.session')), null);
  });

  it('threw no script error', () => {
    assert.deepEqual(worker.errors, []);
    assert.deepEqual(supervisor.errors, []);
  });
});

describe('case-service killed during a sync of 200 actions', { skip: !process.env.AMK_ROOT && 'AMK_ROOT not set (the platform to kill)' }, () => {
  let worker;
  const ACTIONS = 200;

  before(async () => { worker = await person(browser, PHONE); });
  after(async () => { await worker.context.close(); });

  it('loses none and duplicates none, reconciled against the case\'s events', async () => {
    const { page, context } = worker;
    await readyForTheField(page);
    const caseId = await registerOnline(worker, `Ayu Sinyal ${stamp}`, { clusters: ['EXPLOITED'], source: 'OUTREACH' });
    await page.getByText('Tersimpan di perangkat ini.').waitFor(); // the worker's own case

    await context.setOffline(true);
    for (let n = 1; n <= ACTIONS; n++) await note(page, `Kunjungan ${n} ${stamp}`);
    await until(async () => (await status(page)).waiting === ACTIONS, `${ACTIONS} actions waiting`, 10_000)
      .catch(async (e) => { throw new Error(`${e.message}: ${JSON.stringify(await status(page))}`); });

    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await until(async () => (await status(page)).waiting < ACTIONS - 20, 'the sync under way');
    // kill -9 in the middle of the sync, as a crash would, and start it again
    await promisify(execFile)('bash', [join(process.env.AMK_ROOT, 'amk'), 'restart', 'case-service', '--kill'], { timeout: 180_000 });
    const left = (await status(page)).waiting;
    assert.ok(left > 0, 'the kill came before the sync was done'); // else this test would prove nothing
    console.log(`case-service killed with ${left} of ${ACTIONS} actions still to send`);
    await page.getByRole('link', { name: 'Kerja lapangan' }).click();
    await until(async () => {
      const { waiting } = await status(page);
      const send = page.getByRole('button', { name: 'Kirim sekarang' }); // "Mengirim…" while a sync runs
      if (waiting > 0 && (await send.count()) > 0 && (await send.isEnabled())) await send.click();
      return waiting === 0;
    }, 'every action sent after the restart', 180_000);
    assert.deepEqual(await status(page), { waiting: 0, review: 0, failed: 0 });

    const notes = (await history(page, caseId)).filter((e) => e.type === 'ProgressNoteAdded').map((e) => e.details.note);
    const expected = Array.from({ length: ACTIONS }, (_, i) => `Kunjungan ${i + 1} ${stamp}`);
    assert.equal(notes.length, ACTIONS, `notes in the case's events (lost ${ACTIONS - new Set(notes).size}, duplicated ${notes.length - new Set(notes).size})`);
    assert.deepEqual(notes, expected, 'each once, in the order made');
  });
});
