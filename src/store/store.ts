import type { Taxonomy } from '../core/taxonomy/schema.js';
import type { Tool } from '../core/catalogue/tool.js';
import type { Stack } from '../core/stack/schema.js';
import type { Blip, Radar } from '../core/radar/schema.js';

export interface StoredStack {
  id: string;
  name: string;
  savedAt: string;
  /** Who saved it (a user name), when saved by a signed-in user. */
  savedBy?: string;
  /** How many times it was saved (1 for a new stack). */
  revision?: number;
  stack: Stack;
}

/** Who makes a write and why: every write is recorded in the audit log with them. */
export interface Actor {
  user: string;
  reason?: string;
}

/** Organisations' stacks, saved through the API. */
export interface StackRepository {
  /**
   * Saves a stack under `id`. With `mode: 'create'` a taken id is a conflict (returns undefined);
   * with `mode: 'update'` the stack must exist; history is kept either way.
   */
  saveStack(id: string, stack: Stack, actor?: Actor, mode?: 'create' | 'update' | 'upsert'): Promise<StoredStack | undefined>;
  getStack(id: string): Promise<StoredStack | undefined>;
  listStacks(): Promise<Array<Omit<StoredStack, 'stack'>>>;
  stackHistory(id: string): Promise<Array<Omit<StoredStack, 'id'>>>;
}

export interface StoreInfo {
  tools: number;
  /** Where the current catalogue came from: a folder path, or "bundled". */
  source: string;
  sourceHash: string;
  loadedAt: string;
  schemaVersion: string;
  /** Grows with every change to the catalogue or the organisation's layer over it (what ETags follow). */
  catalogueVersion?: number;
}

export type Role = 'viewer' | 'editor' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];
export const roleRank = (r: Role) => ROLES.indexOf(r);

export interface User {
  name: string;
  role: Role;
  createdAt: string;
}

export interface TokenRecord {
  id: string;
  user: string;
  label: string;
  createdAt: string;
  revokedAt?: string;
}

/** Users, their password hashes, API tokens and web sessions. Secrets arrive hashed: the store never sees them. */
export interface AccountStore {
  addUser(user: { name: string; role: Role; passwordHash?: string }, actor: Actor): Promise<User | undefined>;
  getUser(name: string): Promise<(User & { passwordHash?: string }) | undefined>;
  listUsers(): Promise<User[]>;
  removeUser(name: string, actor: Actor): Promise<boolean>;
  addToken(token: { id: string; user: string; hash: string; label: string }, actor: Actor): Promise<void>;
  /** The live (not revoked) token with this id, and its user. */
  findToken(id: string): Promise<{ hash: string; user: User } | undefined>;
  listTokens(user?: string): Promise<TokenRecord[]>;
  revokeToken(id: string, actor: Actor): Promise<boolean>;
  addSession(session: { hash: string; user: string; csrf: string; expiresAt: string }): Promise<void>;
  findSession(hash: string, now: string): Promise<{ user: User; csrf: string } | undefined>;
  removeSession(hash: string): Promise<void>;
}

export interface RadarSummary {
  id: string;
  title: string;
  editions: number;
  lastPublished?: string;
  createdAt: string;
  createdBy: string;
}

/** A radar of the organisation: rings and quadrants, its published editions (immutable) and its draft. */
export interface StoredRadar {
  id: string;
  title: string;
  rings: Radar['rings'];
  quadrants: Radar['quadrants'];
  editions: Array<{ date: string; publishedAt: string; publishedBy: string; blips: Blip[] }>;
  draft: Blip[];
  createdAt: string;
  createdBy: string;
}

export type PublishResult = { ok: true } | { ok: false; reason: 'date-taken' | 'not-later' | 'no-radar'; latest?: string };

export interface RadarStore {
  /** Creates a radar with a free id derived from `id` (a suffix is added when taken); returns the id. */
  createRadar(radar: { id: string; title: string; rings: Radar['rings']; quadrants: Radar['quadrants']; draft?: Blip[] }, actor: Actor): Promise<string>;
  listRadars(): Promise<RadarSummary[]>;
  /** With `editions: false`, only the radar, its rings, quadrants and draft (editions come back empty). */
  getRadar(id: string, opts?: { editions?: boolean }): Promise<StoredRadar | undefined>;
  /** Sets one blip of the draft; returns what it was before (undefined for a new blip), or 'no-radar'. */
  putBlip(radarId: string, blip: Blip, actor: Actor): Promise<{ before?: Blip } | 'no-radar'>;
  deleteBlip(radarId: string, blipId: string, actor: Actor): Promise<'deleted' | 'no-radar' | 'no-blip'>;
  /** Replaces the whole draft (an import); all or nothing. */
  replaceDraft(radarId: string, blips: Blip[], actor: Actor): Promise<boolean>;
  /** Publishes the draft as an immutable edition dated `date`, later than every other edition. */
  publish(radarId: string, date: string, actor: Actor): Promise<PublishResult>;
}

