import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  MATRIX_EDITIONS,
  MatrixEdition,
  meshCoverageFleetReadPermission,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { MatrixEncoding, MeshCoverageService } from './service/types';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  /** Allows everything where the permission framework is off, as Backstage's own service does. */
  permissions: PermissionsService;
  meshCoverage: MeshCoverageService;
}

/** Prepared encodings of the matrix, smallest first. */
const MATRIX_ENCODINGS: MatrixEncoding[] = ['br', 'gzip', 'identity'];

/**
 * The smallest prepared body the client accepts: our order, not the header's (Chromium lists gzip
 * before br).
 */
function matrixEncodingFor(req: express.Request): MatrixEncoding {
  return (
    MATRIX_ENCODINGS.find(candidate => req.acceptsEncodings(candidate)) ??
    'identity'
  );
}

/** Request bodies are small lists of ids; anything larger is refused before parsing. */
const MAX_BODY = '64kb';
const MAX_IDS = 1000;

const idList = (name: string) =>
  z
    .array(z.string({ error: `${name}: every entry must be a string id` }), {
      error: iss =>
        iss.input === undefined
          ? `${name}: missing (expected a list of ids)`
          : `${name}: expected a list of ids`,
    })
    .max(MAX_IDS, `${name}: at most ${MAX_IDS} ids`);

const evaluateBody = z.object(
  {
    mesh: z.string({ error: 'mesh: expected a mesh id string, e.g. "istio"' }),
    requires: idList('requires'),
    implements: idList('implements').optional(),
  },
  { error: 'expected a JSON object { mesh, requires, implements? }' },
);

const matrixQuery = z.object({
  edition: z
    .enum(MATRIX_EDITIONS as [MatrixEdition, ...MatrixEdition[]], {
      error: iss =>
        `edition: unknown edition ${JSON.stringify(
          iss.input,
        )}; use one of ${MATRIX_EDITIONS.join(', ')}`,
    })
    .optional(),
});

const coverageQuery = z.object({
  entityRef: z
    .string({
      error:
        'entityRef: required, e.g. ?entityRef=component:default/payments-api',
    })
    .min(1, 'entityRef: must not be empty'),
});

const fleetQuery = z.object({
  mesh: z
    .string({ error: 'mesh: give one mesh id, e.g. ?mesh=istio' })
    .min(1, 'mesh: give one mesh id, e.g. ?mesh=istio')
    .optional(),
  entityRefs: z
    .enum(['true', 'false'], { error: 'entityRefs: true or false' })
    .optional(),
  live: z.enum(['true', 'false'], { error: 'live: true or false' }).optional(),
});

const rangeParams = {
  from: z
    .string({ error: 'from: give one date, e.g. ?from=2026-11-01' })
    .optional(),
  to: z.string({ error: 'to: give one date, e.g. ?to=2026-12-01' }).optional(),
};

const fleetHistoryQuery = z.object({
  ...rangeParams,
  mesh: z
    .string({ error: 'mesh: give one mesh id, e.g. ?mesh=istio' })
    .optional(),
  owner: z
    .string({
      error: 'owner: give one owner, e.g. ?owner=group:default/team-a',
    })
    .optional(),
});

const coverageHistoryQuery = coverageQuery.extend(rangeParams);

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new InputError(
      result.error.issues.map(issue => issue.message).join('; '),
    );
  }
  return result.data;
}

/** body-parser's errors, reworded as input errors that name the problem and the fix. */
function explainBodyErrors(
  error: Error & { type?: string },
  _req: express.Request,
  _res: express.Response,
  next: express.NextFunction,
) {
  if (error.type === 'entity.parse.failed') {
    next(new InputError(`request body is not valid JSON (${error.message})`));
  } else if (error.type === 'entity.too.large') {
    next(
      new InputError(
        `request body is larger than ${MAX_BODY}; send at most ${MAX_IDS} ids per list`,
      ),
    );
  } else {
    next(error);
  }
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, meshCoverage } = options;
  const router = Router();

  /** The caller's credentials, once they may read the fleet figures. */
  async function fleetReader(req: express.Request) {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: meshCoverageFleetReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `The fleet figures need the ${meshCoverageFleetReadPermission.name} permission; ask a Backstage admin to grant it`,
      );
    }
    return credentials;
  }
  router.use(express.json({ limit: MAX_BODY }));
  router.use(explainBodyErrors);

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/matrix', async (req, res) => {
    const { edition } = parse(matrixQuery, req.query);
    const { representations } = await meshCoverage.getSerializedMatrix(edition);
    const encoding = matrixEncodingFor(req);
    const { body, etag } = representations[encoding];
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    if (encoding !== 'identity') {
      // Set here, the root router's compression middleware leaves the prepared bytes alone.
      res.setHeader('Content-Encoding', encoding);
    }
    // The prepared bytes go out as they are: no per-request encoding or ETag hashing.
    res.setHeader('Content-Length', String(body.length));
    res.end(body);
  });

  router.post('/evaluate', async (req, res) => {
    res.json(await meshCoverage.evaluate(parse(evaluateBody, req.body)));
  });

  router.get('/coverage', async (req, res) => {
    const { entityRef } = parse(coverageQuery, req.query);
    const credentials = await httpAuth.credentials(req);
    res.json(await meshCoverage.getCoverage(entityRef, credentials));
  });

  router.get('/fleet', async (req, res) => {
    const { mesh, entityRefs, live } = parse(fleetQuery, req.query);
    const credentials = await fleetReader(req);
    res.json(
      await meshCoverage.getFleet(
        {
          whatIfMesh: mesh,
          includeEntityRefs: entityRefs === 'true',
          live: live === 'true',
        },
        credentials,
      ),
    );
  });

  router.get('/fleet/history', async (req, res) => {
    const query = parse(fleetHistoryQuery, req.query);
    await fleetReader(req);
    res.json(await meshCoverage.getFleetHistory(query));
  });

  router.get('/coverage/history', async (req, res) => {
    const query = parse(coverageHistoryQuery, req.query);
    const credentials = await httpAuth.credentials(req);
    res.json(await meshCoverage.getCoverageHistory(query, credentials));
  });

  return router;
}
