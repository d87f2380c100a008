import { startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { meshCoveragePlugin } from './plugin';

describe('meshCoveragePlugin', () => {
  it('answers /health without credentials', async () => {
    const { server } = await startTestBackend({
      features: [meshCoveragePlugin],
    });
    const response = await request(server).get('/api/mesh-coverage/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});
