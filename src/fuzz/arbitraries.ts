/**
 * @module fuzz/arbitraries
 * fast-check arbitraries for hostile requests: path parameters, query strings, headers and bodies,
 * shaped after each route's own JSON schema and then bent (wrong types, NUL, unpaired surrogates,
 * huge numbers, bad %-encoding, truncated JSON and multipart), so that most requests get past the
 * router and the guards and reach the code behind them.
 */
import fc from 'fast-check';
import type { CatalogueRoute, JsonSchema } from './catalogue.js';

/** Who sends the request: nobody, or a logged-in account of a role. */
export const WHO = ['nobody', 'admin', 'editor', 'reviewer', 'window'] as const;
export type Who = (typeof WHO)[number];

/** What the fuzzer decided; the runner turns it into bytes with the session of `who`. */
export interface RequestPlan {
  route: string;
  method: string;
  /** Already %-encoded (or deliberately mis-encoded). */
  path: string;
  who: Who;
  /** `session`: the account's cookie; anything else is sent as the Cookie header itself. */
  cookie: 'session' | 'none' | string;
  /** `right`: the session's token; anything else is sent as the header itself. */
  csrf: 'right' | 'none' | string;
  headers: Record<string, string>;
  /** The body's bytes: text in UTF-8, or `latin1` for any bytes (invalid UTF-8 included). */
  body?: { text: string; encoding: 'utf8' | 'latin1' };
}

/** Values the knowledge base and accounts of the fuzz server really have, so that some requests find something. */
export const KNOWN_VALUES: Record<string, readonly string[]> = {
  id: ['faq-parking', 'faq-hours', 'guide-license', 'policy-talent-rent', 'policy-tech-award', 'faq-fuzz'],
  version: ['1', '2', '3'],
  name: ['fuzz.target', 'nobody.here'],
  format: ['jsonl', 'xlsx'],
};

/** The known values of a field, if any (`__proto__` is a field name the fuzzer sends, too). */
const known = (name: string, otherwise: readonly string[]) => (Object.hasOwn(KNOWN_VALUES, name) ? KNOWN_VALUES[name]! : otherwise);

const HOSTILE_TEXT = [
  '\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\u0001\u001f\u007f', '\u202e', '..', '../..', '%00', '%', '\\', "'; DROP TABLE items; --",
  '\ufeff', '𠮷𠮷', '😀', ' ', '', '\r\n', 'null', 'undefined', '__proto__', 'constructor',
];
const HOSTILE_NUMBERS = ['1e999', '-1e999', 'Infinity', '-Infinity', 'NaN', '-1', '0', '2147483647', '2147483648', '9007199254740993', '999999999999', '1.5', '0x10', ' 5', '1e3', '', '-0'];

/** Percent-encodes the UTF-8 bytes of `text` (an unpaired surrogate becomes U+FFFD, as in any client). */
export function pct(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

const anyText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 100, maxLength: 3000 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
);

/** One path segment for a parameter: a real value, hostile text, raw bytes or bad %-encoding. */
function segment(name: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known(name, ['x'])) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS).map(pct) },
    { weight: 3, arbitrary: anyText.map(pct) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 12 }).map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')) },
    { weight: 1, arbitrary: fc.constantFrom('%00', '%ED%A0%80', '%FF', '%', '%zz', '%2e%2e', '..', '%2F', '') },
  );
}

function path(route: CatalogueRoute): fc.Arbitrary<string> {
  const names = [...route.url.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');
  return fc.tuple(...names.map(segment)).map((values) => {
    let i = 0;
    return route.url.replace(/:(\w+)|\*/g, () => values[i++] ?? '');
  });
}

/** A query value: a fitting one, a hostile number, hostile text. */
function queryValue(schema: JsonSchema | undefined, name: string): fc.Arbitrary<string> {
  const fitting = schema?.enum?.length
    ? fc.constantFrom(...schema.enum.map(String))
    : schema?.type === 'integer' || schema?.type === 'number'
      ? fc.integer({ min: -5, max: 300 }).map(String)
      : fc.constantFrom(...known(name, ['停车', '2026-11-01', 'a']));
  return fc.oneof({ weight: 3, arbitrary: fitting }, { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) }, { weight: 2, arbitrary: anyText });
}

