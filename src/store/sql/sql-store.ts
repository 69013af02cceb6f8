import { sql, type Kysely, type Transaction } from 'kysely';
import { createHash } from 'node:crypto';
import { TaxonomySchema, type Taxonomy } from '../../core/taxonomy/schema.js';
import type { Tool } from '../../core/catalogue/tool.js';
import type { Stack } from '../../core/stack/schema.js';
import type { Blip, Radar } from '../../core/radar/schema.js';
import {
  ApplyRefused,
  type Actor,
  type ApplyProposal,
  type AuditEntry,
  type CatalogueStore,
  type OrgWrites,
  type Proposal,
  type ProposalKind,
  type ProposalState,
  type PublishResult,
  type RadarSummary,
  type Role,
  type StoreInfo,
  type StoredRadar,
  type StoredStack,
  type TokenRecord,
  type User,
} from '../store.js';
import { StoreError } from '../errors.js';
import { migrationsFor, type Dialect } from './migrations.js';
import type { DB } from './schema.js';

type Q = Kysely<DB> | Transaction<DB>;
const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
const parse = <T>(s: string | null): T | undefined => (s === null ? undefined : (JSON.parse(s) as T));
const now = () => new Date().toISOString();
/** A short hash of a stored tool document: what an organisation's change remembers of the base it was made on. */
export const documentHash = (document: string) => createHash('sha256').update(document).digest('hex').slice(0, 16);
/** Rows per INSERT in bulk loads: well under PostgreSQL's 65,535 bound parameters at six columns a row. */
const CHUNK = 1000;

/**
 * Everything the store does, written once over kysely for SQLite and PostgreSQL. Every write runs in
 * one transaction with its audit entry, so a write and its record stand or fall together. Rows that
 * several writers may change at once are locked first on PostgreSQL (SQLite has one writer at a time).
 */
export abstract class SqlStore implements CatalogueStore {
  protected constructor(
    protected readonly db: Kysely<DB>,
    readonly kind: Dialect,
    readonly location: string,
    /** Opened read-only (the file is not writable): writes are refused with a StoreError. */
    readonly readOnly = false,
  ) {}

  /** Where PostgreSQL announces catalogue changes. */
  protected notifyChannel(): string {
    return 'mlnav';
  }

  /** A driver error as a StoreError naming the database. */
  protected abstract mapError(e: unknown): StoreError;

  /** Runs a write, turning a held lock, a read-only database or damage into a StoreError that names it. */
  protected async writing<T>(fn: () => Promise<T> | T): Promise<T> {
    if (this.readOnly) throw new StoreError(`${this.location} is read-only: reads work, but nothing can be written to it`, 'read-only');
    try {
      return await fn();
    } catch (e) {
      throw e instanceof StoreError || e instanceof ApplyRefused ? e : this.mapError(e);
    }
  }