export type ProposalKind = 'new-tool' | 'change-tool' | 'move-blip';
export type ProposalState = 'open' | 'approved' | 'rejected';

export interface Proposal {
  id: number;
  kind: ProposalKind;
  state: ProposalState;
  author: string;
  reason: string;
  /** What is proposed: `{tool}` for new-tool, `{tool, changes}` for change-tool, `{radar, blip, ring, quadrant?}` for move-blip. */
  payload: Record<string, unknown>;
  createdAt: string;
  votes: { up: number; down: number; by: Record<string, 1 | -1> };
  review?: { by: string; decision: 'approve' | 'reject'; comment: string; at: string };
}

/** What an approval does, run inside the store's transaction; it throws ApplyRefused to reject the approval. */
export type ApplyProposal = (p: Proposal, tx: OrgWrites) => Promise<void>;

/** The writes an approval may make, within the approval's transaction. */
export interface OrgWrites {
  /** Lays `tool` over the base catalogue, remembering a hash of the base tool it was made on (for conflicts on upgrade). */
  putToolOverride(tool: Tool, actor: Actor): Promise<void>;
  putBlip(radarId: string, blip: Blip, actor: Actor): Promise<{ before?: Blip } | 'no-radar'>;
  getRadarDraft(radarId: string): Promise<Blip[] | undefined>;
}

export class ApplyRefused extends Error {}

export interface ProposalStore {
  addProposal(p: { kind: ProposalKind; reason: string; payload: Record<string, unknown> }, actor: Actor): Promise<Proposal>;
  getProposal(id: number): Promise<Proposal | undefined>;
  listProposals(state?: ProposalState): Promise<Proposal[]>;
  vote(id: number, vote: 1 | -1, actor: Actor): Promise<Proposal | 'no-proposal' | 'closed'>;
  /** Approves (applying it in the same transaction) or rejects an open proposal; 'closed' when already reviewed. */
  review(id: number, decision: 'approve' | 'reject', comment: string, apply: ApplyProposal, actor: Actor): Promise<Proposal | 'no-proposal' | 'closed'>;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  reason?: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditLog {
  audit(filter?: { target?: string; limit?: number; after?: number }): Promise<AuditEntry[]>;
}

/** The organisation's own layer over the catalogue: approved changes to tools, kept apart from the bundled base. */
export interface ToolOverlay {
  toolOverrides(): Promise<Array<{ tool: Tool; baseHash?: string; updatedAt: string; updatedBy: string }>>;
}

/**
 * What the CLI and the server need from persistence. Implementations must make
 * `replaceCatalogue` all-or-nothing: a failed load leaves the previous catalogue intact.
 */
export interface CatalogueStore extends StackRepository, AccountStore, RadarStore, ProposalStore, AuditLog, ToolOverlay {
  /** "sqlite" or "postgres": for messages and for what only one of them can do. */
  readonly kind: 'sqlite' | 'postgres';
  /** Where it is, for messages: a file path or a postgres URL without its password. */
  readonly location: string;
  replaceCatalogue(input: { taxonomy: Taxonomy; tools: readonly Tool[]; source: string; sourceHash: string }): Promise<StoreInfo>;
  /** The stored base catalogue, or undefined when nothing was loaded yet (the overlay is separate: toolOverrides). */
  readCatalogue(): Promise<{ taxonomy: Taxonomy; tools: Tool[] } | undefined>;
  info(): Promise<StoreInfo | undefined>;
  /** A number that grows with every change to the catalogue or its overlay: what caches are keyed by. */
  catalogueVersion(): Promise<number>;
  /** Calls `listener` when another process (or this one) changed the catalogue; returns a function that stops it. */
  onCatalogueChange(listener: (version: number) => void): Promise<() => void>;
  close(): Promise<void>;
}
