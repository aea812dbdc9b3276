/**
 * N separate one-page letters, fonts shared (Kansli's setup) vs parsed afresh per document (what
 * plain pdfmake does). Prints JSON lines.
 *
 *   node --import tsx bench/pdf-fonts.ts [N=200]
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { MONO_FONT, mm, pdfFontStats, renderPdf, setPdfFontReuse } from '../src/core/documents/pdf';

const N = Number(process.argv[2] ?? 200);
const CREATED = new Date('2026-03-14T10:00:00Z');

function letter(i: number): TDocumentDefinitions {
  return {
    info: { title: `Faktura ${1000 + i}`, author: 'Ærøy og Östra Bygdelag', creationDate: CREATED },
    language: 'sv-SE',
    content: [
      { text: 'Ærøy og Östra Bygdelag', bold: true, fontSize: 13 },
      {
        // Window-envelope address block (C5/DL window, left).
        absolutePosition: { x: mm(25), y: mm(50) },
        stack: [`Åsa Öberg ${i}`, 'Storgatan 12 B', '123 45 Småstad'],
      },
      { text: `Faktura ${1000 + i}`, bold: true, fontSize: 16, margin: [0, mm(60), 0, 8] },
      'Medlemsavgift för 2026. Tack för att du är med i föreningen! Betala senast den 31 mars. ' +
        'Vid frågor, kontakta kassören på kassor@example.se. Müller, café, € 250.',
      {
        margin: [0, 12, 0, 12],
        table: {
          widths: ['*', 'auto'],
          body: [
            [{ text: 'Avgift', bold: true }, { text: 'Belopp', bold: true }],
            ['Medlemsavgift 2026', '250,00 kr'],
            ['Tidningen (frivillig)', '100,00 kr'],
            [{ text: 'Att betala', bold: true }, { text: '350,00 kr', bold: true }],
          ],
        },
      },
      { text: `OCR ${String(7000000 + i)}`, font: MONO_FONT, fontSize: 12 },
    ],
  };
}

async function run(mode: 'reused' | 'fresh'): Promise<number> {
  setPdfFontReuse(mode === 'reused');
  const before = pdfFontStats();
  let bytes = 0;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) bytes += (await renderPdf(letter(i))).length;
  const ms = performance.now() - t0;
  const after = pdfFontStats();
  console.log(
    JSON.stringify({
      bench: 'pdf-fonts',
      mode,
      n: N,
      totalMs: Math.round(ms),
      perDocMs: +(ms / N).toFixed(2),
      avgBytes: Math.round(bytes / N),
      sharedFontUses: after.reuses - before.reuses,
    }),
  );
  return ms / N;
}

const t0 = performance.now();
await renderPdf(letter(-1));
console.log(JSON.stringify({ bench: 'pdf-fonts', mode: 'first-document', ms: Math.round(performance.now() - t0) }));
for (let i = 0; i < 20; i++) await renderPdf(letter(i)); // JIT warm-up, both modes share it

const fresh = await run('fresh');
const reused = await run('reused');
console.log(
  JSON.stringify({
    bench: 'pdf-fonts',
    summary: true,
    speedup: +(fresh / reused).toFixed(1),
    projected1000DocsReusedS: +((reused * 1000) / 1000).toFixed(1),
    projected1000DocsFreshS: +((fresh * 1000) / 1000).toFixed(1),
    fontParses: pdfFontStats().parses,
  }),
);