function query(route: CatalogueRoute): fc.Arbitrary<string> {
  const properties = route.schema.querystring?.properties ?? {};
  const keys = [...Object.keys(properties), 'x', '__proto__'];
  const pair = fc.constantFrom(...keys).chain((key) => queryValue(properties[key], key).map((value) => `${pct(key)}=${pct(value)}`));
  const raw = fc.constantFrom('%', '&&=', '=', 'a=%ZZ', 'q=%00', 'page=1&page=2', 'a[b]=1', 'q=%ED%A0%80');
  return fc
    .array(fc.oneof({ weight: 5, arbitrary: pair }, { weight: 1, arbitrary: raw }), { maxLength: 5 })
    .map((pairs) => (pairs.length ? `?${pairs.join('&')}` : ''));
}

const CONTENT_TYPES = [
  'application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'application/json; charset=utf-16',
  'text/plain', 'multipart/form-data', 'multipart/form-data; boundary=fuzzboundary', 'multipart/form-data; boundary=',
  'application/x-www-form-urlencoded', 'application/octet-stream', 'garbage/;;;', 'application/json;;', '',
];

function headers(): fc.Arbitrary<Record<string, string>> {
  return fc
    .record(
      {
        'content-type': fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, { weight: 3, arbitrary: fc.constantFrom(...CONTENT_TYPES) }),
        accept: fc.constantFrom('text/html', 'application/json', '*/*', 'garbage'),
        'x-forwarded-for': fc.constantFrom('1.2.3.4', 'garbage', '::1, 10.0.0.1'),
        'accept-language': fc.string({ unit: 'binary-ascii', maxLength: 20 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
        // Large, but within Node's 16 KiB for all headers.
        'x-fuzz-padding': fc.nat({ max: 8000 }).map((n) => 'p'.repeat(n)),
      },
      { requiredKeys: ['content-type'] },
    )
    .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== '')));
}

const cookie = fc.oneof(
  { weight: 6, arbitrary: fc.constant('session') },
  { weight: 1, arbitrary: fc.constant('none') },
  { weight: 2, arbitrary: fc.constantFrom('xiaoxin_admin=%00', 'xiaoxin_admin=', 'xiaoxin_admin=%ED%A0%80', 'xiaoxin_admin=%', 'garbage', 'a=b; xiaoxin_admin=x'.repeat(3), `xiaoxin_admin=${'z'.repeat(4000)}`) },
);
const csrf = fc.oneof(
  { weight: 6, arbitrary: fc.constant('right') },
  { weight: 1, arbitrary: fc.constant('none') },
  { weight: 1, arbitrary: fc.constantFrom('wrong', 'x'.repeat(43), '', '%00') },
);

/** A JSON value shaped after `schema`, now and then the wrong type or hostile text. */
export function shaped(schema: JsonSchema | undefined, name = '', depth = 0): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}), anyText);
  if (!schema || depth > 4) return fc.oneof(fc.jsonValue({ maxDepth: 2 }), wrong);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  let right: fc.Arbitrary<unknown>;
  if (schema.enum?.length) right = fc.constantFrom(...schema.enum);
  else if (name === 'item') right = itemShaped();
  else if (type === 'string') right = fc.oneof(fc.constantFrom(...known(name, ['停车收费吗', '综合服务'])), anyText);
  else if (type === 'integer' || type === 'number') right = fc.oneof(fc.integer({ min: -3, max: 5 }), fc.constantFrom(2 ** 31, 2 ** 53, -(2 ** 31) - 1, 0.5, 1e308));
  else if (type === 'boolean') right = fc.boolean();
  else if (type === 'array') right = fc.array(shaped(schema.items, name, depth + 1), { maxLength: 4 });
  else if (type === 'object' || schema.properties) {
    const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, child]) => [key, shaped(child, key, depth + 1)]));
    right = fc.record(properties, { requiredKeys: [] });
  } else right = fc.jsonValue({ maxDepth: 2 });
  return fc.oneof({ weight: 6, arbitrary: right }, { weight: 1, arbitrary: wrong });
}

