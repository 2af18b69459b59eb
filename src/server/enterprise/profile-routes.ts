/**
 * @module server/enterprise/profile-routes
 * The logged-in enterprise's own profile: read, save (per-field errors), history, and what each
 * field means. No route takes an enterprise id or credit code: the session says whose profile it
 * is, so no parameter can name another enterprise's.
 */
import type { FastifyPluginAsync } from 'fastify';
import { HONOURS, INCIDENTS, IP_TYPES, PROFILE_FIELDS, QUALIFICATIONS } from '../../enterprise/profile-fields.js';
import { profileHistory, readProfile, saveProfile } from '../../enterprise/profiles/service.js';
import { actorOf } from '../../enterprise/accounts/service.js';
import type { ServerContext } from '../context.js';
import { fieldErrorsSchema } from './errors.js';
import { factVersionSchema, historyQuery, profileViewSchema } from './schemas.js';
import { enterpriseGuarded } from './session.js';

export const enterpriseProfileRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get('/profile', enterpriseGuarded({ summary: "The enterprise's profile: every fact with its source", response: { 200: profileViewSchema } }), async (request) =>
    readProfile(ctx.store, request.enterpriseCaller!.enterprise),
  );

  app.put<{ Body: { profile: Record<string, unknown> } }>(
    '/profile',
    {
      ...enterpriseGuarded({
        summary: 'Save the profile (sent whole: facts left out are removed)',
        description:
          'Every new or changed value is self-declared (only staff verify); a value sent again unchanged keeps its verification. ' +
          'A refused profile is a 400 with `errors: [{ field, label, message }]` for every field at fault, and nothing is stored. ' +
          'The credit code and the name belong to the account (a different credit code is refused, the name ignored).',
        body: { type: 'object', properties: { profile: { type: 'object', additionalProperties: true } }, required: ['profile'] },
        response: {
          200: { type: 'object', additionalProperties: true, properties: { changed: { type: 'array', items: { type: 'string' } }, removed: { type: 'array', items: { type: 'string' } }, ...profileViewSchema.properties } },
          400: fieldErrorsSchema,
        },
      }),
      config: { bodyExample: '{"profile": {"employees": 86, "revenue": {"2024": 4120}}}' },
    },
    async (request) => {
      const { enterprise, user } = request.enterpriseCaller!;
      const saved = await saveProfile(ctx.store, enterprise, request.body.profile, actorOf(enterprise, user), 'replace', 'portal');
      // Who fits what is worked out in the background, not while the enterprise waits.
      if (saved.changed.length || saved.removed.length) ctx.enterprise.notices.poke();
      return { ...saved, ...(await readProfile(ctx.store, enterprise)) };
    },
  );

  app.get<{ Querystring: { fact?: string; limit: number } }>(
    '/profile/history',
    enterpriseGuarded({
      summary: "Every change of the profile's facts, newest first",
      querystring: historyQuery,
      response: { 200: { type: 'object', properties: { versions: { type: 'array', items: factVersionSchema } } } },
    }),
    async (request) => ({
      versions: await profileHistory(ctx.store, request.enterpriseCaller!.enterprise, { key: request.query.fact, limit: request.query.limit }),
    }),
  );

  // Public: the form's labels and plain-word explanations contain nothing about any enterprise.
  app.get(
    '/profile/fields',
    { schema: { summary: 'What each profile field means, in plain words (for the form)', tags: ['enterprise'], response: { 200: { type: 'object', additionalProperties: true } } } },
    async () => ({ fields: PROFILE_FIELDS, ip: IP_TYPES, qualifications: QUALIFICATIONS, honours: HONOURS, incidents: INCIDENTS }),
  );
};
