/**
 * Child process of the status.db kill -9 test (tests/unit/storage/sqlite-durability.test.ts): commits polls in
 * a loop as the engine does — each poll records one new incident and "announces" it (a stdout line) only
 * after its commit returned — until the parent kills it. It resumes from whatever the database holds, so a
 * lost commit would show as an id announced twice, and a lost row as an announced id missing from history.
 */
import { openStatusDatabase } from '../../shared/storage/sqlite';
import { newSourceState, type SourceState } from '../../shared/engine/state';
import type { Incident, ProviderStatus } from '../../shared/domain/types';

const path = process.argv[2]!;
const sdb = await openStatusDatabase(path);
const read = await sdb.store.read();
let state: SourceState = read.state?.sources.s ?? { ...newSourceState('https://status.example.com/history.atom'), baselined: true };
let n = Number(state.lastStatus?.activeIncidents[0]?.id ?? 0);
process.stdout.write('ready\n');
let at = Date.UTC(2026, 10, 21);
for (;;) {
  n++;
  at += 60_000;
  const iso = new Date(at).toISOString();
  const incident: Incident = { id: String(n), kind: 'incident', title: `Incident ${n} ${'x'.repeat(400)}`, status: 'investigating', impact: 'minor', createdAt: iso, updatedAt: iso, updates: [{ status: 'investigating', text: 'Looking.'.repeat(50), at: iso }], components: [] };
  const status: ProviderStatus = { provider: 'Example', format: 'atom', health: 'degraded', components: [], activeIncidents: [incident], recentIncidents: [], scheduledMaintenances: [], coverage: 'history' };
  const seen = { [String(n)]: { status: 'investigating' as const, active: true, firstSeenAt: at, lastSeenAt: at, title: incident.title } };
  state = { ...state, lastStatus: status, lastHealth: 'degraded', seen, etag: `"${n}"`, lastCheckedAt: at };
  const committed = sdb.store.commitPoll({ sourceId: 's', provider: 'Example', state, events: [{ type: 'incident.opened', sourceId: 's', provider: 'Example', health: 'degraded', at, incident }], at });
  // Commit now rather than after the group-commit wait: the test wants its kills to land among many commits.
  sdb.store.flush();
  await committed;
  process.stdout.write(`announced ${n}\n`);
}
