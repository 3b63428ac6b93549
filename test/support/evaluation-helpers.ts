import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

/** Pushes facts for a client through the API, observed an hour ago, from source `test`. */
export async function pushFacts(app: NestExpressApplication, key: string, clientId: string, facts: Record<string, unknown>): Promise<void> {
  const body = { facts: Object.entries(facts).map(([name, value]) => ({ key: name, value, observedAt: hoursAgo(1), source: 'test' })) };
  await request(app.getHttpServer()).post(`/api/v1/clients/${clientId}/facts`).set({ Authorization: `Bearer ${key}` }).send(body).expect(200);
}

/** Requests an evaluation of every active client and waits (30 s at most) until it succeeds; returns its id. */
export async function evaluateAll(app: NestExpressApplication, key: string): Promise<string> {
  const api = () => request(app.getHttpServer());
  const auth = { Authorization: `Bearer ${key}` };
  const { body } = await api().post('/api/v1/evaluations').set(auth).send({}).expect(202);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const run = (await api().get(`/api/v1/evaluations/${body.id}`).set(auth).expect(200)).body;
    if (run.status === 'succeeded') return run.id;
    if (run.status === 'failed' || Date.now() > deadline) throw new Error(`Run ${body.id} ended ${run.status}: ${run.error}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
