import { ConfigReader } from '@backstage/config';
import {
  builtinEdition,
  indexMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { readDefaultRequirements } from './defaultRequirements';

const SEED_MATRIX = builtinEdition('seed').matrix;

const index = indexMatrix(SEED_MATRIX);
const read = (defaultRequirements?: unknown) =>
  readDefaultRequirements(
    new ConfigReader(
      defaultRequirements ? { meshCoverage: { defaultRequirements } } : {},
    ),
    index,
  );

describe('readDefaultRequirements', () => {
  it('reads required ids by component type', () => {
    expect(read({ service: ['mtls', ' retries'], website: [] })).toEqual({
      service: ['mtls', 'retries'],
      website: [],
    });
  });

  it('is empty without config', () => {
    expect(read()).toEqual({});
  });

  it('names the key and the closest id of a typo', () => {
    expect(() => read({ service: ['mtls', 'retrys'] })).toThrow(
      "Invalid Mesh Coverage config:\n  meshCoverage.defaultRequirements.service[1]: unknown responsibility 'retrys' (did you mean 'retries'?)",
    );
  });

  it('names a value of the wrong type', () => {
    expect(() => read({ service: 'mtls' })).toThrow(
      /meshCoverage\.defaultRequirements\.service/,
    );
  });
});
