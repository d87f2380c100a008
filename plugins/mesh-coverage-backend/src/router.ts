import express from 'express';
import Router from 'express-promise-router';
import { MeshMatrixService } from '@meshcoverage/plugin-mesh-coverage-node';

export interface RouterOptions {
  matrixService: MeshMatrixService;
}

export async function createRouter(
  _options: RouterOptions,
): Promise<express.Router> {
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  return router;
}
