/**
 * @module server/enterprise/matches.test
 * Matches and form downloads over real HTTP on PGlite: an enterprise sees only its own matches
 * (reasons per condition, missing facts naming the profile field, benefit, guide), staff any
 * enterprise's; the forms list says how complete the pre-fill is; a downloaded DOCX and PDF carry
 * the enterprise's name and a Chinese file name (RFC 5987).
 */
import { existsSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { FONT_CANDIDATES } from '../../enterprise/forms/cjk-font.js';
import { loggedIn, STAFF, type AdminClient } from '../admin/test-support.js';
import { CODE_A, CODE_B, registeredEnterprise, startEnterpriseServer, TODAY, type EnterpriseClient, type EnterpriseSetup } from './test-support.js';

const HAS_CJK_FONT = FONT_CANDIDATES.some((c) => existsSync(c.regular.path));
const YEAR = Number(TODAY.slice(0, 4));

let setup: EnterpriseSetup;
let boss: AdminClient;
let a: { id: string; client: EnterpriseClient };
let b: { id: string; client: EnterpriseClient };

/** A software company that meets every 高企 condition it states, but has not said its innovation score. */
const A_PROFILE = {
  registrationDate: '2017-04-12',
  registeredInZone: true,
  industryCode: 'I6513',
  employees: 120,
  stStaff: 42,
  coreTechInSupportedField: true,
  productsNotRestricted: true,
  revenue: { [YEAR - 3]: 6200, [YEAR - 2]: 7400, [YEAR - 1]: 8800 },
  rdExpenses: { [YEAR - 3]: 520, [YEAR - 2]: 610, [YEAR - 1]: 700 },
  rdExpensesDomestic: { [YEAR - 3]: 520, [YEAR - 2]: 610, [YEAR - 1]: 700 },
  highTechRevenue: { [YEAR - 1]: 7100 },
  ip: { inventionPatents: 6, softwareCopyrights: 20 },
  qualifications: [],
  incidents: [],
};

beforeAll(async () => {
  setup = await startEnterpriseServer();
  boss = await loggedIn(setup.base, STAFF.admin);
  a = await registeredEnterprise(setup.base, boss, CODE_A, '甲辰智算科技有限公司', 'a.user');
  b = await registeredEnterprise(setup.base, boss, CODE_B, '乙巳新材料有限公司', 'b.user');
  const saved = await a.client.put('/api/enterprise/profile', { profile: A_PROFILE });
  if (saved.status !== 200) throw new Error(JSON.stringify(saved.body));
});
afterAll(async () => setup?.close());

type Match = { ruleId: string; verdict: string; reasons: string[]; conditions: Array<{ id?: string; status: string; value?: string; requirement?: string; shortfall?: string; missing: Array<{ key: string; label: string }> }>; missing: Array<{ key: string; label: string }>; guide?: { id: string; href: string }; applicationPeriod?: string; benefit?: { text: string } };

describe('GET /api/enterprise/matches', () => {
  it('ranks every rule for the enterprise as of the zone’s today, each condition with value, requirement and missing facts', async () => {
    const reply = await a.client.get('/api/enterprise/matches');
    expect(reply.status).toBe(200);
    expect(reply.body.asOf).toBe(TODAY);
    const matches = reply.body.matches as Match[];
    expect(matches.length).toBeGreaterThanOrEqual(6);
    const order = { eligible: 0, 'missing-facts': 1, 'not-eligible': 2 } as Record<string, number>;
    expect(matches.map((m) => order[m.verdict])).toEqual([...matches.map((m) => order[m.verdict]!)].sort());
    const highTech = matches.find((m) => m.ruleId === 'high-tech-enterprise')!;
    // Only the innovation score is unknown: the verdict waits for it and says which field to fill in.
    expect(highTech.verdict).toBe('missing-facts');
    expect(highTech.missing).toEqual([{ key: 'innovationScore', label: '高企创新能力评价得分' }]);
    const staffShare = highTech.conditions.find((c) => c.id === 'st-staff-share')!;
    expect(staffShare).toMatchObject({ status: 'met', value: '35%' });
    expect(staffShare.requirement).toMatch(/10%/);
    expect(highTech.guide).toEqual(expect.objectContaining({ id: 'guide-high-tech-enterprise-recognition', href: '/api/items/guide-high-tech-enterprise-recognition' }));
    expect(highTech.applicationPeriod).toMatch(/申报/);
    expect(reply.headers.get('cache-control')).toBe('no-store');
  });

  it('gives an enterprise with no profile every rule as missing facts, never as not eligible by a guessed zero', async () => {
    const reply = await b.client.get('/api/enterprise/matches');
    expect(reply.status).toBe(200);
    const matches = reply.body.matches as Match[];
    expect(matches.every((m) => m.verdict === 'missing-facts')).toBe(true);
    expect(JSON.stringify(reply.body)).not.toContain('甲辰');
  });

  it('needs an enterprise session; staff read any enterprise’s matches under /api/admin, and an enterprise cookie opens none of them', async () => {
    const anonymous = await fetch(`${setup.base}/api/enterprise/matches`);
    expect(anonymous.status).toBe(401);
    const staff = await boss.get(`/api/admin/enterprises/${a.id}/matches`);
    expect(staff.status).toBe(200);
    expect((staff.body.matches as Match[]).find((m) => m.ruleId === 'high-tech-enterprise')!.verdict).toBe('missing-facts');
    expect((await b.client.get(`/api/admin/enterprises/${a.id}/matches`)).status).toBe(401);
    expect((await boss.get('/api/admin/enterprises/no-such-enterprise/matches')).status).toBe(404);
  });
});

function docxText(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== 'word/document.xml') return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            resolve(Buffer.concat(chunks).toString('utf8').replace(/<[^>]+>/g, ''));
            zip.close();
          });
        });
      });
      zip.on('end', () => reject(new Error('no word/document.xml')));
      zip.readEntry();
    });
  });
}

