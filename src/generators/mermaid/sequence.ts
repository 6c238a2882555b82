/**
 * The sequence diagram of one request, derived from the model's connections: the client
 * resolves the name, then the request travels along `request` connections; at the compute tier,
 * cache reads come first (hit/miss as `alt`), reads on a miss go to the database readers when the
 * database routes reads to them, and writes go to the writer.
 */
import type { Component, Connection, ResolvedEnvironment } from '../../model/types.js';
import { say, WORDS } from './catalog.js';
import { connectionLabel } from './describe.js';
import { frontMatterString, IdAllocator, mermaidText } from './escape.js';

const DATA_STORES = new Set<Component['type']>(['database', 'cache', 'nosql-table']);

interface Participant {
  readonly id: string;
  readonly label: string;
  readonly actor: boolean;
}

class SequenceWriter {
  readonly participants = new Map<string, Participant>();
  readonly lines: string[] = [];
  private depth = 1;
  private readonly ids = new IdAllocator();

  participant(key: string, label: string, actor = false): string {
    const existing = this.participants.get(key);
    if (existing) return existing.id;
    const id = this.ids.id('p', key);
    this.participants.set(key, { id, label, actor });
    return id;
  }

  message(from: string, to: string, text: string, reply = false): void {
    this.line(`${from}${reply ? '-->>' : '->>'}${to}: ${mermaidText(text)}`);
  }

  block(keyword: 'alt' | 'else' | 'end', text = ''): void {
    if (keyword !== 'alt') this.depth--;
    this.line(text ? `${keyword} ${mermaidText(text)}` : keyword);
    if (keyword !== 'end') this.depth++;
  }

  private line(text: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}${text}`);
  }
}

/** The request sequence of one environment, or undefined when the model has no client. */
export function sequenceBody(env: ResolvedEnvironment): string | undefined {
  const components = new Map(env.components.map((c) => [c.id, c]));
  const client = env.components.find((c) => c.type === 'client');
  if (!client) return undefined;
  const w = new SequenceWriter();
  const from = (c: Component) => w.participant(c.id, say(c.name), c.type === 'client');
  const outgoingOf = new Map<string, Connection[]>();
  for (const c of env.connections) {
    if (c.kind === 'control' || c.kind === 'async') continue;
    const list = outgoingOf.get(c.from);
    if (list) list.push(c);
    else outgoingOf.set(c.from, [c]);
  }
  const outgoing = (id: string): readonly Connection[] => outgoingOf.get(id) ?? [];
  const target = (c: Connection) => components.get(c.to);

  /** The participant a data access reaches: a database's reader or writer, or the store itself. */
  const storeParticipant = (connection: Connection, store: Component): string => {
    if (store.type !== 'database') return from(store);
    const hasReader = store.instances.some((i) => i.role === 'reader');
    const role = connection.kind === 'read' && store.readReplicaRouting && hasReader ? 'reader' : 'writer';
    return w.participant(`${store.id}#${role}`, `${say(store.name)} ${role === 'reader' ? WORDS.reader : WORDS.writer}`);
  };

  const access = (node: string, connection: Connection, store: Component, answer: string) => {
    const participant = storeParticipant(connection, store);
    w.message(node, participant, connectionLabel(connection));
    w.message(participant, node, answer, true);
  };

  const visit = (component: Component, visited: Set<string>) => {
    visited.add(component.id);
    const node = from(component);
    const links = outgoing(component.id);
    for (const connection of links) {
      const next = target(connection);
      if (!next || visited.has(next.id) || DATA_STORES.has(next.type) || next.type === 'dns' || connection.kind !== 'request') continue;
      w.message(node, from(next), connectionLabel(connection));
      visit(next, visited);
      w.message(from(next), node, WORDS.response, true);
    }
    const data = links.filter((c) => target(c) && DATA_STORES.has(target(c)!.type));
    const cacheReads = data.filter((c) => target(c)!.type === 'cache' && c.kind !== 'write');
    const reads = data.filter((c) => target(c)!.type !== 'cache' && c.kind !== 'write');
    const writes = data.filter((c) => c.kind === 'write');
    if (cacheReads.length && reads.length) {
      for (const c of cacheReads) w.message(node, from(target(c)!), connectionLabel(c));
      w.block('alt', WORDS.cacheHit);
      for (const c of cacheReads) w.message(from(target(c)!), node, WORDS.cachedValue, true);
      w.block('else', reads.map((c) => (c.condition ? say(c.condition) : '')).find(Boolean) ?? WORDS.cacheMiss);
      for (const c of cacheReads) w.message(from(target(c)!), node, WORDS.notCached, true);
      for (const c of reads) access(node, c, target(c)!, WORDS.rows);
      w.block('end');
    } else {
      for (const c of [...cacheReads, ...reads]) access(node, c, target(c)!, c.kind === 'read' && target(c)!.type === 'cache' ? WORDS.cachedValue : WORDS.rows);
    }
    for (const c of writes) access(node, c, target(c)!, WORDS.committed);
  };

  const clientId = from(client);
  for (const connection of outgoing(client.id)) {
    const dns = target(connection);
    if (dns?.type !== 'dns') continue;
    const dnsId = from(dns);
    w.message(clientId, dnsId, connectionLabel(connection));
    const records = dns.records.map((r) => `${r.name} ${r.type}${r.aliasTarget && components.get(r.aliasTarget) ? ` → ${say(components.get(r.aliasTarget)!.name)}` : ''}`);
    w.message(dnsId, clientId, records.length ? records.join(', ') : WORDS.dnsAnswer, true);
  }
  visit(client, new Set());
  const declarations = [...w.participants.values()].map((p) => `  ${p.actor ? 'actor' : 'participant'} ${p.id} as ${mermaidText(p.label)}`);
  return ['sequenceDiagram', '  autonumber', ...declarations, ...w.lines].join('\n');
}

/** Adds the front-matter title to a diagram body. */
export const withTitle = (title: string, body: string): string => `---\ntitle: ${frontMatterString(title)}\n---\n${body.endsWith('\n') ? body : `${body}\n`}`;
