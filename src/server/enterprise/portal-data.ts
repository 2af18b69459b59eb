/**
 * @module server/enterprise/portal-data
 * What the matches and forms routes compute for one enterprise, shared by the portal (its own
 * enterprise) and the back office (any): the stored profile matched against every published rule
 * (the rule book) as of the zone's today, and each form template filled from it.
 */
import type { EnterpriseProfile } from '../../enterprise/profile.js';
import { readProfile } from '../../enterprise/profiles/service.js';
import { matchesFor, type MatchesReply } from '../../enterprise/portal/matches.js';
import { formSummaries, type FormSummary } from '../../enterprise/portal/forms.js';
import { shippedForms } from '../../enterprise/shipped.js';
import type { Enterprise } from '../../storage/index.js';
import type { ServerContext } from '../context.js';

export async function storedProfile(ctx: ServerContext, enterprise: Enterprise): Promise<EnterpriseProfile> {
  return (await readProfile(ctx.store, enterprise)).profile;
}

/** Titles of the guides the rules name, from the knowledge base (a guide not there keeps its id only). */
export async function guideTitles(ctx: ServerContext): Promise<Map<string, string>> {
  const ids = [...new Set((await ctx.enterprise.rules.rules()).flatMap((r) => (r.guide ? [r.guide] : [])))];
  const titles = new Map<string, string>();
  for (const id of ids) {
    const item = await ctx.store.getItem(id);
    if (item) titles.set(id, item.title);
  }
  return titles;
}

export async function enterpriseMatches(ctx: ServerContext, enterprise: Enterprise): Promise<MatchesReply> {
  return matchesFor(await ctx.enterprise.rules.rules(), await storedProfile(ctx, enterprise), ctx.today(), await guideTitles(ctx));
}

export async function enterpriseForms(ctx: ServerContext, enterprise: Enterprise): Promise<{ asOf: string; forms: FormSummary[] }> {
  const asOf = ctx.today();
  return { asOf, forms: formSummaries(shippedForms(), await ctx.enterprise.rules.rules(), await storedProfile(ctx, enterprise), asOf) };
}
