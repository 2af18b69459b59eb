/**
 * `npm run bench:bombs`: uploads each bomb of issue #9 to the import preview of a server with the
 * DEFAULT limits, and prints how long the import took, what became of the file, and the slowest
 * /healthz and /api/chat answers while it was being parsed (asked every 100 ms meanwhile).
 */
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { deflateSync } from 'node:zlib';
import { docxOf, xlsxOf } from '../src/ingestion/bombs-test-support.js';
import { closeParsePools } from '../src/ingestion/index.js';
import { loggedIn, STAFF, startAdminServer } from '../src/server/admin/test-support.js';

async function manyPages(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([200, 200]);
  return doc.save();
}

/** One page whose content stream (text-showing operators) inflates to `mb` megabytes. */
async function inflating(mb: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([600, 800]);
  const op = 'BT /F1 12 Tf 10 10 Td (xiaoxin) Tj ET\n';
  const content = Buffer.from(op.repeat(Math.ceil((mb * 1024 * 1024) / op.length)));
  const stream = doc.context.stream(deflateSync(content, { level: 9 }), { Filter: 'FlateDecode' });
  page.node.set(PDFName.of('Contents'), doc.context.register(stream));
  page.node.setFontDictionary(PDFName.of('F1'), font.ref);
  return doc.save();
}

const setup = await startAdminServer({ rateLimit: 0 });
const editor = await loggedIn(setup.base, STAFF.editor);

async function timed(f: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await f();
  return performance.now() - start;
}

async function bench(name: string, file: string, bytes: Uint8Array): Promise<void> {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(bytes)]), file);
  let done = false;
  let maxHealth = 0;
  let maxChat = 0;
  let asked = 0;
  const probe = (async () => {
    while (!done) {
      maxHealth = Math.max(maxHealth, await timed(() => fetch(`${setup.base}/healthz`).then((r) => r.text())));
      maxChat = Math.max(
        maxChat,
        await timed(() =>
          fetch(`${setup.base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: '停车收费吗' }) }).then((r) => r.text()),
        ),
      );
      asked++;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const start = performance.now();
  const reply = await editor.request('POST', '/api/admin/import/preview', form);
  const took = (performance.now() - start) / 1000;
  done = true;
  await probe;
  const outcome = reply.status === 200 ? (reply.body.problems[0]?.message ?? `${reply.body.create.length} items`) : `${reply.status} ${reply.body.error}`;
  console.log(
    `${name.padEnd(30)} ${(bytes.length / 1024).toFixed(0).padStart(6)} KB  import ${took.toFixed(1).padStart(6)} s  ` +
      `max /healthz ${maxHealth.toFixed(0).padStart(5)} ms  max /api/chat ${maxChat.toFixed(0).padStart(5)} ms (${asked} probes)  ${outcome}`,
  );
}

try {
  await bench('20,000-page PDF', 'pages.pdf', await manyPages(20_000));
  await bench('PDF inflating to 100 MB', 'inflating.pdf', await inflating(100));
  await bench('DOCX, a million paragraphs', 'paragraphs.docx', docxOf(1_000_000));
  await bench('XLSX, 500,000 rows', 'rows.xlsx', xlsxOf(500_000));
} finally {
  await setup.close();
  await closeParsePools();
}
