/**
 * @module search/zone-scope
 * Which zone each item belongs to, which zone a question is about, and how well they fit (Z in
 * docs/SEARCH.md). A knowledge base may hold several zones' copies of one service: a question
 * naming a zone is answered from that zone's items or from its city's and the levels above (items
 * naming no zone); another zone's item never fits it. A question naming none is about the home
 * zone (XIAOXIN_ZONE_NAME) when the knowledge base holds items of it: asked at this zone's kiosk,
 * it is about here, and another zone's copy of the service is no answer to it.
 */
import { placeIn } from '../language/places.js';
import { soundOf } from './homophones.js';
import { mentionsThisZone, sameZone, zoneHead, zoneKey, zoneMentions, zoneNamed } from '../language/zones.js';

/** What an item says about where it applies, as read from its title and text. */
export interface ItemZoneText {
  id: string;
  /** The item's title line, normalised: the zone it is issued for is named there first. */
  title: string;
  /**
   * Everything else (head, body with departments and addresses), normalised; or a function giving
   * it, for an index that keeps the text in pieces and reads it again only when it must.
   */
  text: string | (() => string);
  /** The zones the item names itself (`itemZones`), when read before: an index updated for a few items keeps them. */
  zones?: readonly string[];
  /** A policy's level: national, provincial and city items belong to no zone. */
  level?: string;
  /** Items an FAQ links to: an FAQ naming no zone answers for its guide's zone. */
  links?: readonly string[];
}

/**
 * An item's zones (keys, `青溪·高新区`: one for a zone's own item, several for news about a few),
 * or for an item naming none, the zone head its text names (青溪市's 青溪).
 */
export interface ItemScope {
  zones: string[];
  head?: string;
}

/** The zones a question is about: named, or the home zone for 本区/区里/高新区 or for naming none. */
export interface QuestionScope {
  zones: string[];
  /** Heads of those zones and heads named alone (在青溪): an item of that city fits. */
  heads: string[];
  /** The question names no zone: it is about the home zone only because it is asked here. */
  implied?: boolean;
}

export interface ZoneWeights {
  /** Fit of an item naming no zone nor city (a national or general item) to a question naming a zone. */
  generalZoneFit: number;
  /** Fit of another zone's item to a question naming none, when the home zone is known. */
  otherZoneFit: number;
  /**
   * Fit of an item naming no zone nor city (a national FAQ, a province's policy) to a question
   * naming none, when the home zone's items are in: the home zone's own item is preferred when
   * both answer, the higher level's still answers when the zone has none.
   */
  homeGeneralFit: number;
}

export class ZoneScopes {
  private readonly scopes = new Map<string, ItemScope>();
  /** Heads of the zones the knowledge base names (and the home zone's). */
  readonly knownHeads = new Set<string>();
  /** The home zone's key, when its name names a zone. */
  readonly home?: string;
  /**
   * Known heads that are no administrative division (青溪, not 苏州): written alone they name the
   * zone's city. A division's name is a place, and place fit judges it already.
   */
  private readonly cityHeads: string[];
  #homeHasItems = false;

  constructor(items: readonly ItemZoneText[], homeName: string | undefined, private readonly weights: ZoneWeights) {
    const home = homeName ? zoneNamed(homeName) : undefined;
    if (home) {
      this.home = home.key;
      this.knownHeads.add(home.head);
    }
    /** How many items name each head's zone; titles count double. */
    const named = new Map<string, number>();
    for (const item of items) {
      const zones = item.zones ?? itemZones(item);
      if (!zones.length) continue;
      this.scopes.set(item.id, { zones: [...zones] });
      for (const head of new Set(zones.map(zoneHead))) {
        this.knownHeads.add(head);
        named.set(head, (named.get(head) ?? 0) + (item.title.includes(head) ? 2 : 1));
      }
    }
    // A head alone is a city's name only for a zone the knowledge base is sure of: the home zone,
    // or one named in a title or by two items (not a word a document happened to put before 高新区).
    const sure = (head: string) => head === (home?.head ?? '') || (named.get(head) ?? 0) >= 2;
    this.cityHeads = [...this.knownHeads].filter((head) => sure(head) && !placeIn(head));
    // Known heads first: an FAQ takes its guide's zone; an item naming none may name a zone's city.
    for (const item of items) if (!this.scopes.has(item.id)) this.scopeByLinkOrCity(item);
    this.#homeHasItems = this.findHomeItems();
  }

  /** Whether some item is the home zone's (or its city's): only then is a question naming none about it. */
  get homeHasItems(): boolean {
    return this.#homeHasItems;
  }

  /**
   * Reads again the scopes of items that name no zone themselves (changed or new: an index updated
   * in place), and forgets removed ones. Such items change nothing another item's scope depends
   * on (the zones known, the cities, an FAQ's guide's zone), so the rest stands as a fresh reading
   * would make it. An item naming a zone, before or after, needs the whole reading again.
   */
  rescope(changed: readonly ItemZoneText[], removed: readonly string[]): void {
    for (const id of removed) this.scopes.delete(id);
    for (const item of changed) {
      this.scopes.delete(item.id);
      this.scopeByLinkOrCity(item);
    }
    this.#homeHasItems = this.findHomeItems();
  }