describe('form downloads', () => {
  it('lists the enterprise forms with how much the stored profile fills in and the questions still open', async () => {
    const reply = await a.client.get('/api/enterprise/forms');
    expect(reply.status).toBe(200);
    const forms = reply.body.forms as Array<{ id: string; filled: number; total: number; complete: boolean; missing: Array<{ question: string }>; downloads: { docx: string } }>;
    expect(forms.map((f) => f.id)).toContain('high-tech-enterprise-application');
    expect(forms.map((f) => f.id)).not.toContain('individual-business-registration');
    const highTech = forms.find((f) => f.id === 'high-tech-enterprise-application')!;
    expect(highTech.filled).toBeGreaterThan(5);
    expect(highTech.filled).toBeLessThan(highTech.total);
    expect(highTech.complete).toBe(false);
    expect(highTech.missing[0]!.question).toMatch(/^请问贵公司/);
    expect(highTech.downloads.docx).toBe('/api/enterprise/forms/high-tech-enterprise-application.docx');
  });

  it('downloads a DOCX filled from the stored profile, named in Chinese (RFC 5987)', async () => {
    const reply = await a.client.get('/api/enterprise/forms/high-tech-enterprise-application.docx');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/wordprocessingml/);
    const disposition = reply.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="high-tech-enterprise-application\.docx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('高新技术企业认定申请书-甲辰智算科技有限公司.docx');
    expect(Number(reply.headers.get('x-missing-fields'))).toBeGreaterThan(0);
    const text = await docxText(reply.body as Buffer);
    expect(text).toContain('甲辰智算科技有限公司');
    expect(text).toContain(CODE_A);
  });

  it.skipIf(!HAS_CJK_FONT)('downloads a PDF whose text carries the enterprise’s name; staff may download it too', async () => {
    for (const reply of [await a.client.get('/api/enterprise/forms/tech-sme-evaluation-info.pdf'), await boss.get(`/api/admin/enterprises/${a.id}/forms/tech-sme-evaluation-info.pdf`)]) {
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toBe('application/pdf');
      const parser = new PDFParse({ data: new Uint8Array(reply.body as Buffer), verbosity: 0, isEvalSupported: false });
      try {
        expect((await parser.getText()).text.replace(/\s+/g, '')).toContain('甲辰智算科技有限公司');
      } finally {
        await parser.destroy();
      }
    }
  });

  it('refuses an unknown form, a citizen form and a malformed name, and needs a session', async () => {
    expect((await a.client.get('/api/enterprise/forms/no-such-form.pdf')).status).toBe(404);
    expect((await a.client.get('/api/enterprise/forms/individual-business-registration.pdf')).status).toBe(404);
    const bad = await a.client.get('/api/enterprise/forms/..%2Fpackage.json');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/file/);
    expect((await fetch(`${setup.base}/api/enterprise/forms/high-tech-enterprise-application.docx`)).status).toBe(401);
  });
});