  protected tx<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.writing(() => this.db.transaction().execute(fn));
  }

  /** Locks the selected rows until the transaction ends (PostgreSQL; SQLite's writer lock already serialises). */
  private lock<QB extends { forUpdate(): QB }>(qb: QB): QB {
    return this.kind === 'postgres' ? qb.forUpdate() : qb;
  }

  protected async record(trx: Q, actor: Actor, action: string, target: string, before?: unknown, after?: unknown): Promise<void> {
    await trx
      .insertInto('audit')
      .values({ at: now(), actor: actor.user, action, target, reason: actor.reason ?? null, before: json(before), after: json(after) })
      .execute();
  }

  /** Bumps the catalogue version inside `trx`; PostgreSQL tells the other servers when it commits. */
  protected async bumpVersion(trx: Q): Promise<number> {
    const row = await trx
      .insertInto('meta')
      .values({ key: 'catalogue_version', value: '1' })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql<string>`cast(cast(meta.value as integer) + 1 as text)` }))
      .returning('value')
      .executeTakeFirstOrThrow();
    const version = Number(row.value);
    if (this.kind === 'postgres') await sql`select pg_notify(${this.notifyChannel()}, ${String(version)})`.execute(trx);
    return version;
  }

  // ---- catalogue -------------------------------------------------------------------------------

  async replaceCatalogue(input: { taxonomy: Taxonomy; tools: readonly Tool[]; source: string; sourceHash: string }): Promise<StoreInfo> {
    const version = await this.tx(async (trx) => {
      await trx.deleteFrom('tools').execute();
      await trx.deleteFrom('taxonomy').execute();
      await trx
        .insertInto('taxonomy')
        .values({ id: 1, document: JSON.stringify(input.taxonomy) })
        .execute();
      for (let i = 0; i < input.tools.length; i += CHUNK) {
        const rows = input.tools.slice(i, i + CHUNK).map((t) => ({
          id: t.id,
          name: t.name,
          license: t.license,
          open_source: t.openSource ? 1 : 0,
          status: t.status.state,
          document: JSON.stringify(t),
        }));
        await trx.insertInto('tools').values(rows).execute();
      }
      await this.setMeta(trx, { source: input.source, source_hash: input.sourceHash, loaded_at: now() });
      return this.bumpVersion(trx);
    });
    this.changed(version);
    return (await this.info())!;
  }

  protected async setMeta(trx: Q, values: Record<string, string>): Promise<void> {
    for (const [key, value] of Object.entries(values))
      await trx
        .insertInto('meta')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
  }

  async readCatalogue(): Promise<{ taxonomy: Taxonomy; tools: Tool[] } | undefined> {
    const tax = await this.db.selectFrom('taxonomy').select('document').executeTakeFirst();
    if (!tax) return undefined;
    const rows = await this.db.selectFrom('tools').select('document').orderBy('id').execute();
    // Read through the schema again: a taxonomy stored by an earlier version lacks the fields added
    // since, and their defaults come from here (the parse is cheap: one document).
    const taxonomy = TaxonomySchema.safeParse(JSON.parse(tax.document));
    if (!taxonomy.success)
      throw new StoreError(
        `${this.location}: the stored taxonomy does not fit this version of mlnav (${taxonomy.error.issues[0]?.path.join('.')}: ${taxonomy.error.issues[0]?.message}): import the catalogue again`,
        'other',
      );
    return { taxonomy: taxonomy.data, tools: rows.map((r) => JSON.parse(r.document) as Tool) };
  }

  async info(): Promise<StoreInfo | undefined> {
    const meta = new Map((await this.db.selectFrom('meta').selectAll().execute()).map((r) => [r.key, r.value]));
    if (!meta.has('loaded_at')) return undefined;
    const { count } = await this.db
      .selectFrom('tools')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    const migrationNames = Object.keys(migrationsFor(this.kind)).sort();
    return {
      tools: Number(count),
      source: meta.get('source') ?? '',
      sourceHash: meta.get('source_hash') ?? '',
      loadedAt: meta.get('loaded_at') ?? '',
      schemaVersion: migrationNames[migrationNames.length - 1]!,
      catalogueVersion: Number(meta.get('catalogue_version') ?? 0),
    };
  }

  async catalogueVersion(): Promise<number> {
    const row = await this.db.selectFrom('meta').select('value').where('key', '=', 'catalogue_version').executeTakeFirst();
    return row ? Number(row.value) : 0;
  }

  protected readonly listeners = new Set<(version: number) => void>();
  async onCatalogueChange(listener: (version: number) => void): Promise<() => void> {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** Tells this process's listeners (other processes learn it from the database; see PostgresStore). */
  protected changed(version: number): void {
    for (const l of this.listeners) l(version);
  }

  async toolOverrides(): Promise<Array<{ tool: Tool; baseHash?: string; updatedAt: string; updatedBy: string }>> {
    const rows = await this.db.selectFrom('tool_overrides').selectAll().orderBy('id').execute();
    return rows.map((r) => ({ tool: JSON.parse(r.document) as Tool, baseHash: r.base_hash ?? undefined, updatedAt: r.updated_at, updatedBy: r.updated_by }));
  }

  // ---- stacks ----------------------------------------------------------------------------------

  async saveStack(id: string, stack: Stack, actor?: Actor, mode: 'create' | 'update' | 'upsert' = 'upsert'): Promise<StoredStack | undefined> {
    const savedAt = now();
    const row = { id, name: stack.name, document: JSON.stringify(stack), saved_at: savedAt };
    return this.tx(async (trx) => {
      const existing = await this.lock(trx.selectFrom('stacks').select(['id', 'document']).where('id', '=', id)).executeTakeFirst();
      if (mode === 'create' && existing) return undefined;
      if (mode === 'update' && !existing) return undefined;
      if (existing) await trx.updateTable('stacks').set({ name: row.name, document: row.document, saved_at: savedAt }).where('id', '=', id).execute();
      else
        await trx
          .insertInto('stacks')
          .values(row)
          .onConflict((oc) => oc.column('id').doUpdateSet({ name: row.name, document: row.document, saved_at: row.saved_at }))
          .execute();
      await trx
        .insertInto('stack_revisions')
        .values({ stack_id: id, name: stack.name, document: row.document, saved_at: savedAt, saved_by: actor?.user ?? null })
        .execute();
      const { n } = await trx
        .selectFrom('stack_revisions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('stack_id', '=', id)
        .executeTakeFirstOrThrow();
      if (actor) await this.record(trx, actor, existing ? 'stack.update' : 'stack.create', `stack:${id}`, parse(existing?.document ?? null), stack);
      return { id, name: stack.name, savedAt, savedBy: actor?.user, revision: Number(n), stack };
    });
  }

  async getStack(id: string): Promise<StoredStack | undefined> {
    const r = await this.db.selectFrom('stacks').selectAll().where('id', '=', id).executeTakeFirst();
    return r && { id: r.id, name: r.name, savedAt: r.saved_at, stack: JSON.parse(r.document) as Stack };
  }

  async listStacks(): Promise<Array<Omit<StoredStack, 'stack'>>> {
    const rows = await this.db.selectFrom('stacks').select(['id', 'name', 'saved_at']).orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, savedAt: r.saved_at }));
  }

  async stackHistory(id: string): Promise<Array<Omit<StoredStack, 'id'>>> {
    const rows = await this.db.selectFrom('stack_revisions').selectAll().where('stack_id', '=', id).orderBy('id').execute();
    return rows.map((r, i) => ({
      name: r.name,
      savedAt: r.saved_at,
      savedBy: r.saved_by ?? undefined,
      revision: i + 1,
      stack: JSON.parse(r.document) as Stack,
    }));
  }

  // ---- accounts --------------------------------------------------------------------------------

  async addUser(user: { name: string; role: Role; passwordHash?: string }, actor: Actor): Promise<User | undefined> {
    const createdAt = now();
    return this.tx(async (trx) => {
      const taken = await trx.selectFrom('users').select('name').where('name', '=', user.name).executeTakeFirst();
      if (taken) return undefined;
      await trx
        .insertInto('users')
        .values({ name: user.name, role: user.role, password_hash: user.passwordHash ?? null, created_at: createdAt })
        .execute();
      await this.record(trx, actor, 'user.add', `user:${user.name}`, undefined, { name: user.name, role: user.role });
      return { name: user.name, role: user.role, createdAt };
    });
  }

  async getUser(name: string): Promise<(User & { passwordHash?: string }) | undefined> {
    const r = await this.db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
    return r && { name: r.name, role: r.role as Role, createdAt: r.created_at, passwordHash: r.password_hash ?? undefined };
  }

  async listUsers(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').select(['name', 'role', 'created_at']).orderBy('name').execute();
    return rows.map((r) => ({ name: r.name, role: r.role as Role, createdAt: r.created_at }));
  }

  async removeUser(name: string, actor: Actor): Promise<boolean> {
    return this.tx(async (trx) => {
      const before = await trx.selectFrom('users').select(['name', 'role']).where('name', '=', name).executeTakeFirst();
      if (!before) return false;
      await trx.deleteFrom('tokens').where('user_name', '=', name).execute();
      await trx.deleteFrom('sessions').where('user_name', '=', name).execute();
      await trx.deleteFrom('users').where('name', '=', name).execute();
      await this.record(trx, actor, 'user.remove', `user:${name}`, before, undefined);
      return true;
    });
  }

  async addToken(token: { id: string; user: string; hash: string; label: string }, actor: Actor): Promise<void> {
    await this.tx(async (trx) => {
      await trx
        .insertInto('tokens')
        .values({ id: token.id, user_name: token.user, hash: token.hash, label: token.label, created_at: now(), revoked_at: null })
        .execute();
      await this.record(trx, actor, 'token.add', `token:${token.id}`, undefined, { user: token.user, label: token.label });
    });
  }

  async findToken(id: string): Promise<{ hash: string; user: User } | undefined> {
    const r = await this.db
      .selectFrom('tokens')
      .innerJoin('users', 'users.name', 'tokens.user_name')
      .select(['tokens.hash', 'users.name', 'users.role', 'users.created_at'])
      .where('tokens.id', '=', id)
      .where('tokens.revoked_at', 'is', null)
      .executeTakeFirst();
    return r && { hash: r.hash, user: { name: r.name, role: r.role as Role, createdAt: r.created_at } };
  }

  async listTokens(user?: string): Promise<TokenRecord[]> {
    let q = this.db.selectFrom('tokens').select(['id', 'user_name', 'label', 'created_at', 'revoked_at']);
    if (user !== undefined) q = q.where('user_name', '=', user);
    const rows = await q.orderBy('created_at').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, user: r.user_name, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at ?? undefined }));
  }

  async revokeToken(id: string, actor: Actor): Promise<boolean> {
    return this.tx(async (trx) => {
      const res = await trx.updateTable('tokens').set({ revoked_at: now() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) return false;
      await this.record(trx, actor, 'token.revoke', `token:${id}`);
      return true;
    });
  }

  async addSession(s: { hash: string; user: string; csrf: string; expiresAt: string }): Promise<void> {
    await this.writing(async () => {
      // Expired sessions are swept on each sign-in, so the table stays the size of the live ones.
      await this.db.deleteFrom('sessions').where('expires_at', '<', now()).execute();
      await this.db.insertInto('sessions').values({ hash: s.hash, user_name: s.user, csrf: s.csrf, expires_at: s.expiresAt }).execute();
    });
  }

  async findSession(hash: string, at: string): Promise<{ user: User; csrf: string } | undefined> {
    const r = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.name', 'sessions.user_name')
      .select(['sessions.csrf', 'users.name', 'users.role', 'users.created_at'])
      .where('sessions.hash', '=', hash)
      .where('sessions.expires_at', '>', at)
      .executeTakeFirst();
    return r && { csrf: r.csrf, user: { name: r.name, role: r.role as Role, createdAt: r.created_at } };
  }

  async removeSession(hash: string): Promise<void> {
    await this.writing(() => this.db.deleteFrom('sessions').where('hash', '=', hash).execute());
  }

  // ---- radars ----------------------------------------------------------------------------------

  async createRadar(radar: { id: string; title: string; rings: Radar['rings']; quadrants: Radar['quadrants']; draft?: Blip[] }, actor: Actor): Promise<string> {
    return this.tx(async (trx) => {
      const taken = new Set(
        (
          await trx
            .selectFrom('radars')
            .select('id')
            .where((eb) => eb.or([eb('id', '=', radar.id), eb('id', 'like', `${radar.id}-%`)]))
            .execute()
        ).map((r) => r.id),
      );
      let id = radar.id;
      for (let n = 2; taken.has(id); n++) id = `${radar.id}-${n}`;
      await trx
        .insertInto('radars')
        .values({
          id,
          title: radar.title,
          rings: JSON.stringify(radar.rings),
          quadrants: JSON.stringify(radar.quadrants),
          created_at: now(),
          created_by: actor.user,
        })
        .execute();
      for (const b of radar.draft ?? [])
        await trx
          .insertInto('radar_blips')
          .values({ radar_id: id, blip_id: b.id, document: JSON.stringify(b) })
          .execute();
      await this.record(trx, actor, 'radar.create', `radar:${id}`, undefined, {
        title: radar.title,
        rings: radar.rings,
        quadrants: radar.quadrants,
        blips: radar.draft?.length ?? 0,
      });
      return id;
    });
  }

  async listRadars(): Promise<RadarSummary[]> {
    const radars = await this.db.selectFrom('radars').selectAll().orderBy('created_at').orderBy('id').execute();
    const editions = await this.db
      .selectFrom('radar_editions')
      .select(['radar_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('date').as('last')])
      .groupBy('radar_id')
      .execute();
    const byRadar = new Map(editions.map((e) => [e.radar_id, e]));
    return radars.map((r) => ({
      id: r.id,
      title: r.title,
      editions: Number(byRadar.get(r.id)?.n ?? 0),
      lastPublished: (byRadar.get(r.id)?.last as string | undefined) ?? undefined,
      createdAt: r.created_at,
      createdBy: r.created_by,
    }));
  }

  async getRadar(id: string, opts: { editions?: boolean } = {}): Promise<StoredRadar | undefined> {
    const r = await this.db.selectFrom('radars').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return undefined;
    const editions = opts.editions === false ? [] : await this.db.selectFrom('radar_editions').selectAll().where('radar_id', '=', id).orderBy('date').execute();
    const draft = await this.db.selectFrom('radar_blips').select('document').where('radar_id', '=', id).orderBy('blip_id').execute();
    return {
      id: r.id,
      title: r.title,
      rings: JSON.parse(r.rings) as Radar['rings'],
      quadrants: JSON.parse(r.quadrants) as Radar['quadrants'],
      editions: editions.map((e) => ({ date: e.date, publishedAt: e.published_at, publishedBy: e.published_by, blips: JSON.parse(e.blips) as Blip[] })),
      draft: draft.map((d) => JSON.parse(d.document) as Blip),
      createdAt: r.created_at,
      createdBy: r.created_by,
    };
  }

  private async lockRadar(trx: Q, radarId: string): Promise<boolean> {
    return !!(await this.lock(trx.selectFrom('radars').select('id').where('id', '=', radarId)).executeTakeFirst());
  }

  private async putBlipIn(trx: Q, radarId: string, blip: Blip, actor: Actor): Promise<{ before?: Blip } | 'no-radar'> {
    if (!(await this.lockRadar(trx, radarId))) return 'no-radar';
    const old = await trx.selectFrom('radar_blips').select('document').where('radar_id', '=', radarId).where('blip_id', '=', blip.id).executeTakeFirst();
    const document = JSON.stringify(blip);
    await trx
      .insertInto('radar_blips')
      .values({ radar_id: radarId, blip_id: blip.id, document })
      .onConflict((oc) => oc.columns(['radar_id', 'blip_id']).doUpdateSet({ document }))
      .execute();
    const before = parse<Blip>(old?.document ?? null);
    await this.record(trx, actor, 'radar.blip.put', `radar:${radarId}/${blip.id}`, before, blip);
    return { before };
  }

  putBlip(radarId: string, blip: Blip, actor: Actor): Promise<{ before?: Blip } | 'no-radar'> {
    return this.tx((trx) => this.putBlipIn(trx, radarId, blip, actor));
  }

  deleteBlip(radarId: string, blipId: string, actor: Actor): Promise<'deleted' | 'no-radar' | 'no-blip'> {
    return this.tx(async (trx) => {
      if (!(await this.lockRadar(trx, radarId))) return 'no-radar';
      const old = await trx.selectFrom('radar_blips').select('document').where('radar_id', '=', radarId).where('blip_id', '=', blipId).executeTakeFirst();
      if (!old) return 'no-blip';
      await trx.deleteFrom('radar_blips').where('radar_id', '=', radarId).where('blip_id', '=', blipId).execute();
      await this.record(trx, actor, 'radar.blip.delete', `radar:${radarId}/${blipId}`, JSON.parse(old.document), undefined);
      return 'deleted';
    });
  }

  replaceDraft(radarId: string, blips: Blip[], actor: Actor): Promise<boolean> {
    return this.tx(async (trx) => {
      if (!(await this.lockRadar(trx, radarId))) return false;
      const before = await trx
        .selectFrom('radar_blips')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('radar_id', '=', radarId)
        .executeTakeFirstOrThrow();
      await trx.deleteFrom('radar_blips').where('radar_id', '=', radarId).execute();
      for (let i = 0; i < blips.length; i += CHUNK)
        await trx
          .insertInto('radar_blips')
          .values(blips.slice(i, i + CHUNK).map((b) => ({ radar_id: radarId, blip_id: b.id, document: JSON.stringify(b) })))
          .execute();
      await this.record(trx, actor, 'radar.import', `radar:${radarId}`, { blips: Number(before.n) }, { blips: blips.length });
      return true;
    });
  }

  publish(radarId: string, date: string, actor: Actor): Promise<PublishResult> {
    return this.tx(async (trx) => {
      if (!(await this.lockRadar(trx, radarId))) return { ok: false, reason: 'no-radar' } as const;
      const latest = await trx.selectFrom('radar_editions').select('date').where('radar_id', '=', radarId).orderBy('date', 'desc').executeTakeFirst();
      if (latest?.date === date) return { ok: false, reason: 'date-taken', latest: latest.date } as const;
      if (latest && latest.date > date) return { ok: false, reason: 'not-later', latest: latest.date } as const;
      const draft = await trx.selectFrom('radar_blips').select('document').where('radar_id', '=', radarId).orderBy('blip_id').execute();
      const blips = draft.map((d) => JSON.parse(d.document) as Blip);
      await trx
        .insertInto('radar_editions')
        .values({ radar_id: radarId, date, published_at: now(), published_by: actor.user, blips: JSON.stringify(blips) })
        .execute();
      await this.record(trx, actor, 'radar.publish', `radar:${radarId}`, undefined, { date, blips: blips.length });
      return { ok: true } as const;
    });
  }

  // ---- proposals -------------------------------------------------------------------------------

  private async proposalFrom(trx: Q, row: DB['proposals'] & { id: number }): Promise<Proposal> {
    const votes = await trx.selectFrom('proposal_votes').select(['user_name', 'vote']).where('proposal_id', '=', row.id).orderBy('user_name').execute();
    return this.toProposal(row, votes);
  }

  private toProposal(row: DB['proposals'] & { id: number }, votes: Array<{ user_name: string; vote: number }>): Proposal {
    const by: Record<string, 1 | -1> = {};
    for (const v of votes) by[v.user_name] = v.vote > 0 ? 1 : -1;
    return {
      id: Number(row.id),
      kind: row.kind as ProposalKind,
      state: row.state as ProposalState,
      author: row.author,
      reason: row.reason,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
      createdAt: row.created_at,
      votes: { up: votes.filter((v) => v.vote > 0).length, down: votes.filter((v) => v.vote < 0).length, by },
      review: row.reviewer
        ? { by: row.reviewer, decision: row.decision as 'approve' | 'reject', comment: row.comment ?? '', at: row.reviewed_at ?? '' }
        : undefined,
    };
  }

  addProposal(p: { kind: ProposalKind; reason: string; payload: Record<string, unknown> }, actor: Actor): Promise<Proposal> {
    return this.tx(async (trx) => {
      const { id } = await trx
        .insertInto('proposals')
        .values({ kind: p.kind, state: 'open', author: actor.user, reason: p.reason, payload: JSON.stringify(p.payload), created_at: now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.record(trx, { user: actor.user, reason: p.reason }, 'proposal.add', `proposal:${id}`, undefined, { kind: p.kind, payload: p.payload });
      const row = await trx.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return this.proposalFrom(trx, row as DB['proposals'] & { id: number });
    });
  }

  async getProposal(id: number): Promise<Proposal | undefined> {
    const row = await this.db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
    return row && this.proposalFrom(this.db, row as DB['proposals'] & { id: number });
  }

  async listProposals(state?: ProposalState): Promise<Proposal[]> {
    let q = this.db.selectFrom('proposals').selectAll();
    if (state) q = q.where('state', '=', state);
    const rows = await q.orderBy('id').execute();
    if (!rows.length) return [];
    // All their votes in one query, not one per proposal.
    let v = this.db.selectFrom('proposal_votes').select(['proposal_id', 'user_name', 'vote']);
    if (state) v = v.where('proposal_id', 'in', this.db.selectFrom('proposals').select('id').where('state', '=', state));
    const votes = new Map<number, Array<{ user_name: string; vote: number }>>();
    for (const x of await v.orderBy('user_name').execute()) {
      const list = votes.get(Number(x.proposal_id)) ?? [];
      list.push(x);
      votes.set(Number(x.proposal_id), list);
    }
    return rows.map((r) => this.toProposal(r as DB['proposals'] & { id: number }, votes.get(Number(r.id)) ?? []));
  }

  vote(id: number, vote: 1 | -1, actor: Actor): Promise<Proposal | 'no-proposal' | 'closed'> {
    return this.tx(async (trx) => {
      const row = await this.lock(trx.selectFrom('proposals').selectAll().where('id', '=', id)).executeTakeFirst();
      if (!row) return 'no-proposal';
      if (row.state !== 'open') return 'closed';
      await trx
        .insertInto('proposal_votes')
        .values({ proposal_id: id, user_name: actor.user, vote })
        .onConflict((oc) => oc.columns(['proposal_id', 'user_name']).doUpdateSet({ vote }))
        .execute();
      await this.record(trx, actor, 'proposal.vote', `proposal:${id}`, undefined, { vote });
      return this.proposalFrom(trx, row as DB['proposals'] & { id: number });
    });
  }

  async review(id: number, decision: 'approve' | 'reject', comment: string, apply: ApplyProposal, actor: Actor): Promise<Proposal | 'no-proposal' | 'closed'> {
    const versions: number[] = [];
    const result = await this.tx(async (trx) => {
      const row = await this.lock(trx.selectFrom('proposals').selectAll().where('id', '=', id)).executeTakeFirst();
      if (!row) return 'no-proposal';
      if (row.state !== 'open') return 'closed';
      const proposal = await this.proposalFrom(trx, row as DB['proposals'] & { id: number });
      const who = { user: actor.user, reason: comment || proposal.reason };
      if (decision === 'approve') await apply(proposal, this.writesIn(trx, versions));
      const reviewedAt = now();
      await trx
        .updateTable('proposals')
        .set({ state: decision === 'approve' ? 'approved' : 'rejected', reviewer: actor.user, decision, comment, reviewed_at: reviewedAt })
        .where('id', '=', id)
        .execute();
      await this.record(
        trx,
        who,
        `proposal.${decision}`,
        `proposal:${id}`,
        { state: 'open' },
        { state: decision === 'approve' ? 'approved' : 'rejected', comment },
      );
      const after = await trx.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return this.proposalFrom(trx, after as DB['proposals'] & { id: number });
    });
    // Committed: this process's caches follow now (other processes hear it from the database).
    if (versions.length) this.changed(Math.max(...versions));
    return result;
  }

  /** The writes an approval may make, bound to its transaction; catalogue versions it made are pushed to `versions`. */
  private writesIn(trx: Transaction<DB>, versions: number[]): OrgWrites {
    return {
      putToolOverride: async (tool, actor) => {
        const old = await trx.selectFrom('tool_overrides').select('document').where('id', '=', tool.id).executeTakeFirst();
        const base = await trx.selectFrom('tools').select('document').where('id', '=', tool.id).executeTakeFirst();
        const baseHash = base ? documentHash(base.document) : undefined;
        const document = JSON.stringify(tool);
        const at = now();
        await trx
          .insertInto('tool_overrides')
          .values({ id: tool.id, document, base_hash: baseHash ?? null, updated_at: at, updated_by: actor.user })
          .onConflict((oc) => oc.column('id').doUpdateSet({ document, base_hash: baseHash ?? null, updated_at: at, updated_by: actor.user }))
          .execute();
        await this.record(trx, actor, old || base ? 'tool.change' : 'tool.add', `tool:${tool.id}`, parse(old?.document ?? base?.document ?? null), tool);
        versions.push(await this.bumpVersion(trx));
      },
      putBlip: (radarId, blip, actor) => this.putBlipIn(trx, radarId, blip, actor),
      getRadarDraft: async (radarId) => {
        if (!(await this.lockRadar(trx, radarId))) return undefined;
        const rows = await trx.selectFrom('radar_blips').select('document').where('radar_id', '=', radarId).execute();
        return rows.map((r) => JSON.parse(r.document) as Blip);
      },
    };
  }
  async audit(filter: { target?: string; limit?: number; after?: number } = {}): Promise<AuditEntry[]> {
    let q = this.db.selectFrom('audit').selectAll();
    if (filter.target !== undefined) q = q.where((eb) => eb.or([eb('target', '=', filter.target!), eb('target', 'like', `${filter.target!}/%`)]));
    if (filter.after !== undefined) q = q.where('id', '>', filter.after);
    const rows = await q
      .orderBy('id')
      .limit(filter.limit ?? 1000)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      actor: r.actor,
      action: r.action,
      target: r.target,
      reason: r.reason ?? undefined,
      before: parse(r.before),
      after: parse(r.after),
    }));
  }

  abstract close(): Promise<void>;
}