  /** The scope of an item naming no zone: its guide's zone (an FAQ), or the zone city its text names most. */
  private scopeByLinkOrCity(item: ItemZoneText): void {
    // National and provincial items apply in every zone, whatever example they name.
    if (item.level === 'national' || item.level === 'provincial') return;
    const linked = item.links?.map((id) => this.scopes.get(id)).find((scope) => scope?.zones.length);
    if (linked) this.scopes.set(item.id, linked);
    else {
      // Most items name no zone: their text is read only when some zone's city could be in it.
      const head = this.cityHeads.length ? mostNamed([item.title, textOf(item)].join('\n'), this.cityHeads) : undefined;
      if (head) this.scopes.set(item.id, { zones: [], head });
    }
  }

  private findHomeItems(): boolean {
    const homeKey = this.home;
    return !!homeKey && [...this.scopes.values()].some(
      (scope) => scope.zones.some((z) => sameZone(z, homeKey)) || scope.head === zoneHead(homeKey),
    );
  }

  scopeOf(itemId: string): ItemScope {
    return this.scopes.get(itemId) ?? { zones: [] };
  }

  /**
   * The zones a question (normalised) names, or the home zone when it says 本区 or names a zone
   * without its name, or names no zone nor zone city at all and the home zone has items here.
   */
  question(normalized: string): QuestionScope {
    const mentions = zoneMentions(normalized, this.knownHeads);
    const zones = [...new Set(mentions.map((m) => zoneKey(this.heard(m.head), m.kind)))];
    if (!zones.length && this.home && mentionsThisZone(normalized, mentions)) zones.push(this.home);
    const named = this.cityHeads.filter((h) => normalized.includes(h));
    if (!zones.length && !named.length && this.home && this.homeHasItems) {
      return { zones: [this.home], heads: [zoneHead(this.home)], implied: true };
    }
    return { zones, heads: [...new Set([...zones.map(zoneHead), ...named])] };
  }

  /** Whether an item is another zone's (or another zone city's) than the home zone: outside what this kiosk answers from. */
  outsideHome(itemId: string): boolean {
    return this.homeHasItems && this.conflicts(itemId, { zones: [this.home!], heads: [zoneHead(this.home!)] });
  }

  /**
   * A head no zone here has, that sounds exactly like one a zone has, is that one misheard by
   * speech recognition (准动 for 准东): a zone the knowledge base knows is more likely asked about.
   */
  private heard(head: string): string {
    if (this.knownHeads.has(head)) return head;
    const sound = soundOf(head);
    return [...this.knownHeads].find((known) => soundOf(known) === sound) ?? head;
  }

  /**
   * 0–1: how well an item's zone fits the question's. A question about zones: 1 for theirs and
   * their cities', `generalZoneFit` for an item naming neither zone nor city, 0 for another's. A
   * question naming none: 1, less for another zone's item than the home zone's.
   */
  fit(itemId: string, question: QuestionScope): number {
    if (this.conflicts(itemId, question)) return 0;
    const scope = this.scopeOf(itemId);
    const local = scope.zones.length > 0 || !!scope.head;
    if (question.implied) return local ? 1 : this.weights.homeGeneralFit;
    if (question.zones.length || question.heads.length) return local ? 1 : this.weights.generalZoneFit;
    const home = this.home;
    if (!home || !local) return 1;
    const atHome = scope.zones.length ? scope.zones.some((z) => sameZone(z, home)) : scope.head === zoneHead(home);
    return atHome ? 1 : this.weights.otherZoneFit;
  }

  /** Whether the item is another zone's (or another zone city's) than the one the question is about. */
  conflicts(itemId: string, question: QuestionScope): boolean {
    const scope = this.scopeOf(itemId);
    if (question.zones.length && scope.zones.length) {
      return !scope.zones.some((z) => question.zones.some((q) => sameZone(z, q)));
    }
    const heads = scope.zones.length ? scope.zones.map(zoneHead) : scope.head ? [scope.head] : [];
    return question.heads.length > 0 && heads.length > 0 && !heads.some((h) => question.heads.includes(h));
  }
}

/**
 * The zones an item is issued by or for: those its title names, else those its text names (a
 * zone's guide names its own; news about a few zones names each). None for a national,
 * provincial or city policy, which applies in every zone, whatever example it names.
 */
export function itemZones(item: ItemZoneText): string[] {
  if (item.level && item.level !== 'zone') return [];
  const inTitle = zoneMentions(item.title);
  const named = inTitle.length ? inTitle : zoneMentions(textOf(item));
  return [...new Set(named.map((m) => m.key))];
}

const textOf = (item: ItemZoneText): string => (typeof item.text === 'string' ? item.text : item.text());

/** The known head a text names most often (its city, 青溪市), if any. */
function mostNamed(text: string, heads: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const head of heads) {
    const n = text.split(head).length - 1;
    if (n) counts.set(head, n);
  }
  return mostOf(counts);
}

function mostOf(counts: ReadonlyMap<string, number>): string | undefined {
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}