/** An item of the knowledge model (the schemas leave `item` open), with fields bent. */
function itemShaped(): fc.Arbitrary<unknown> {
  const text = fc.oneof(fc.constantFrom('停车收费吗？', '免费。', '综合服务'), anyText);
  return fc.record(
    {
      kind: fc.constantFrom('faq', 'guide', 'policy', 'article', 'other', ''),
      id: fc.oneof(fc.constantFrom(...KNOWN_VALUES.id!), anyText),
      title: text,
      answer: text,
      text,
      category: text,
      expiryDate: fc.constantFrom('2026-12-31', '2026-02-30', '99999-01-01', 'x'),
      materials: fc.array(fc.record({ name: text, form: text, copies: fc.oneof(fc.integer(), fc.constant(1e308)) }, { requiredKeys: [] }), { maxLength: 3 }),
      steps: fc.array(text, { maxLength: 3 }),
      extra: fc.jsonValue({ maxDepth: 3 }),
    },
    { requiredKeys: ['kind', 'id', 'title'] },
  );
}

const MULTIPART_FILE = '{"kind":"faq","id":"faq-upload","title":"上传？","answer":"上传。"}\n';

/** A multipart body: whole, truncated, or with a boundary other than the header's. */
const multipartBody = fc
  .record({ name: fc.constantFrom('upload.jsonl', '../../etc/passwd', '政策.xlsx', 'a\u0000b.csv', ''), cut: fc.nat({ max: 400 }), end: fc.boolean() })
  .map(({ name, cut, end }) => {
    const whole = `--fuzzboundary\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: application/json\r\n\r\n${MULTIPART_FILE}\r\n--fuzzboundary--\r\n`;
    return end ? whole : whole.slice(0, cut);
  });

function body(route: CatalogueRoute): fc.Arbitrary<RequestPlan['body']> {
  const json = shaped(route.schema.body).map((v) => JSON.stringify(v) ?? 'null');
  const utf8 = (text: string) => ({ text, encoding: 'utf8' as const });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 8, arbitrary: json.map(utf8) },
    // Truncated JSON, and JSON with a number no double holds.
    { weight: 2, arbitrary: fc.tuple(json, fc.nat()).map(([text, n]) => utf8(text.slice(0, n % (text.length + 1)))) },
    { weight: 1, arbitrary: json.map((text) => utf8(text.replace(/(-?\d+(\.\d+)?)/, '1e999'))) },
    // Deep nesting and huge strings.
    { weight: 1, arbitrary: fc.nat({ max: 20000 }).map((n) => utf8(`${'['.repeat(n)}${']'.repeat(n)}`)) },
    { weight: 1, arbitrary: fc.nat({ max: 3000 }).map((n) => utf8(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`)) },
    { weight: 1, arbitrary: fc.nat({ max: 300_000 }).map((n) => utf8(JSON.stringify({ message: '长'.repeat(n), question: 'q', name: 'n' }))) },
    // Any bytes: invalid UTF-8 inside JSON and outside it.
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ text: Buffer.from(bytes).toString('latin1'), encoding: 'latin1' as const })) },
    { weight: 1, arbitrary: json.map((text) => ({ text: text.replace(/"$|"(?=[,}])/, '\xff\xfe"'), encoding: 'latin1' as const })) },
    { weight: route.multipart ? 4 : 1, arbitrary: multipartBody.map(utf8) },
  );
}

/** A whole request to `route`. */
export function requestPlan(route: CatalogueRoute): fc.Arbitrary<RequestPlan> {
  const noBody = route.method === 'GET' || route.method === 'HEAD';
  return fc
    .record({
      path: path(route),
      query: query(route),
      who: fc.constantFrom(...WHO),
      cookie,
      csrf,
      headers: headers(),
      body: noBody ? fc.constant(undefined) : body(route),
    })
    .map(({ path: p, query: q, body: b, headers: h, ...rest }) => {
      // Multipart bodies mostly go with a header that fits them, so that they reach the parser.
      const fitted = b?.text.startsWith('--fuzzboundary') && !h['content-type']?.startsWith('multipart/') ? { ...h, 'content-type': 'multipart/form-data; boundary=fuzzboundary' } : h;
      return { route: `${route.method} ${route.url}`, method: route.method, path: p + q, headers: fitted, ...(b ? { body: b } : {}), ...rest };
    });
}

/** A request to any of `routes`. */
export function anyRequest(routes: readonly CatalogueRoute[]): fc.Arbitrary<RequestPlan> {
  return fc.constantFrom(...routes).chain(requestPlan);
}
