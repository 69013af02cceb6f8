import type { Generated } from 'kysely';

/** The tables, as kysely sees them (the same in SQLite and PostgreSQL; see migrations.ts). */
export interface DB {
  meta: { key: string; value: string };
  taxonomy: { id: number; document: string };
  tools: { id: string; name: string; license: string; open_source: number; status: string; document: string };
  stacks: { id: string; name: string; document: string; saved_at: string };
  stack_revisions: { id: Generated<number>; stack_id: string; name: string; document: string; saved_at: string; saved_by: string | null };
  users: { name: string; role: string; password_hash: string | null; created_at: string };
  tokens: { id: string; user_name: string; hash: string; label: string; created_at: string; revoked_at: string | null };
  sessions: { hash: string; user_name: string; csrf: string; expires_at: string };
  audit: {
    id: Generated<number>;
    at: string;
    actor: string;
    action: string;
    target: string;
    reason: string | null;
    before: string | null;
    after: string | null;
  };
  radars: { id: string; title: string; rings: string; quadrants: string; created_at: string; created_by: string };
  radar_blips: { radar_id: string; blip_id: string; document: string };
  radar_editions: { radar_id: string; date: string; published_at: string; published_by: string; blips: string };
  proposals: {
    id: Generated<number>;
    kind: string;
    state: string;
    author: string;
    reason: string;
    payload: string;
    created_at: string;
    reviewer: string | null;
    decision: string | null;
    comment: string | null;
    reviewed_at: string | null;
  };
  proposal_votes: { proposal_id: number; user_name: string; vote: number };
  tool_overrides: { id: string; document: string; base_hash: string | null; updated_at: string; updated_by: string };
}
